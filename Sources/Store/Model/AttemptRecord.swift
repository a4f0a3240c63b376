/// One attempt to log and the outcome it gives its message, for ``Store/recordAttempts(_:)``.
public struct AttemptRecord: Sendable {
    public var attempt: DeliveryAttempt
    public var status: MessageStatus
    public var nextAttemptAt: Timestamp?

    public init(attempt: DeliveryAttempt, status: MessageStatus, nextAttemptAt: Timestamp?) {
        self.attempt = attempt
        self.status = status
        self.nextAttemptAt = nextAttemptAt
    }
}
