import Store

/// The retry state of one message (delivery.md §1), a value type so it can be tested alone and rebuilt from the
/// attempt log after a restart.
///
/// Attempt 1 goes out immediately; after the n-th failure the next attempt waits `delays[n]` × a uniform factor in
/// [0.8, 1.2]. The default is Svix's schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (8 attempts over
/// about 27.5 h). A failure after the last attempt exhausts the schedule.
public struct RetrySchedule: Sendable, Hashable {
    /// Svix's schedule, the default.
    public static let standardDelays: [Duration] = [
        .zero, .seconds(5), .seconds(300), .seconds(1800), .seconds(7200), .seconds(18000), .seconds(36000),
        .seconds(36000),
    ]
    /// The Standard Webhooks example schedule (`retry_schedule=extended`): 10 attempts over about 75.5 h.
    public static let extendedDelays: [Duration] = [
        .zero, .seconds(5), .seconds(300), .seconds(1800), .seconds(7200), .seconds(18000), .seconds(36000),
        .seconds(50400), .seconds(72000), .seconds(86400),
    ]
    /// ±20 % (Svix `JITTER_DELTA = 0.2`).
    public static let jitterRange: ClosedRange<Double> = 0.8...1.2

    /// Delay before each attempt; `delays[0]` is the first attempt's (normally zero), `count` the attempt budget.
    public let delays: [Duration]
    /// Attempts made so far under this schedule (a resume starts a fresh schedule at 0).
    public private(set) var attemptsMade: Int

    /// - Parameters:
    ///   - delays: the schedule; must not be empty.
    ///   - attemptsMade: attempts already made, when rebuilding the state from the attempt log.
    public init(delays: [Duration] = RetrySchedule.standardDelays, attemptsMade: Int = 0) {
        precondition(!delays.isEmpty, "a retry schedule needs at least one attempt")
        self.delays = delays
        self.attemptsMade = max(0, attemptsMade)
    }

    /// How many attempts the schedule allows.
    public var maxAttempts: Int { delays.count }

    /// Whether no attempt is left.
    public var isExhausted: Bool { attemptsMade >= delays.count }

    /// Counts one attempt and decides what follows it.
    /// - Parameters:
    ///   - outcome: the attempt's classification.
    ///   - now: when the attempt ended; a retry is scheduled from here.
    ///   - unitRandom: a uniform random number in [0, 1), mapped to the jitter factor (injectable for tests).
    public mutating func record(
        _ outcome: AttemptOutcome, at now: Timestamp, unitRandom: () -> Double
    ) -> RetryDecision {
        attemptsMade += 1
        switch outcome.verdict {
        case .success: return .delivered
        case .abort: return .aborted
        case .disable: return .disabled
        case .retry:
            guard attemptsMade < delays.count else { return .exhausted }
            let delay = nextDelay(base: delays[attemptsMade], outcome: outcome, unit: unitRandom())
            return .retry(at: now + delay, delay: delay)
        }
    }

    /// `base` × jitter, raised to the outcome's floor, then `Retry-After` clamped to [scheduled, 2 × scheduled].
    func nextDelay(base: Duration, outcome: AttemptOutcome, unit: Double) -> Duration {
        let clampedUnit = min(max(unit, 0), 1)
        let factor = Self.jitterRange.lowerBound + (Self.jitterRange.upperBound - Self.jitterRange.lowerBound) * clampedUnit
        let jittered = Duration.microseconds(Int64((Double(base.wholeMicroseconds) * factor).rounded()))
        let scheduled = max(jittered, outcome.minimumDelay)
        guard let retryAfter = outcome.retryAfter else { return scheduled }
        return min(max(retryAfter, scheduled), scheduled * 2)
    }
}

/// What follows an attempt.
public enum RetryDecision: Sendable, Hashable {
    /// The message is delivered.
    case delivered
    /// Try again at `at` (`delay` after the attempt ended).
    case retry(at: Timestamp, delay: Duration)
    /// The receiver aborted the message; the webhook moves on.
    case aborted
    /// The receiver asked to disable the webhook (410, `webhook-delivery: disable`).
    case disabled
    /// The last attempt failed: the webhook turns unhealthy, the message stays at the head as `failed`.
    case exhausted
}
