@testable import Pollers
import Sandbox
import Store
import Testing

/// The scheduler's decisions, with readings chosen by the test: what is due, jitter, bounds, rhythm, changes.
@Suite struct PollScheduleTests {
    static func stream(_ connection: Int, _ object: String = "crm_contact") -> StreamKey {
        StreamKey(connectionID: "conn_\(connection)", objectType: object)
    }

    static func schedule(process: Int = 64, perConnection: Int = 1) -> PollSchedule {
        PollSchedule(
            limits: PollConcurrency(process: process, perConnection: perConnection), startSpacing: .milliseconds(5))
    }

    @Test func aDueStreamIsTakenAndAnUndueOneIsNot() {
        var schedule = Self.schedule()
        schedule.replace(connectionID: "conn_1", with: ["crm_contact": .seconds(60)], now: .zero)
        #expect(schedule.takeDue(now: .zero) == [Self.stream(1)], "a new stream is due at once")
        schedule.finish(Self.stream(1), now: .seconds(1))
        #expect(schedule.takeDue(now: .seconds(59)) == [], "not due before its interval has passed")
        #expect(schedule.nextWake() == .seconds(60))
        #expect(schedule.takeDue(now: .seconds(60)) == [Self.stream(1)])
    }

    /// The period runs from due time to due time: a slow poll or a late start does not drift the rhythm.
    @Test func theRhythmIsKeptFromDueTimeToDueTime() {
        var schedule = Self.schedule()
        schedule.replace(connectionID: "conn_1", with: ["crm_contact": .seconds(60)], now: .zero)
        var dues: [Duration] = []
        var now = Duration.zero
        for _ in 0..<5 {
            let due = schedule.nextWake() ?? .zero
            dues.append(due)
            now = due + .milliseconds(700)  // the scheduler woke late
            #expect(schedule.takeDue(now: now) == [Self.stream(1)])
            schedule.finish(Self.stream(1), now: now + .seconds(3))  // and the poll took 3 s
        }
        #expect(dues == [.zero, .seconds(60), .seconds(120), .seconds(180), .seconds(240)])
    }

    /// 10,000 streams at a minute: first polls spread over the start window (within the interval), not bunched.
    @Test func firstPollsAreSpreadWithinTheInterval() {
        var schedule = Self.schedule(process: 100_000)
        var plan: [StreamKey: Duration] = [:]
        for i in 0..<10_000 { plan[Self.stream(i)] = .seconds(60) }
        var random = SeededGenerator(seed: 20261202)
        let start = Duration.seconds(1000)
        schedule.start(plan, now: start, random: &random)
        let dues = plan.keys.compactMap { schedule.due(of: $0) }.map { $0 - start }
        #expect(dues.count == 10_000)
        #expect(dues.allSatisfy { $0 >= .zero && $0 < .seconds(60) }, "every first poll within one interval")
        // 10,000 × 5 ms = 50 s of window: each 10 s slice holds about a fifth of them.
        for slice in 0..<5 {
            let low = Duration.seconds(10 * slice)
            let inSlice = dues.filter { $0 >= low && $0 < low + .seconds(10) }.count
            #expect((1_600...2_400).contains(inSlice), "\(inSlice) first polls in second \(10 * slice)+")
        }
        #expect(schedule.takeDue(now: start + .seconds(50)).count == 10_000)
    }

