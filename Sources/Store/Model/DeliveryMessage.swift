/// The `type` of a Unified payload (unified.md §6.1).
public enum PayloadType: String, Sendable, Hashable, Codable {
    case initialPartial = "INITIAL-PARTIAL"
    case initialComplete = "INITIAL-COMPLETE"
    case virtual = "VIRTUAL"
    case native = "NATIVE"
}

/// Where a message is in its life (delivery.md §8).
public enum MessageStatus: String, Sendable, Hashable, Codable {
    /// Not yet delivered; attempts continue on the retry schedule.
    case pending
    case delivered
    /// The retry schedule ran out; the webhook is unhealthy and the message waits at the head of its queue.
    case failed
    /// The receiver asked to stop retrying it (`webhook-delivery: abort-message`); the webhook moved on.
    case aborted
}

/// One POST body for one webhook, built once from consecutive events and re-sent byte for byte on every attempt
/// (delivery.md §7), so receivers can dedupe on `webhook-id` or `nonce`.
public struct DeliveryMessage: Sendable, Hashable {
    /// `msg_` + 32 hex chars of SHA-256(webhook id ␟ first seq ␟ last seq): the `webhook-id` header.
    public var id: String
    public var webhookID: String
    /// First and last log positions the message covers (`lastSeq < firstSeq` for an empty INITIAL-COMPLETE).
    public var firstSeq: Int64
    public var lastSeq: Int64
    public var type: PayloadType
    /// The exact bytes POSTed.
    public var body: [UInt8]
    public var nonce: String
    public var recordCount: Int
    public var status: MessageStatus
    public var attemptCount: Int
    /// When the next attempt is due; `nil` = now.
    public var nextAttemptAt: Timestamp?
    public var createdAt: Timestamp
    /// The part of ``body`` that is log records byte for byte, which the store then keeps only once (in the log);
    /// `nil` when the body's records were trimmed to the webhook's `fields` and are stored with it.
    public var loggedRecords: LoggedRecords?

    public init(
        id: String, webhookID: String, firstSeq: Int64, lastSeq: Int64, type: PayloadType, body: [UInt8],
        nonce: String, recordCount: Int, status: MessageStatus = .pending, attemptCount: Int = 0,
        nextAttemptAt: Timestamp? = nil, createdAt: Timestamp = .now(), loggedRecords: LoggedRecords? = nil
    ) {
        self.id = id
        self.webhookID = webhookID
        self.firstSeq = firstSeq
        self.lastSeq = lastSeq
        self.type = type
        self.body = body
        self.nonce = nonce
        self.recordCount = recordCount
        self.status = status
        self.attemptCount = attemptCount
        self.nextAttemptAt = nextAttemptAt
        self.createdAt = createdAt
        self.loggedRecords = loggedRecords
    }
}
