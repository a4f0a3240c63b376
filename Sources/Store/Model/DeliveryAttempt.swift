/// One HTTP request of a message, as the attempt log keeps it (delivery.md §8).
public struct DeliveryAttempt: Sendable, Hashable {
    public var messageID: String
    public var webhookID: String
    /// 1 for the first attempt.
    public var number: Int
    public var startedAt: Timestamp
    public var durationMicroseconds: Int64
    public var url: String
    /// HTTP status, `nil` when no response arrived.
    public var statusCode: Int?
    /// `timeout`, `connect`, `dns`, `tls`, `redirect`, `blocked_destination`, `http`; `nil` on success.
    public var errorClass: String?
    public var error: String?
    /// The response body, first 20 KB.
    public var responseBody: [UInt8]
    public var nextAttemptAt: Timestamp?

    public init(
        messageID: String, webhookID: String, number: Int, startedAt: Timestamp, durationMicroseconds: Int64,
        url: String, statusCode: Int?, errorClass: String?, error: String?, responseBody: [UInt8],
        nextAttemptAt: Timestamp?
    ) {
        self.messageID = messageID
        self.webhookID = webhookID
        self.number = number
        self.startedAt = startedAt
        self.durationMicroseconds = durationMicroseconds
        self.url = url
        self.statusCode = statusCode
        self.errorClass = errorClass
        self.error = error
        self.responseBody = responseBody
        self.nextAttemptAt = nextAttemptAt
    }
}
