import HeapModule
import Store

/// The timer queue: every waiting stream ordered by its due time, so finding what is due costs O(log n) and nothing
/// is looked at while nothing is due.
///
/// Moving or removing a stream leaves its old heap slot behind, marked stale by a generation number and skipped
/// when it reaches the top.
struct PollQueue {
    private struct Slot: Comparable {
        var due: Duration
        var generation: UInt64
        var stream: StreamKey

        static func < (lhs: Slot, rhs: Slot) -> Bool {
            (lhs.due, lhs.generation) < (rhs.due, rhs.generation)
        }

        static func == (lhs: Slot, rhs: Slot) -> Bool {
            lhs.due == rhs.due && lhs.generation == rhs.generation
        }
    }

    private var heap = Heap<Slot>()
    /// The live slot of each waiting stream.
    private var live: [StreamKey: (due: Duration, generation: UInt64)] = [:]
    private var nextGeneration: UInt64 = 0

    /// How many streams wait.
    var count: Int { live.count }

    /// When `stream` is due, `nil` if it is not waiting.
    func due(of stream: StreamKey) -> Duration? { live[stream]?.due }

    /// Puts `stream` in the queue at `due`, moving it if it is already there.
    mutating func schedule(_ stream: StreamKey, at due: Duration) {
        nextGeneration &+= 1
        live[stream] = (due, nextGeneration)
        heap.insert(Slot(due: due, generation: nextGeneration, stream: stream))
    }

    /// Takes `stream` out of the queue; returns when it was due.
    @discardableResult
    mutating func remove(_ stream: StreamKey) -> Duration? {
        live.removeValue(forKey: stream)?.due
    }

    /// The earliest due time of a waiting stream.
    mutating func earliest() -> Duration? {
        dropStaleTop()
        return heap.min?.due
    }

    /// Removes and returns the earliest stream if it is due at `now`, with when it was due.
    mutating func popDue(now: Duration) -> (stream: StreamKey, due: Duration)? {
        dropStaleTop()
        guard let top = heap.min, top.due <= now else { return nil }
        heap.removeMin()
        live[top.stream] = nil
        return (top.stream, top.due)
    }

    private mutating func dropStaleTop() {
        while let top = heap.min, live[top.stream]?.generation != top.generation { heap.removeMin() }
    }
}
