/// What one HTTP attempt of a message amounted to, classified per delivery.md §2. Produced from a response or a
/// transport error (``AttemptOutcome/classify(response:now:)``, ``AttemptOutcome/classify(error:)``) and fed to
/// ``RetrySchedule/record(_:at:unitRandom:)``.
public struct AttemptOutcome: Sendable, Hashable {
    /// The consequence for the message.
    public enum Verdict: String, Sendable, Hashable {
        /// 2xx: the message is delivered.
        case success
        /// Any other failure: try again on the schedule.
        case retry
        /// The receiver answered `webhook-delivery: abort-message`: stop this message, move on.
        case abort
        /// `410 Gone` or `webhook-delivery: disable`: the webhook turns unhealthy at once.
        case disable
    }

    public var verdict: Verdict
    /// The attempt log's error class (`timeout`, `connect`, `dns`, `tls`, `redirect`, `http`); `nil` on success.
    public var errorClass: String?
    /// A readable explanation for the attempt log; `nil` on success.
    public var error: String?
    /// A floor on the next delay: 60 s after a timeout, 408, 425 or 429 (delivery.md §1).
    public var minimumDelay: Duration
    /// The receiver's `Retry-After` (429/503), already converted to a delay.
    public var retryAfter: Duration?

    public init(
        verdict: Verdict, errorClass: String? = nil, error: String? = nil, minimumDelay: Duration = .zero,
        retryAfter: Duration? = nil
    ) {
        self.verdict = verdict
        self.errorClass = errorClass
        self.error = error
        self.minimumDelay = minimumDelay
        self.retryAfter = retryAfter
    }

    /// A 2xx.
    public static let success = AttemptOutcome(verdict: .success)

    /// The delay floor after throttling or a timeout.
    public static let throttledMinimumDelay: Duration = .seconds(60)
}
