import Store

/// The time source of delivery: attempt timestamps, retry due times and the waits between them. Injected so tests
/// can run a whole retry schedule (about 27 h) without real waiting.
public protocol EmitterClock: Sendable {
    /// The current time.
    func now() -> Timestamp
    /// Returns at `deadline` (at once if it has passed).
    /// - Throws: `CancellationError` when the task is cancelled first.
    func sleep(until deadline: Timestamp) async throws
}

/// The wall clock; waits with `Task.sleep`.
public struct SystemEmitterClock: EmitterClock {
    public init() {}

    public func now() -> Timestamp { .now() }

    public func sleep(until deadline: Timestamp) async throws {
        let remaining = deadline.microseconds - now().microseconds
        guard remaining > 0 else { return }
        try await Task.sleep(for: .microseconds(remaining))
    }
}
