import Store

/// When each stream is polled next, and which polls may start now: the scheduler's whole state, with no I/O and no
/// clock of its own, so every decision can be tested with readings chosen by the test.
///
/// A stream waits in the ``PollQueue`` until due, runs, and goes back at its previous due time plus its interval
/// (measured from due time to due time, so a poll's own duration does not drift the period). At most
/// ``PollConcurrency/process`` polls run at once, and ``PollConcurrency/perConnection`` per connection (each poll
/// has at most one provider request in flight); a due stream whose connection is busy is set aside until that
/// connection's poll ends.
struct PollSchedule {
    /// The period of every planned stream: those with at least one webhook on a connection that is neither
    /// paused nor unhealthy.
    private(set) var intervals: [StreamKey: Duration] = [:]
    private var queue = PollQueue()
    /// Running polls, with the due time each was started for.
    private var running: [StreamKey: Duration] = [:]
    /// Due streams waiting for their connection, with their due times.
    private var blocked: [String: [(stream: StreamKey, due: Duration)]] = [:]
    private var busy: [String: Int] = [:]
    /// Running streams triggered again: polled once more as soon as they end.
    private var triggeredAgain: Set<StreamKey> = []
    let limits: PollConcurrency
    /// The gap between first polls at start-up: `n` streams start over `n × spacing`, at most 90 % of an interval.
    let startSpacing: Duration
    /// Streams due this soon after a wake-up are started with it: 10,000 streams at a minute's interval are due
    /// every 6 ms on average, and one wake-up for the dozen or so due within 100 ms costs much less than one each
    /// (every poll's thread hand-offs then ride on threads already awake). A poll starts at most this much early;
    /// its next due time still counts from its own due time, so the period does not drift.
    static let batchingSlack: Duration = .milliseconds(100)
    /// When the scheduler sleeps until (``nextWake()``): a finished poll only wakes it when it must look sooner.
    private var plannedWake: Duration?

    init(limits: PollConcurrency, startSpacing: Duration) {
        self.limits = limits
        self.startSpacing = startSpacing
    }

    /// How many polls run now.
    var runningCount: Int { running.count }

    /// When a waiting stream is due (`nil` while it runs, waits for its connection, or is not planned).
    func due(of stream: StreamKey) -> Duration? { queue.due(of: stream) }

    /// Plans the streams known at start-up. A stream polled less than an interval before (`sinceLastPoll`, from the
    /// store) keeps its rhythm: it is due an interval after that poll, so a restart spends no extra request. The
    /// others' first polls are spread at random over a window that grows with their number (a few streams start at
    /// once; 10,000 at a minute's interval spread over 54 s), so a large installation never opens every connection
    /// in the same second.
    mutating func start(
        _ plan: [StreamKey: Duration], sinceLastPoll: [StreamKey: Duration] = [:], now: Duration,
        random: inout some RandomNumberGenerator
    ) {
        // How long after `now` a stream polled within its interval is due; `nil` for the others.
        func rhythm(_ stream: StreamKey, _ interval: Duration) -> Duration? {
            guard let elapsed = sinceLastPoll[stream], elapsed >= .zero, elapsed < interval else { return nil }
            return interval - elapsed
        }
        let window = startSpacing * plan.count(where: { rhythm($0.key, $0.value) == nil })
        for (stream, interval) in plan.sorted(by: { $0.key.description < $1.key.description }) {
            intervals[stream] = interval
            if let wait = rhythm(stream, interval) {
                queue.schedule(stream, at: now + wait)
            } else {
                let spread = min(window, interval * 0.9)
                queue.schedule(stream, at: now + Self.jitter(within: spread, random: &random))
            }
        }
    }

    /// Replaces the plan of one connection after a change to it or to one of its webhooks. A new stream is due at
    /// once (a new webhook should not wait a whole interval for its first poll); a stream whose interval changed
    /// keeps its rhythm at the new period; a stream no longer planned is dropped (a running poll of it finishes
    /// and is not re-queued).
    mutating func replace(connectionID: String, with plan: [String: Duration], now: Duration) {
        for stream in intervals.keys where stream.connectionID == connectionID && plan[stream.objectType] == nil {
            intervals[stream] = nil
            queue.remove(stream)
            blocked[connectionID]?.removeAll { $0.stream == stream }
            triggeredAgain.remove(stream)
        }
        for (objectType, interval) in plan {
            let stream = StreamKey(connectionID: connectionID, objectType: objectType)
            let old = intervals.updateValue(interval, forKey: stream)
            guard old != interval else { continue }
            if let old, let due = queue.due(of: stream) {
                queue.schedule(stream, at: max(now, due - old + interval))
            } else if old == nil, running[stream] == nil {
                queue.schedule(stream, at: now)
            }
        }
        if blocked[connectionID]?.isEmpty == true { blocked[connectionID] = nil }
    }

    /// Makes a planned stream due now (the trigger API, a hint); a running one is polled again when it ends.
    mutating func trigger(_ stream: StreamKey, now: Duration) {
        guard intervals[stream] != nil else { return }
        if running[stream] != nil {
            triggeredAgain.insert(stream)
        } else if let due = queue.due(of: stream), due > now {
            queue.schedule(stream, at: now)
        }
    }

    /// Starts every stream due by `now` (or within ``batchingSlack`` of it) that the bounds allow, earliest first:
    /// they count as running until ``finish(_:now:)``.
    mutating func takeDue(now: Duration) -> [StreamKey] {
        var started: [StreamKey] = []
        while running.count < limits.process, let (stream, due) = queue.popDue(now: now + Self.batchingSlack) {
            if busy[stream.connectionID, default: 0] >= limits.perConnection {
                blocked[stream.connectionID, default: []].append((stream, due))
                continue
            }
            running[stream] = due
            busy[stream.connectionID, default: 0] += 1
            started.append(stream)
        }
        return started
    }

    /// Ends a poll started by ``takeDue(now:)``: the stream waits for its next due time, and the streams of its
    /// connection that were set aside queue again.
    /// - Returns: whether the scheduler must look now (a slot it waited for is free, a stream is due sooner than
    ///   it planned to wake); otherwise its planned wake-up covers everything.
    @discardableResult
    mutating func finish(_ stream: StreamKey, now: Duration) -> Bool {
        guard let startedFor = running.removeValue(forKey: stream) else { return false }
        var mustLook = running.count + 1 >= limits.process
        let connectionID = stream.connectionID
        busy[connectionID, default: 1] -= 1
        if busy[connectionID] == 0 { busy[connectionID] = nil }
        if let interval = intervals[stream] {
            let next = startedFor + interval
            let due = triggeredAgain.remove(stream) != nil || next < now ? now : next
            queue.schedule(stream, at: due)
            if plannedWake.map({ due < $0 }) ?? true { mustLook = true }
        }
        for (waiting, due) in blocked.removeValue(forKey: connectionID) ?? [] {
            queue.schedule(waiting, at: due)
            mustLook = true
        }
        return mustLook
    }

    /// When the scheduler must look again if nothing wakes it sooner: the earliest due time, or `nil` while every
    /// slot is taken (a poll's end wakes it then) or nothing is planned.
    mutating func nextWake() -> Duration? {
        plannedWake = running.count < limits.process ? queue.earliest() : nil
        return plannedWake
    }

    /// A uniform offset in `[0, window)`.
    static func jitter(within window: Duration, random: inout some RandomNumberGenerator) -> Duration {
        guard window > .zero else { return .zero }
        return window * Double.random(in: 0..<1, using: &random)
    }
}
