import Foundation
import Store

/// A settable clock for the sandbox servers' `clock` parameters, so tests control "now" without waiting.
public final class ManualClock: @unchecked Sendable {
    // NSLock rather than `Synchronization.Mutex`, which ThreadSanitizer misreads on Linux.
    private let lock = NSLock()
    private var current: Timestamp

    /// A clock standing at `start` until set or advanced.
    public init(_ start: Timestamp) { current = start }

    /// The current reading.
    public var now: Timestamp {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Moves the clock to `time` (also backwards, to simulate skew).
    public func set(_ time: Timestamp) {
        lock.lock()
        defer { lock.unlock() }
        current = time
    }

    /// Moves the clock forward by `duration`.
    public func advance(by duration: Duration) {
        lock.lock()
        defer { lock.unlock() }
        current = current + duration
    }

    /// The clock as the closure the configurations take.
    public var function: @Sendable () -> Timestamp { { [self] in self.now } }
}
