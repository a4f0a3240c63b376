import CurlHTTP
@testable import Emitter
import Store
import Testing

@Suite struct RetryScheduleTests {
    static let start = Timestamp(seconds: 1_768_046_400)
    static let failure = AttemptOutcome(verdict: .retry, errorClass: "http", error: "HTTP 500")

    /// Delays after each failure until the schedule runs out.
    static func delays(
        _ outcome: AttemptOutcome = failure, unit: Double = 0.5, schedule: RetrySchedule = RetrySchedule()
    ) -> ([Duration], RetryDecision) {
        var schedule = schedule
        var now = start
        var delays: [Duration] = []
        for _ in 0..<50 {
            let decision = schedule.record(outcome, at: now, unitRandom: { unit })
            guard case .retry(let at, let delay) = decision else { return (delays, decision) }
            #expect(at == now + delay)
            delays.append(delay)
            now = at
        }
        Issue.record("the schedule never ended")
        return (delays, .exhausted)
    }

    @Test func eightAttemptsOnSvixSchedule() {
        let (delays, end) = Self.delays()
        #expect(delays == [5, 300, 1800, 7200, 18000, 36000, 36000].map { Duration.seconds($0) })
        #expect(end == .exhausted)
        #expect(RetrySchedule().maxAttempts == 8)
        let total = delays.reduce(Duration.zero, +)
        let expected: Duration = .seconds(99_305)  // 27 h 35 min 5 s
        #expect(total == expected)
    }

    @Test func extendedScheduleHasTenAttempts() {
        let (delays, end) = Self.delays(schedule: RetrySchedule(delays: RetrySchedule.extendedDelays))
        #expect(delays.count == 9)
        #expect(end == .exhausted)
        let total = delays.reduce(Duration.zero, +)
        let expected: Duration = .seconds(272_105)  // 75 h 35 min 5 s
        #expect(total == expected)
    }

    @Test(arguments: [(0.0, 0.8), (0.25, 0.9), (0.5, 1.0), (0.999999, 1.2), (7.0, 1.2), (-1.0, 0.8)])
    func jitterStaysWithinTwentyPercent(unit: Double, factor: Double) {
        let (delays, _) = Self.delays(unit: unit)
        for (delay, base) in zip(delays, RetrySchedule.standardDelays.dropFirst()) {
            let expected = Double(base.wholeMicroseconds) * factor
            #expect(abs(Double(delay.wholeMicroseconds) - expected) <= expected * 1e-5)
        }
    }

    @Test func timeoutsAndThrottlingWaitAtLeastSixtySeconds() {
        let timeout = AttemptOutcome.classify(error: CurlHTTPError(kind: .timeout, message: "slow", url: "http://x"))
        let (delays, _) = Self.delays(timeout, unit: 0)
        #expect(delays.first == .seconds(60))  // 5 s × 0.8 raised to 60 s
        #expect(delays[1] == .seconds(240))  // 300 s × 0.8 is above the floor
        for status in [408, 425, 429] {
            let outcome = AttemptOutcome.classify(response: HTTPResponse(status: status), now: Self.start)
            #expect(Self.delays(outcome).0.first == .seconds(60), "status \(status)")
        }
        let plain = AttemptOutcome.classify(response: HTTPResponse(status: 500), now: Self.start)
        #expect(Self.delays(plain).0.first == .seconds(5))
    }

    @Test func retryAfterIsClampedToTheScheduledDelayAndTwiceIt() {
        func firstDelay(_ retryAfter: String, status: Int = 429, extra: [HTTPHeader] = []) -> Duration? {
            let response = HTTPResponse(status: status, headers: [HTTPHeader("Retry-After", retryAfter)] + extra)
            var schedule = RetrySchedule()
            let decision = schedule.record(
                .classify(response: response, now: Self.start), at: Self.start, unitRandom: { 0.5 })
            guard case .retry(_, let delay) = decision else { return nil }
            return delay
        }
        // 429: the scheduled delay is max(5 s, 60 s) = 60 s, so Retry-After lands in [60 s, 120 s].
        #expect(firstDelay("100") == .seconds(100))
        #expect(firstDelay("1000") == .seconds(120))
        #expect(firstDelay("10") == .seconds(60))
        #expect(firstDelay("soon") == .seconds(60))
        // 503: scheduled 5 s → [5 s, 10 s].
        #expect(firstDelay("8", status: 503) == .seconds(8))
        #expect(firstDelay("3600", status: 503) == .seconds(10))
        // Other statuses ignore it.
        #expect(firstDelay("8", status: 500) == .seconds(5))
        // An HTTP-date is measured against the response's own Date header.
        let date = [HTTPHeader("Date", "Sun, 06 Nov 1994 08:49:37 GMT")]
        #expect(firstDelay("Sun, 06 Nov 1994 08:51:07 GMT", extra: date) == .seconds(90))
        // Without a Date header, against our clock.
        let at = HTTPDate.format(Self.start + .seconds(75))
        #expect(firstDelay(at) == .seconds(75))
    }

