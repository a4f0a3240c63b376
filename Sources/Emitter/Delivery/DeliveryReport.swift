import Store

/// One attempt of one message as the Emitter's observer sees it, for live logs (`vhooks demo`) and tests.
public struct DeliveryReport: Sendable, Hashable {
    public var webhookID: String
    public var messageID: String
    public var type: PayloadType
    /// Records in the message's `data`.
    public var records: Int
    /// Log positions the message covers (`lastSeq < firstSeq` for an empty INITIAL-COMPLETE).
    public var firstSeq: Int64
    public var lastSeq: Int64
    /// 1 for the first attempt of the message.
    public var attempt: Int
    /// The message's status after this attempt: `delivered`, `pending` (a retry is scheduled), `failed` (the
    /// webhook turned unhealthy) or `aborted`.
    public var status: MessageStatus
    /// The HTTP status, `nil` when no response arrived.
    public var statusCode: Int?
    /// The attempt log's error class, `nil` on success.
    public var errorClass: String?
    public var error: String?
    /// Wall time of the HTTP exchange.
    public var latency: Duration
    /// When the next attempt is due, for a scheduled retry.
    public var nextAttemptAt: Timestamp?

    public init(
        webhookID: String, messageID: String, type: PayloadType, records: Int, firstSeq: Int64, lastSeq: Int64,
        attempt: Int, status: MessageStatus, statusCode: Int?, errorClass: String?, error: String?, latency: Duration,
        nextAttemptAt: Timestamp?
    ) {
        self.webhookID = webhookID
        self.messageID = messageID
        self.type = type
        self.records = records
        self.firstSeq = firstSeq
        self.lastSeq = lastSeq
        self.attempt = attempt
        self.status = status
        self.statusCode = statusCode
        self.errorClass = errorClass
        self.error = error
        self.latency = latency
        self.nextAttemptAt = nextAttemptAt
    }
}
