import NIOConcurrencyHelpers

/// The waiting machinery behind ``WakeSignal``: continuations registered under ids, resumed by a signal, by the
/// task's cancellation, or at once when a remembered signal is pending.
final class SignalCore: Sendable {
    private struct State {
        var pending = false
        var nextID: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        /// Waiters whose task was cancelled before they registered their continuation.
        var cancelledEarly: Set<UInt64> = []
    }

    private let state = NIOLockedValueBox(State())

    init() {}

    /// How many tasks are waiting right now.
    var waiterCount: Int {
        state.withLockedValue { $0.waiters.count }
    }

    /// Wakes every current waiter; with nobody waiting, the signal is kept for the next wait.
    func signal() {
        let woken = state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
            guard !state.waiters.isEmpty else {
                state.pending = true
                return []
            }
            let continuations = Array(state.waiters.values)
            state.waiters.removeAll()
            return continuations
        }
        for continuation in woken { continuation.resume() }
    }

    /// Returns on a signal (or a remembered one), when `timer` returns, or when the task is cancelled, and says which.
    func wait(orWhen timer: (@Sendable () async -> Void)?) async -> WakeReason {
        if consumePending() { return .signalled }
        let first = await withTaskGroup(of: WakeReason.self) { group -> WakeReason in
            group.addTask { await self.waitForSignal() }
            if let timer {
                group.addTask {
                    await timer()
                    return .timer
                }
            }
            let first = await group.next() ?? .cancelled
            group.cancelAll()
            return first
        }
        return Task.isCancelled ? .cancelled : first
    }

    /// Takes a remembered signal: whether one was pending.
    func consumePending() -> Bool {
        state.withLockedValue { state in
            defer { state.pending = false }
            return state.pending
        }
    }

    /// `.signalled`, or `.cancelled` when the task's cancellation ended the wait.
    private func waitForSignal() async -> WakeReason {
        let id = state.withLockedValue { state -> UInt64 in
            state.nextID &+= 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLockedValue { state -> Bool in
                    if state.cancelledEarly.remove(id) != nil { return true }
                    if state.pending {
                        state.pending = false
                        return true
                    }
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
        return Task.isCancelled ? .cancelled : .signalled
    }
}
