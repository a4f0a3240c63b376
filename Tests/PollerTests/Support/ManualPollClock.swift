import NIOConcurrencyHelpers
import Pollers

/// A scheduler clock that stands still until the test advances it; sleepers wake when their deadline is reached or
/// their task is cancelled (the scheduler cancels its timer when a signal wakes it first).
final class ManualPollClock: PollClock {
    private struct Sleeper {
        var deadline: Duration
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var now: Duration = .zero
        var nextID = 0
        var sleepers: [Int: Sleeper] = [:]
        var cancelledEarly: Set<Int> = []
    }

    private let state = NIOLockedValueBox(State())

    func now() -> Duration { state.withLockedValue { $0.now } }

    /// The deadlines tasks sleep until (the scheduler waiting for its next due time).
    var deadlines: [Duration] { state.withLockedValue { $0.sleepers.values.map(\.deadline).sorted() } }

    /// Moves the clock forward and wakes every sleeper whose deadline has come.
    func advance(by duration: Duration) {
        let woken = state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
            state.now += duration
            let now = state.now
            let due = state.sleepers.filter { $0.value.deadline <= now }
            for id in due.keys { state.sleepers[id] = nil }
            return due.values.map(\.continuation)
        }
        for continuation in woken { continuation.resume() }
    }

    func sleep(until deadline: Duration) async throws {
        let id = state.withLockedValue { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLockedValue { state -> Bool in
                    if state.cancelledEarly.remove(id) != nil || deadline <= state.now { return true }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let continuation = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
                if let sleeper = state.sleepers.removeValue(forKey: id) { return sleeper.continuation }
                state.cancelledEarly.insert(id)
                return nil
            }
            continuation?.resume()
        }
        state.withLockedValue { _ = $0.cancelledEarly.remove(id) }
        try Task.checkCancellation()
    }
}
