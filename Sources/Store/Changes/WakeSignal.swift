/// Wakes one worker loop (a webhook's deliverer, the poll scheduler). A signal sent while the worker is busy is
/// remembered, so its next wait returns at once and it re-reads what changed: a trigger or a new event is never left
/// waiting for a timer.
public final class WakeSignal: Sendable {
    private let core = SignalCore()

    public init() {}

    /// Wakes the waiting worker, or the next wait if none is waiting.
    public func signal() {
        core.signal()
    }

    /// Takes a signal sent while nobody waited, without waiting: whether there was one. A worker about to stop asks
    /// this (under the lock its signallers hold) so that a signal sent just before it stops is not lost.
    public func consumeSignal() -> Bool {
        core.consumePending()
    }

    /// Returns on a signal (or one remembered since the last wait), when `timer` returns (the caller's clock decides
    /// how long that is), or when the task is cancelled, and says which.
    @discardableResult
    public func wait(orWhen timer: (@Sendable () async -> Void)? = nil) async -> WakeReason {
        await core.wait(orWhen: timer)
    }
}
