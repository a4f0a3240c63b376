/// Bounds on polls running at once. Each poll has at most one provider request in flight, so these also bound the
/// sockets polling opens: 10,000 connections due in the same second still open at most ``process``.
public struct PollConcurrency: Sendable, Hashable {
    /// Polls running at once in the whole process.
    public var process: Int
    /// Polls running at once on one connection (its streams otherwise take turns, so a 429 pauses them all).
    public var perConnection: Int

    /// - Precondition: both at least 1.
    public init(process: Int = 64, perConnection: Int = 1) {
        precondition(process >= 1 && perConnection >= 1, "poll concurrency bounds must be at least 1")
        self.process = process
        self.perConnection = perConnection
    }
}