    /// After a restart a stream polled 20 s before keeps its rhythm (due 40 s later at a 60 s interval); one polled
    /// longer ago than its interval, one with a time from a clock ahead of ours, and one never polled start within
    /// the start-up spread.
    @Test func aStreamPolledBeforeTheRestartKeepsItsRhythm() throws {
        var schedule = Self.schedule()
        var random = SeededGenerator(seed: 7)
        let plan = [
            Self.stream(1): Duration.seconds(60), Self.stream(2): .seconds(60), Self.stream(3): .seconds(60),
            Self.stream(4): .seconds(60),
        ]
        let since: [StreamKey: Duration] = [
            Self.stream(1): .seconds(20), Self.stream(2): .seconds(90), Self.stream(3): .seconds(-5),
        ]
        let start = Duration.seconds(1000)
        schedule.start(plan, sinceLastPoll: since, now: start, random: &random)
        #expect(schedule.due(of: Self.stream(1)) == start + .seconds(40))
        for overdue in [2, 3, 4] {
            let due = try #require(schedule.due(of: Self.stream(overdue)))
            // Three streams spread over 3 × 5 ms.
            #expect(due >= start && due < start + .milliseconds(15), "stream \(overdue)")
        }
        #expect(Set(schedule.takeDue(now: start)) == [Self.stream(2), Self.stream(3), Self.stream(4)])
        #expect(schedule.takeDue(now: start + .seconds(39)).isEmpty)
        #expect(schedule.takeDue(now: start + .seconds(40)) == [Self.stream(1)])
    }

    /// A handful of streams at start start within milliseconds, whatever their interval.
    @Test func aFewStreamsAtStartAreDueAtOnce() {
        var schedule = Self.schedule()
        var random = SeededGenerator(seed: 7)
        let plan = [Self.stream(1): Duration.seconds(3600), Self.stream(2): .seconds(3600)]
        schedule.start(plan, now: .zero, random: &random)
        #expect(Set(schedule.takeDue(now: .milliseconds(10))) == Set(plan.keys))
    }

    @Test func theProcessBoundHoldsAndAFinishedPollFreesItsSlot() {
        var schedule = Self.schedule(process: 3)
        for i in 0..<10 { schedule.replace(connectionID: "conn_\(i)", with: ["crm_contact": .seconds(60)], now: .zero) }
        let first = schedule.takeDue(now: .zero)
        #expect(first.count == 3)
        #expect(schedule.takeDue(now: .seconds(1)) == [])
        #expect(schedule.nextWake() == nil, "with every slot taken only a poll's end wakes the scheduler")
        schedule.finish(first[0], now: .seconds(1))
        #expect(schedule.takeDue(now: .seconds(1)).count == 1)
        #expect(schedule.runningCount == 3)
    }

    /// Streams of one connection take turns: the second waits for the first's end, then runs at once.
    @Test func theConnectionBoundMakesItsStreamsTakeTurns() {
        var schedule = Self.schedule(perConnection: 1)
        let plan: [String: Duration] = ["crm_contact": .seconds(60), "crm_company": .seconds(60)]
        schedule.replace(connectionID: "conn_1", with: plan, now: .zero)
        let first = schedule.takeDue(now: .zero)
        #expect(first.count == 1)
        #expect(schedule.takeDue(now: .seconds(1)) == [])
        #expect(schedule.nextWake() == nil, "the waiting stream is set aside, not spun on")
        schedule.finish(first[0], now: .seconds(2))
        let second = schedule.takeDue(now: .seconds(2))
        #expect(second.count == 1 && second != first)

        var two = Self.schedule(perConnection: 2)
        two.replace(connectionID: "conn_1", with: plan, now: .zero)
        #expect(two.takeDue(now: .zero).count == 2)
    }

    @Test func aTriggerMakesAStreamDueNowAndARunningOneRunsAgain() {
        var schedule = Self.schedule()
        schedule.replace(connectionID: "conn_1", with: ["crm_contact": .seconds(60)], now: .zero)
        _ = schedule.takeDue(now: .zero)
        schedule.trigger(Self.stream(1), now: .seconds(1))
        schedule.finish(Self.stream(1), now: .seconds(2))
        #expect(schedule.takeDue(now: .seconds(2)) == [Self.stream(1)], "triggered while running: again at once")
        schedule.finish(Self.stream(1), now: .seconds(3))
        #expect(schedule.takeDue(now: .seconds(10)) == [])
        schedule.trigger(Self.stream(1), now: .seconds(10))
        #expect(schedule.takeDue(now: .seconds(10)) == [Self.stream(1)])
        schedule.trigger(Self.stream(2), now: .seconds(10))
        #expect(schedule.takeDue(now: .seconds(10)) == [], "a stream nobody watches is not polled")
    }

