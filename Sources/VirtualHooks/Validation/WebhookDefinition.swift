import Store

/// The fields of a webhook that a management API request body and a configuration file entry both set, as
/// ``WebhookRules`` read and checked them. `nil` means absent (or `null`).
struct WebhookDefinition: Hashable, Sendable {
    var connectionID: String?
    var objectType: String?
    var event: WebhookEvent?
    var hookURL: String?
    var interval: Double?
    var pageMaxLimit: Int?
    var fields: String?
    var filters: [String: String]?
    var isPaused: Bool?
    /// The `db_*` fields (unified.md §1): stored and echoed, no effect.
    var dbType: String?
    var dbURL: String?
    var dbSchema: String?
    var dbNamePrefix: String?

    /// The stream the webhook watches, when all three of its fields are present.
    var stream: (connectionID: String, objectType: String, event: WebhookEvent)? {
        guard let connectionID, let objectType, let event else { return nil }
        return (connectionID, objectType, event)
    }
}
