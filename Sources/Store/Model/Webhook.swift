/// A subscription: which changes of one (connection, object) go to which URL, how often, and how batched.
///
/// Webhooks are views over the stream's shared event log; each keeps its own delivery position, so any number of
/// them cost one poll per interval.
public struct Webhook: Sendable, Hashable, Codable {
    public var id: String
    public var connectionID: String
    /// `<category>_<object>`, e.g. `crm_contact`.
    public var objectType: String
    public var event: WebhookEvent
    public var hookURL: String
    /// Minutes between polls of the stream at most (fractional allowed); the stream polls at the smallest interval
    /// of its webhooks.
    public var interval: Double
    /// Comma-separated field names each delivered record is trimmed to (`id` always kept); `nil` = every field.
    public var fields: String?
    /// Filter values applied at fan-out, string to string as Unified's SDKs send them.
    public var filters: [String: String]
    /// Most records in one POST's `data`.
    public var pageMaxLimit: Int
    /// Backfill every existing record first (INITIAL-PARTIAL pages, then INITIAL-COMPLETE).
    public var includeAll: Bool
    public var isHealthy: Bool
    /// Why the webhook is unhealthy (its `hook_url` refused by the destination rule, retries exhausted, the receiver
    /// disabled it), for the API to show; the store keeps it only while the webhook is unhealthy.
    public var unhealthyReason: String?
    public var isPaused: Bool
    public var environment: String
    public var webhookType: String
    /// Standard Webhooks signing secret (`whsec_` + base64 of 32 random bytes), per webhook.
    public var secret: String
    /// Random text mixed into the webhook's message ids (``RandomID/messageIDSalt()``, given at creation and never
    /// changed), so `webhook-id`s differ across databases that declare the same webhook id. `""` for webhooks made
    /// before salts existed: their ids keep the unsalted derivation.
    public var idSalt: String
    public var workspaceID: String
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    /// End of the last completed poll of the webhook's stream.
    public var checkedAt: Timestamp?
    /// Unified's database-delivery fields (`db_type`, `db_url`, `db_schema`, `db_name_prefix`): stored and echoed so
    /// clients that send them get them back; they have no effect (`hook_url` stays the destination).
    public var database: WebhookDatabase

    public init(
        id: String, connectionID: String, objectType: String, event: WebhookEvent, hookURL: String,
        interval: Double = 60, fields: String? = nil, filters: [String: String] = [:], pageMaxLimit: Int = 100,
        includeAll: Bool = false, isHealthy: Bool = true, isPaused: Bool = false, environment: String = "Production",
        webhookType: String = "virtual", secret: String, workspaceID: String = "", createdAt: Timestamp = .now(),
        updatedAt: Timestamp = .now(), checkedAt: Timestamp? = nil, database: WebhookDatabase = WebhookDatabase(),
        idSalt: String = ""
    ) {
        self.id = id
        self.connectionID = connectionID
        self.objectType = objectType
        self.event = event
        self.hookURL = hookURL
        self.interval = interval
        self.fields = fields
        self.filters = filters
        self.pageMaxLimit = pageMaxLimit
        self.includeAll = includeAll
        self.isHealthy = isHealthy
        self.isPaused = isPaused
        self.environment = environment
        self.webhookType = webhookType
        self.secret = secret
        self.workspaceID = workspaceID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.checkedAt = checkedAt
        self.database = database
        self.idSalt = idSalt
    }

    /// The stream this webhook reads from.
    public var stream: StreamKey { StreamKey(connectionID: connectionID, objectType: objectType) }
}

/// The change a webhook subscribes to.
public enum WebhookEvent: String, Sendable, Hashable, Codable, CaseIterable {
    case created
    case updated
    case deleted

    /// Which event kinds fan out to a webhook of this event (polling.md §6, unified.md §6.3): `updated` also gets a
    /// record's first version, so a mirror fed only by `updated` is complete.
    public var deliveredKinds: Set<EventKind> {
        switch self {
        case .created: return [.created, .restored]
        case .updated: return [.created, .updated, .restored]
        case .deleted: return [.deleted]
        }
    }
}
