import NIOConcurrencyHelpers

/// Wakes tasks waiting for new work in the store (new events, changed webhooks or connections).
///
/// A signal wakes the waiters present at that moment; it is not remembered. Waiters therefore re-check the store
/// after every wake-up and wait with a timeout, which bounds the delay of a signal that fired between their check and
/// their wait.
public final class ChangeSignal: Sendable {
    private struct State {
        var nextID: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        /// Waiters whose task was cancelled before they registered their continuation.
        var cancelledEarly: Set<UInt64> = []
    }

    private let state = NIOLockedValueBox(State())

    /// Creates a signal with no waiters.
    public init() {}

    /// Wakes every task currently inside ``wait(timeout:)``.
    public func signal() {
        let woken = state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
            let continuations = Array(state.waiters.values)
            state.waiters.removeAll()
            return continuations
        }
        for continuation in woken { continuation.resume() }
    }

    /// Returns when ``signal()`` is called, when `timeout` has elapsed, or when the task is cancelled, whichever
    /// comes first. Never throws: callers check `Task.isCancelled` themselves.
    public func wait(timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForSignal() }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    /// How many tasks are waiting right now (for tests that must signal only once a waiter is registered).
    var waiterCount: Int {
        state.withLockedValue { $0.waiters.count }
    }

    private func waitForSignal() async {
        let id = state.withLockedValue { state -> UInt64 in
            state.nextID &+= 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLockedValue { state -> Bool in
                    if state.cancelledEarly.remove(id) != nil { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let continuation = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
                if let continuation = state.waiters.removeValue(forKey: id) { return continuation }
                state.cancelledEarly.insert(id)
                return nil
            }
            continuation?.resume()
        }
        // A cancellation that raced with `signal()` may have left a marker behind; the handler cannot run any more.
        state.withLockedValue { _ = $0.cancelledEarly.remove(id) }
    }
}
