/// Polls `condition` every `interval` until it holds; throws ``WaitTimeoutError`` once `timeout` has passed.
/// The condition is checked at least once, and once more at the deadline.
public func waitUntil(
    _ description: String = "condition",
    timeout: Duration = .seconds(60),
    every interval: Duration = .milliseconds(20),
    isolation: isolated (any Actor)? = #isolation,
    _ condition: () async throws -> Bool
) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while true {
        if try await condition() { return }
        let now = clock.now
        if now >= deadline { throw WaitTimeoutError(description: description, timeout: timeout) }
        try await Task.sleep(for: min(interval, deadline - now))
    }
}

/// A ``waitUntil(_:timeout:every:isolation:_:)`` condition that did not hold in time.
public struct WaitTimeoutError: Error, CustomStringConvertible {
    public var description: String

    init(description: String, timeout: Duration) {
        self.description = "timed out after \(timeout) waiting for \(description)"
    }
}
