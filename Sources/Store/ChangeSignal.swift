/// Wakes tasks waiting for new work in the store (new events, changed webhooks or connections).
///
/// A signal wakes the waiters present at that moment; it is not remembered. Waiters therefore re-check the store
/// after every wake-up and wait with a timeout, which bounds the delay of a signal that fired between their check and
/// their wait. (A single worker that must not miss a signal uses ``WakeSignal``.)
public final class ChangeSignal: Sendable {
    private let core = SignalCore(remembers: false)

    /// Creates a signal with no waiters.
    public init() {}

    /// Wakes every task currently inside ``wait(timeout:)``.
    public func signal() {
        core.signal()
    }

    /// Returns when ``signal()`` is called, when `timeout` has elapsed, or when the task is cancelled, whichever
    /// comes first, and says which. Never throws: callers check `Task.isCancelled` or the reason themselves.
    @discardableResult
    public func wait(timeout: Duration) async -> WakeReason {
        await core.wait(orWhen: { try? await Task.sleep(for: timeout) })
    }

    /// How many tasks are waiting right now (for tests that must signal only once a waiter is registered).
    var waiterCount: Int { core.waiterCount }
}
