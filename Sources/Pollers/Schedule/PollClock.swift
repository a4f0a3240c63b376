/// The scheduler's time source: a monotonic reading and a wait until a reading. Injected so tests decide when a
/// stream is due without waiting for it.
public protocol PollClock: Sendable {
    /// Time since an arbitrary origin fixed for the clock's lifetime; never goes backwards.
    func now() -> Duration
    /// Returns once ``now()`` has reached `deadline` (at once if it has).
    /// - Throws: `CancellationError` when the task is cancelled first.
    func sleep(until deadline: Duration) async throws
}

/// The continuous clock (it keeps counting while the machine sleeps, so a suspended laptop polls on waking).
public struct ContinuousPollClock: PollClock {
    private let origin = ContinuousClock.now

    public init() {}

    public func now() -> Duration { ContinuousClock.now - origin }

    public func sleep(until deadline: Duration) async throws {
        try await Task.sleep(until: origin + deadline, clock: .continuous)
    }
}