    @Test func changesToAConnectionsPlanTakeEffectAtOnce() {
        var schedule = Self.schedule()
        schedule.replace(connectionID: "conn_1", with: ["crm_contact": .seconds(600)], now: .zero)
        _ = schedule.takeDue(now: .zero)
        schedule.finish(Self.stream(1), now: .seconds(1))
        #expect(schedule.due(of: Self.stream(1)) == .seconds(600))
        // A shorter interval keeps the rhythm at the new period; a longer one too.
        schedule.replace(connectionID: "conn_1", with: ["crm_contact": .seconds(60)], now: .seconds(10))
        #expect(schedule.due(of: Self.stream(1)) == .seconds(60))
        schedule.replace(connectionID: "conn_1", with: ["crm_contact": .seconds(120)], now: .seconds(10))
        #expect(schedule.due(of: Self.stream(1)) == .seconds(120))
        // A new stream on the connection is due now; an unchanged one stays where it was.
        schedule.replace(
            connectionID: "conn_1", with: ["crm_contact": .seconds(120), "crm_company": .seconds(120)],
            now: .seconds(20))
        #expect(schedule.due(of: Self.stream(1, "crm_company")) == .seconds(20))
        #expect(schedule.due(of: Self.stream(1)) == .seconds(120))
        // No webhooks left (or the connection paused): nothing is polled any more, even once due.
        schedule.replace(connectionID: "conn_1", with: [:], now: .seconds(30))
        #expect(schedule.intervals.isEmpty)
        #expect(schedule.nextWake() == nil)
        #expect(schedule.takeDue(now: .seconds(1000)) == [])
    }

    /// A finished poll wakes the scheduler only when it must look sooner than it planned; streams due within the
    /// batching slack start together.
    @Test func aFinishedPollWakesTheSchedulerOnlyWhenItMustLookSooner() {
        var schedule = Self.schedule(process: 2)
        for i in 0..<3 { schedule.replace(connectionID: "conn_\(i)", with: ["crm_contact": .seconds(60)], now: .zero) }
        #expect(schedule.takeDue(now: .zero).count == 2)
        #expect(schedule.nextWake() == nil)
        let freed = schedule.finish(Self.stream(0), now: .seconds(1))
        #expect(freed, "a slot it waited for is free")
        #expect(schedule.takeDue(now: .seconds(1)) == [Self.stream(2)])
        #expect(schedule.nextWake() == nil, "both slots taken again")
        let freedAgain = schedule.finish(Self.stream(1), now: .seconds(2))
        #expect(freedAgain)
        #expect(schedule.nextWake() == .seconds(60))
        // Due at 60 s, after the planned wake-up at 60 s (stream 0's): nothing to look at before then.
        let mustLook = schedule.finish(Self.stream(2), now: .seconds(3))
        #expect(!mustLook)
        #expect(schedule.takeDue(now: .seconds(60) - PollSchedule.batchingSlack).count == 2, "due within the slack")
    }

    /// A stream dropped while its poll runs is not queued again when the poll ends.
    @Test func aStreamDroppedWhileRunningIsNotRequeued() {
        var schedule = Self.schedule()
        schedule.replace(connectionID: "conn_1", with: ["crm_contact": .seconds(60)], now: .zero)
        _ = schedule.takeDue(now: .zero)
        schedule.replace(connectionID: "conn_1", with: [:], now: .seconds(1))
        schedule.finish(Self.stream(1), now: .seconds(2))
        #expect(schedule.nextWake() == nil)
        #expect(schedule.runningCount == 0)
    }
}
