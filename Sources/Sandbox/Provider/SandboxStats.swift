/// Request counters of the provider, so tests can assert "one fetch per interval" and how many faults were hit.
public struct SandboxStats: Sendable, Equatable {
    /// List requests received per object, faulted ones included.
    public var listRequests: [SandboxObject: Int]
    /// Single-record GETs received per object.
    public var getRequests: [SandboxObject: Int]
    /// List requests answered with an injected fault.
    public var faultsServed: Int
    /// Visible records per object (pending late writes excluded).
    public var records: [SandboxObject: Int]
    /// Late writes not yet visible.
    public var pendingLateWrites: Int
    /// The most List requests ever answered at the same time (a client's concurrency, seen from the provider).
    public var peakConcurrentListRequests: Int

    public init(
        listRequests: [SandboxObject: Int] = [:],
        getRequests: [SandboxObject: Int] = [:],
        faultsServed: Int = 0,
        records: [SandboxObject: Int] = [:],
        pendingLateWrites: Int = 0,
        peakConcurrentListRequests: Int = 0
    ) {
        self.listRequests = listRequests
        self.getRequests = getRequests
        self.faultsServed = faultsServed
        self.records = records
        self.pendingLateWrites = pendingLateWrites
        self.peakConcurrentListRequests = peakConcurrentListRequests
    }

    /// List requests received for `object` (0 when none).
    public func listRequests(_ object: SandboxObject) -> Int { listRequests[object, default: 0] }
}
