/// One account at one provider: which connector lists its objects, where, and with which credentials.
///
/// Webhooks hang off a connection; its objects are polled once per interval whatever the number of webhooks,
/// because API quotas are per account.
public struct Connection: Sendable, Hashable, Codable {
    /// 24 lowercase hex characters, server-generated (Unified's id format), or the id a config file declares.
    public var id: String
    /// Names the connector spec (`sandbox`, `unified`, ...) that says how this provider lists objects.
    public var integrationType: String
    /// Base URL of the provider's API (`http://127.0.0.1:8181`); the connector's paths are appended to it.
    public var apiURL: String
    /// Credential sent in the connector's auth header; `nil` for providers that need none.
    public var token: String?
    /// Unified categories (`crm`, ...), kept for the management API.
    public var categories: [String]
    /// Unified permissions (`crm_contact_read`, `webhook`), kept for the management API.
    public var permissions: [String]
    /// A paused connection is not polled; its webhooks keep their positions.
    public var isPaused: Bool
    /// False after a configuration error at the provider (401 after refresh, 403, 404 on the List).
    public var isHealthy: Bool
    /// Why the connection is unhealthy (its `api_url` refused by the destination rule, a 401/403/404 on the List),
    /// for the API to show; the store keeps it only while the connection is unhealthy.
    public var unhealthyReason: String?
    public var workspaceID: String
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    /// The customer's own id for this account (Unified's `external_xref`), for finding it with the list filter.
    public var externalXref: String?
    /// Unified's display name of the integration; stored and echoed, no effect.
    public var integrationName: String?
    /// Unified's environment (`"Production"` unless the client says otherwise); the `env` list filter reads it.
    public var environment: String
    /// `auth.name` and `auth.emails`: who the account belongs to; stored and echoed (never credentials).
    public var authName: String?
    public var authEmails: [String]

    public init(
        id: String, integrationType: String, apiURL: String, token: String? = nil, categories: [String] = [],
        permissions: [String] = [], isPaused: Bool = false, isHealthy: Bool = true, workspaceID: String = "",
        createdAt: Timestamp = .now(), updatedAt: Timestamp = .now(), externalXref: String? = nil,
        integrationName: String? = nil, environment: String = "Production", authName: String? = nil,
        authEmails: [String] = []
    ) {
        self.id = id
        self.integrationType = integrationType
        self.apiURL = apiURL
        self.token = token
        self.categories = categories
        self.permissions = permissions
        self.isPaused = isPaused
        self.isHealthy = isHealthy
        self.workspaceID = workspaceID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.externalXref = externalXref
        self.integrationName = integrationName
        self.environment = environment
        self.authName = authName
        self.authEmails = authEmails
    }
}
