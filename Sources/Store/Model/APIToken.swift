/// A management-API token as listed to its owner: never the token itself nor its hash, which are not recoverable.
public struct APIToken: Sendable, Hashable, Codable {
    /// 24 lowercase hex characters; what `vhooks token revoke` takes.
    public var id: String
    /// The label given at creation (`vhooks token create --name`), possibly empty.
    public var name: String
    /// When `vhooks token create` made it.
    public var createdAt: Timestamp
    /// When a request last authenticated with it, to the minute (updated at most once a minute); `nil` if never used.
    public var lastUsedAt: Timestamp?

    /// Creates a listing entry; the store builds these, tests may too.
    public init(id: String, name: String, createdAt: Timestamp, lastUsedAt: Timestamp? = nil) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }
}
