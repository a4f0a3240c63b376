import Pollers
import Store

/// Everything `vhooks serve` needs: where the store is, the polling limits, and the connections and webhooks
/// declared in the configuration file (created or updated in the store on start, idempotently).
public struct ServeConfiguration: Sendable {
    /// SQLite file of the store.
    public var database = "vhooks.db"
    /// Webhooks may not ask to be polled more often than this, in minutes.
    public var minimumIntervalMinutes = 1.0
    /// Extra connector spec files (`*.json`).
    public var connectorsDirectory: String?
    /// The workspace secret that signs Unified `sig`; generated and stored on first start when absent.
    public var workspaceSecret: String?
    /// Overrides of every connector's lookback and safety lag, in seconds (the demo and tests shorten them).
    public var lookbackSeconds: Double?
    public var safetyLagSeconds: Double?
    public var connections: [Connection] = []
    public var webhooks: [WebhookDeclaration] = []
    /// Where the management API listens; `nil` runs without it. A configuration file without `listen` gets
    /// ``ListenAddress/defaultAddress`` (127.0.0.1:8080); a configuration built in code has no API unless set.
    public var listen: ListenAddress?
    /// Accept `hook_url` and `api_url` values that point at localhost or private, loopback, link-local or reserved
    /// addresses (the demo and tests); off by default.
    public var allowPrivateTargets = false
    /// The delivery retry schedule (delay before each attempt); `nil` keeps Svix's standard one. Operators pick
    /// `extended` for receivers with long outages; tests and demos shorten it so an unhealthy spell takes seconds.
    public var retryDelays: [Duration]?

    public init() {}
}

/// A webhook as a configuration file declares it. Without an `id`, one is derived from what the webhook watches
/// and where it delivers, so restarting with the same file updates it instead of creating a twin.
public struct WebhookDeclaration: Sendable, Hashable {
    public var id: String
    public var connectionID: String
    public var objectType: String
    public var event: WebhookEvent
    public var hookURL: String
    public var interval: Double
    public var fields: String?
    public var filters: [String: String]
    public var pageMaxLimit: Int
    public var includeAll: Bool
    public var isPaused: Bool
    /// Standard Webhooks secret; when absent the stored one is kept (or one is generated on first start).
    public var secret: String?

    public init(
        id: String, connectionID: String, objectType: String, event: WebhookEvent, hookURL: String, interval: Double,
        fields: String? = nil, filters: [String: String] = [:], pageMaxLimit: Int = 100, includeAll: Bool = false,
        isPaused: Bool = false, secret: String? = nil
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
        self.isPaused = isPaused
        self.secret = secret
    }
}
