import Store

/// What the sandbox provider serves: a deterministic seeded dataset and the List API's limits.
///
/// The same seed and sizes always produce the same records, byte for byte, so tests and benchmarks can compare
/// runs. Generated timestamps start at ``baseTime`` and advance by ``step`` per group of records sharing one
/// `updated_at` (group sizes drawn from ``tieGroupSizes``), so every page boundary is likely to cut a tie group.
public struct SandboxConfiguration: Sendable {
    /// Seeds every generated value (names, links between objects, group sizes, mutations).
    public var seed: UInt64
    /// Number of generated contacts (`c_000001`, …).
    public var contacts: Int
    /// Number of generated companies (`co_000001`, …); contacts and deals point at them.
    public var companies: Int
    /// Number of generated deals (`d_000001`, …).
    public var deals: Int
    /// `updated_at` of the first generated group; default 2026-01-01T00:00:00.000Z.
    public var baseTime: Timestamp
    /// Time between consecutive timestamp groups; default one second.
    public var step: Duration
    /// How many records share one `updated_at`; default 1...8.
    public var tieGroupSizes: ClosedRange<Int>
    /// Page size when a List request has no `limit`; default 100.
    public var defaultLimit: Int
    /// Largest accepted `limit`; larger values are clamped. Default 1,000.
    public var maxLimit: Int
    /// The provider's clock: `updated_at` of mutations and creations, and the time that releases late writes.
    /// (The HTTP `Date` header is Hummingbird's and always the real time.)
    public var clock: @Sendable () -> Timestamp
    /// Told about every List request as it arrives, with its object and `Authorization` header (the benchmarks tell
    /// connections apart by their tokens to measure each one's poll period).
    public var listObserver: (@Sendable (SandboxObject, String?) -> Void)?

    public init(
        seed: UInt64 = 1,
        contacts: Int = 200,
        companies: Int = 50,
        deals: Int = 100,
        baseTime: Timestamp = Timestamp(milliseconds: 1_767_225_600_000),
        step: Duration = .seconds(1),
        tieGroupSizes: ClosedRange<Int> = 1...8,
        defaultLimit: Int = 100,
        maxLimit: Int = 1000,
        clock: @escaping @Sendable () -> Timestamp = { Timestamp.now() }
    ) {
        self.seed = seed
        self.contacts = max(0, contacts)
        self.companies = max(0, companies)
        self.deals = max(0, deals)
        self.baseTime = baseTime
        self.step = step
        self.tieGroupSizes = max(1, tieGroupSizes.lowerBound)...max(1, tieGroupSizes.upperBound)
        self.maxLimit = max(1, maxLimit)
        self.defaultLimit = min(max(1, defaultLimit), self.maxLimit)
        self.clock = clock
    }

    func size(of object: SandboxObject) -> Int {
        switch object {
        case .contacts: return contacts
        case .companies: return companies
        case .deals: return deals
        }
    }
}
