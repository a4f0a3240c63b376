import NIOConcurrencyHelpers

/// Wakes one worker loop (a webhook's deliverer, a connection's poller). Unlike ``ChangeSignal``, a signal sent while
/// the worker is busy is remembered, so its next wait returns at once and it re-reads the store: a trigger or a new
/// event is never left waiting for a timeout.
public final class WakeSignal: Sendable {
    private struct State {
        var pending = false
        var nextID: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var cancelledEarly: Set<UInt64> = []
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    /// Wakes the waiting worker, or the next wait if none is waiting.
    public func signal() {
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

    /// Returns on a signal (or one remembered since the last wait), when `timer` returns (the caller's clock decides
    /// how long that is), or when the task is cancelled.
    public func wait(orWhen timer: (@Sendable () async -> Void)? = nil) async {
        let alreadySignalled = state.withLockedValue { state -> Bool in
            defer { state.pending = false }
            return state.pending
        }
        guard !alreadySignalled else { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForSignal() }
            if let timer {
                group.addTask { await timer() }
            }
            await group.next()
            group.cancelAll()
        }
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
        state.withLockedValue { _ = $0.cancelledEarly.remove(id) }
    }
}