    @Test func terminalOutcomesEndTheScheduleAtOnce() {
        var schedule = RetrySchedule()
        #expect(schedule.record(.success, at: Self.start, unitRandom: { 0.5 }) == .delivered)
        schedule = RetrySchedule()
        #expect(schedule.record(AttemptOutcome(verdict: .abort), at: Self.start, unitRandom: { 0.5 }) == .aborted)
        #expect(schedule.record(AttemptOutcome(verdict: .disable), at: Self.start, unitRandom: { 0.5 }) == .disabled)
        #expect(schedule.attemptsMade == 2)
        // Success on the very last attempt still counts.
        var last = RetrySchedule(attemptsMade: 7)
        #expect(last.record(.success, at: Self.start, unitRandom: { 0.5 }) == .delivered)
        #expect(last.isExhausted)
    }

    @Test func stateRebuiltFromTheAttemptCountContinuesTheSchedule() {
        var schedule = RetrySchedule(attemptsMade: 3)
        #expect(schedule.record(Self.failure, at: Self.start, unitRandom: { 0.5 }) == .retry(at: Self.start + .seconds(7200), delay: .seconds(7200)))
        var final = RetrySchedule(attemptsMade: 7)
        #expect(final.record(Self.failure, at: Self.start, unitRandom: { 0.5 }) == .exhausted)
        // A one-attempt schedule exhausts on its first failure.
        var single = RetrySchedule(delays: [.zero])
        #expect(single.record(Self.failure, at: Self.start, unitRandom: { 0.5 }) == .exhausted)
    }
}

@Suite struct AttemptOutcomeTests {
    static let now = Timestamp(seconds: 1_768_046_400)

    static func classify(_ status: Int, _ headers: [HTTPHeader] = []) -> AttemptOutcome {
        .classify(response: HTTPResponse(status: status, headers: headers), now: now)
    }

    @Test func successIsTwoHundredsOnly() {
        for status in [200, 201, 202, 204, 299] {
            #expect(Self.classify(status) == .success)
        }
        // Control headers do not override a success.
        #expect(Self.classify(200, [HTTPHeader("webhook-delivery", "disable")]) == .success)
        for status in [100, 199, 300, 400, 404, 500] {
            #expect(Self.classify(status).verdict == .retry, "status \(status)")
        }
    }

    @Test func redirectsAreFailuresNeverFollowed() {
        let outcome = Self.classify(302, [HTTPHeader("Location", "https://elsewhere.example/")])
        #expect(outcome.verdict == .retry)
        #expect(outcome.errorClass == "redirect")
        #expect(outcome.error?.contains("https://elsewhere.example/") == true)
    }

    @Test func goneAndReceiverControlHeaders() {
        #expect(Self.classify(410).verdict == .disable)
        #expect(Self.classify(500, [HTTPHeader("Webhook-Delivery", "Disable")]).verdict == .disable)
        let abort = Self.classify(400, [HTTPHeader("webhook-delivery", "abort-message")])
        #expect(abort.verdict == .abort)
        #expect(abort.errorClass == "http")
        #expect(Self.classify(500, [HTTPHeader("webhook-delivery", "something-else")]).verdict == .retry)
    }

    @Test func transportErrorsMapToTheLogsErrorClasses() {
        let cases: [(CurlHTTPError.Kind, String)] = [
            (.timeout, "timeout"), (.connect, "connect"), (.dns, "dns"), (.tls, "tls"), (.transfer, "connect"),
            (.invalidRequest, "connect"),
        ]
        for (kind, errorClass) in cases {
            let outcome = AttemptOutcome.classify(error: CurlHTTPError(kind: kind, message: "m", url: "http://h/"))
            #expect(outcome.verdict == .retry)
            #expect(outcome.errorClass == errorClass)
            #expect(outcome.minimumDelay == (kind == .timeout ? .seconds(60) : .zero))
            #expect(outcome.error?.contains("http://h/") == true)
        }
    }
}
