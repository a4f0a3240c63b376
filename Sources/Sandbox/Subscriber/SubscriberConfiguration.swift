import Store

/// Secrets and retention of the recording subscriber.
public struct SubscriberConfiguration: Sendable {
    /// The workspace secret Unified `sig`/`sig256` are checked with; `nil` reports ``VerificationOutcome/noSecret``.
    public var workspaceSecret: String?
    /// Standard Webhooks secrets (`whsec_…`) by the payload's `webhook.id`.
    public var webhookSecrets: [String: String]
    /// The Standard Webhooks secret for webhooks not in ``webhookSecrets``.
    public var defaultWebhookSecret: String?
    /// Looks up the Standard Webhooks secret of a webhook not in ``webhookSecrets`` by its id (`vhooks subscriber
    /// --api` asks the management API's `/virtualhooks/webhook/{id}/secret`), so webhooks created while the
    /// subscriber runs verify too. An answer is kept; `nil` (unknown, unreachable) falls back to
    /// ``defaultWebhookSecret`` and is asked again with the next payload.
    public var webhookSecretSource: (@Sendable (String) async -> String?)?
    /// How `sig` and `sig256` are encoded; base64 by default.
    public var digestEncoding: UnifiedSignatureVerifier.DigestEncoding
    /// Most payloads kept in the list; older ones are dropped (the totals keep counting). Default 10,000.
    public var capacity: Int
    /// Keep each raw body; turn off for benchmarks, where only ids, counts and outcomes matter.
    public var keepBodies: Bool
    /// Answer 401 to a payload whose configured signatures do not verify, as a strict receiver would; by default
    /// every payload gets 200 and the outcome is only recorded.
    public var rejectUnverified: Bool
    /// Accepted distance of `webhook-timestamp` from now, in seconds; 300 as in the libraries.
    public var tolerance: Int64
    /// "Now" for the timestamp tolerance.
    public var clock: @Sendable () -> Timestamp

    public init(
        workspaceSecret: String? = nil,
        webhookSecrets: [String: String] = [:],
        defaultWebhookSecret: String? = nil,
        webhookSecretSource: (@Sendable (String) async -> String?)? = nil,
        digestEncoding: UnifiedSignatureVerifier.DigestEncoding = .base64,
        capacity: Int = 10_000,
        keepBodies: Bool = true,
        rejectUnverified: Bool = false,
        tolerance: Int64 = 300,
        clock: @escaping @Sendable () -> Timestamp = { Timestamp.now() }
    ) {
        self.workspaceSecret = workspaceSecret
        self.webhookSecrets = webhookSecrets
        self.defaultWebhookSecret = defaultWebhookSecret
        self.webhookSecretSource = webhookSecretSource
        self.digestEncoding = digestEncoding
        self.capacity = max(1, capacity)
        self.keepBodies = keepBodies
        self.rejectUnverified = rejectUnverified
        self.tolerance = tolerance
        self.clock = clock
    }
}
