/// What the management API enforces beyond the contract: the server's limits and the hook_url policy.
public struct ManagementAPISettings: Sendable {
    /// The smallest `interval` (minutes) a webhook may ask for; smaller values are refused with 400.
    public var minimumIntervalMinutes: Double
    /// When false, a `hook_url` or `api_url` whose host is `localhost` or a literal private, loopback, link-local
    /// or reserved IP address is refused with 400 (the emitter checks resolved addresses again at delivery).
    public var allowPrivateTargets: Bool
    /// Largest request body accepted; larger bodies get 413.
    public var maximumBodyBytes: Int

    /// - Parameters:
    ///   - minimumIntervalMinutes: default 1.
    ///   - allowPrivateTargets: default false (the demo and the tests pass true).
    ///   - maximumBodyBytes: default 1 MiB.
    public init(minimumIntervalMinutes: Double = 1, allowPrivateTargets: Bool = false, maximumBodyBytes: Int = 1 << 20) {
        self.minimumIntervalMinutes = minimumIntervalMinutes
        self.allowPrivateTargets = allowPrivateTargets
        self.maximumBodyBytes = maximumBodyBytes
    }
}
