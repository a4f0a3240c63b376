import Store

/// One POST the recording subscriber received, with what a receiver would conclude about it.
public struct ReceivedPayload: Sendable, Hashable {
    /// 1, 2, 3, … in arrival order, never reused (also after entries fall out of the bounded list).
    public var sequence: Int
    /// The request path (`/hooks/a`), so one subscriber can stand for several endpoints.
    public var path: String
    /// The payload's `type` (`INITIAL-PARTIAL`, `INITIAL-COMPLETE`, `VIRTUAL`, `NATIVE`).
    public var type: String?
    /// `webhook.id` from the payload.
    public var webhookID: String?
    /// The `webhook-id` header (Standard Webhooks message id; identical on every retry of one message).
    public var messageID: String?
    /// `data[].id` in order (numbers in JavaScript form).
    public var recordIDs: [String]
    /// `data.count`; also counts records without an id.
    public var recordCount: Int
    /// Unified `sig` (HMAC-SHA1 over `JSON.stringify(data) + nonce`).
    public var sig: VerificationOutcome
    /// Unified `sig256`; ``VerificationOutcome/missing`` when the payload has none.
    public var sig256: VerificationOutcome
    /// Standard Webhooks `webhook-signature`.
    public var standardWebhooks: VerificationOutcome
    /// The status the subscriber answered with (an injected failure, 401 when rejecting, else 200).
    public var respondedStatus: Int
    /// When it arrived, by the subscriber's clock.
    public var receivedAt: Timestamp
    /// The raw body, unless the subscriber runs with `keepBodies: false`.
    public var body: [UInt8]?

    public init(
        sequence: Int,
        path: String,
        type: String?,
        webhookID: String?,
        messageID: String?,
        recordIDs: [String],
        recordCount: Int,
        sig: VerificationOutcome,
        sig256: VerificationOutcome,
        standardWebhooks: VerificationOutcome,
        respondedStatus: Int,
        receivedAt: Timestamp,
        body: [UInt8]?
    ) {
        self.sequence = sequence
        self.path = path
        self.type = type
        self.webhookID = webhookID
        self.messageID = messageID
        self.recordIDs = recordIDs
        self.recordCount = recordCount
        self.sig = sig
        self.sig256 = sig256
        self.standardWebhooks = standardWebhooks
        self.respondedStatus = respondedStatus
        self.receivedAt = receivedAt
        self.body = body
    }

    /// Both schemes check out: `sig` valid, `sig256` valid or absent, Standard Webhooks valid.
    public var isVerified: Bool {
        sig == .valid && (sig256 == .valid || sig256 == .missing) && standardWebhooks == .valid
    }

    /// The subscriber acknowledged it with a 2xx (the sender may consider it delivered).
    public var wasAccepted: Bool { (200..<300).contains(respondedStatus) }

    /// The parsed body, if it was kept and is JSON.
    public var json: JSONValue? {
        guard let body else { return nil }
        return try? JSONParser.parse(body)
    }

    /// One line for a terminal: `#3 VIRTUAL webhook=… records=2 [c_1 c_2] sig=valid sig256=valid webhook-signature=valid → 200`.
    public var summaryLine: String {
        let shown = recordIDs.prefix(5).joined(separator: " ")
        let more = recordIDs.count > 5 ? " +\(recordIDs.count - 5) more" : ""
        return "#\(sequence) \(type ?? "?") \(path) webhook=\(webhookID ?? "-") msg=\(messageID ?? "-") "
            + "records=\(recordCount) [\(shown)\(more)] sig=\(sig) sig256=\(sig256) "
            + "webhook-signature=\(standardWebhooks) → \(respondedStatus)"
    }
}
