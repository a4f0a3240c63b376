/// A webhook's Unified database-delivery fields, kept as the client sent them (unified.md §1: stored and echoed, no
/// effect). Every field is optional; an empty value means the client did not send it.
public struct WebhookDatabase: Sendable, Hashable, Codable {
    /// The database kinds Unified's SDK declares for `db_type`.
    public static let types = ["mongodb", "mysql", "postgres", "mssql", "mariadb", "supabase", "snowflake"]

    /// One of ``types``.
    public var type: String?
    public var url: String?
    public var schema: String?
    public var namePrefix: String?

    public init(type: String? = nil, url: String? = nil, schema: String? = nil, namePrefix: String? = nil) {
        self.type = type
        self.url = url
        self.schema = schema
        self.namePrefix = namePrefix
    }
}
