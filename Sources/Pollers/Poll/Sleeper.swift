/// Waits between retries. Injected so tests can check backoff decisions without real waiting.
public protocol Sleeper: Sendable {
    func sleep(for duration: Duration) async throws
}

/// Real waiting on the continuous clock; throws `CancellationError` when the task is cancelled.
public struct TaskSleeper: Sleeper {
    public init() {}

    public func sleep(for duration: Duration) async throws {
        guard duration > .zero else { return }
        try await Task.sleep(for: duration)
    }
}
