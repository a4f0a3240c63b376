import Store

/// Server-wide delivery settings (delivery.md; defaults are the documented ones).
public struct EmitterConfiguration: Sendable {
    /// The retry schedule (``RetrySchedule/standardDelays`` or ``RetrySchedule/extendedDelays``).
    public var retryDelays: [Duration]
    /// How long a partial batch of incremental events waits for more before it is sent (1 s; 0 in tests).
    public var batchWait: Duration
    /// TCP/TLS connect limit of an attempt.
    public var connectTimeout: Duration
    /// Whole-exchange limit of an attempt.
    public var requestTimeout: Duration
    /// Response bytes kept for the attempt log.
    public var maxResponseBytes: Int
    /// A message body's size target (delivery.md §14).
    public var maxBodyBytes: Int
    /// Unified `sig` encoding and the `sig256` switch.
    public var signing: UnifiedSigningOptions
    /// The `user-agent` of deliveries.
    public var userAgent: String
    /// Real-time pause after an unexpected error (a store failure) before a deliverer tries again.
    public var errorBackoff: Duration
    /// Uniform random numbers in [0, 1) for retry jitter; injectable so tests get exact delays.
    public var unitRandom: @Sendable () -> Double
    /// Messages a deliverer builds and freezes ahead from one read of the log (they are still sent one at a time,
    /// in order): fewer store round trips per message during a backfill.
    public var buildAhead = 64
    /// Whether hook URLs may point at private, loopback, link-local and reserved addresses (`delivery.md` §12).
    /// Off by default: every attempt resolves the hook's host, refuses such addresses (a failed attempt with error
    /// class `blocked_destination`, retried on the schedule, nothing sent) and pins the checked address. Turn it on
    /// only for the demo, tests and internal receivers; it is a server setting, never set through the public API.
    public var allowPrivateTargets = false

    public init(
        retryDelays: [Duration] = RetrySchedule.standardDelays,
        batchWait: Duration = .seconds(1),
        connectTimeout: Duration = .seconds(5),
        requestTimeout: Duration = .seconds(15),
        maxResponseBytes: Int = 20 * 1024,
        maxBodyBytes: Int = PayloadBuilder.defaultMaximumBodyBytes,
        signing: UnifiedSigningOptions = UnifiedSigningOptions(),
        userAgent: String = "VirtualHooks/0.1",
        errorBackoff: Duration = .seconds(1),
        unitRandom: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.retryDelays = retryDelays.isEmpty ? RetrySchedule.standardDelays : retryDelays
        self.batchWait = batchWait
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.maxResponseBytes = maxResponseBytes
        self.maxBodyBytes = maxBodyBytes
        self.signing = signing
        self.userAgent = userAgent
        self.errorBackoff = errorBackoff
        self.unitRandom = unitRandom
    }
}
