import Emitter
import Foundation
import Store

/// A clock whose sleeps return at once after moving time forward to their deadline, so a 27-hour retry schedule
/// runs in microseconds. Records every sleep deadline.
final class ManualClock: EmitterClock, @unchecked Sendable {
    // Guarded by `lock`.
    private var current: Timestamp
    private var deadlines: [Timestamp] = []
    private let lock = NSLock()

    init(start: Timestamp = .now()) {
        self.current = start
    }

    func now() -> Timestamp {
        lock.withLock { current }
    }

    func sleep(until deadline: Timestamp) async throws {
        try Task.checkCancellation()
        lock.withLock {
            deadlines.append(deadline)
            if deadline > current { current = deadline }
        }
        await Task.yield()
    }

    func advance(by duration: Duration) {
        lock.withLock { current = current + duration }
    }

    var sleeps: [Timestamp] { lock.withLock { deadlines } }
}
