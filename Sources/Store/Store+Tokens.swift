import Crypto

extension Store {
    /// The prefix of every token, so a leaked one is recognisable (secret scanners, logs).
    static let apiTokenPrefix = "vh_"

    /// How often `last_used_at` is written for a token in use: a busy client does not turn every request into a write.
    static let apiTokenUsageResolution: Duration = .seconds(60)

    /// Creates a management-API token and returns it in plain text: `vh_` + 40 lowercase hex characters (160 random
    /// bits). This is the only time it is available; the store keeps its SHA-256 alone.
    public func createAPIToken(name: String) throws -> String {
        let token = Self.apiTokenPrefix + RandomID.hex(bytes: 20)
        try db().withStatement(
            """
            INSERT INTO api_tokens (id, name, token_hash, created_at_us, last_used_at_us)
            VALUES (?1, ?2, ?3, ?4, NULL)
            """
        ) { statement in
            try statement.bind(RandomID.objectID(), at: 1)
            try statement.bind(name, at: 2)
            try statement.bind(Self.apiTokenHash(token), at: 3)
            try statement.bind(Timestamp.now(), at: 4)
            try statement.run()
        }
        return token
    }

    /// Whether `token` is a live (created, not revoked) API token. Looks the token up by its hash, so no secret is
    /// compared byte by byte; records the use, at most once a minute per token.
    public func isValidAPIToken(_ token: String) throws -> Bool {
        try isValidAPIToken(token, now: .now())
    }

    /// ``isValidAPIToken(_:)`` at a given time (tests move the clock).
    func isValidAPIToken(_ token: String, now: Timestamp) throws -> Bool {
        guard token.hasPrefix(Self.apiTokenPrefix) else { return false }
        let database = try db()
        let found = try database.withStatement(
            "SELECT id, last_used_at_us FROM api_tokens WHERE token_hash = ?1"
        ) { statement in
            try statement.bind(Self.apiTokenHash(token), at: 1)
            return try statement.first { ($0.string(at: 0), $0.optionalTimestamp(at: 1)) }
        }
        guard let (id, lastUsedAt) = found else { return false }
        if lastUsedAt.map({ now >= $0 + Self.apiTokenUsageResolution }) ?? true {
            try database.withStatement("UPDATE api_tokens SET last_used_at_us = ?2 WHERE id = ?1") { statement in
                try statement.bind(id, at: 1)
                try statement.bind(now, at: 2)
                try statement.run()
            }
        }
        return true
    }

    /// Every token, oldest first, without its hash.
    public func apiTokens() throws -> [APIToken] {
        try db().withStatement(
            "SELECT id, name, created_at_us, last_used_at_us FROM api_tokens ORDER BY created_at_us, id"
        ) { statement in
            try statement.map { row in
                APIToken(
                    id: row.string(at: 0), name: row.string(at: 1), createdAt: row.timestamp(at: 2),
                    lastUsedAt: row.optionalTimestamp(at: 3))
            }
        }
    }

    /// Deletes the token with this id; requests carrying it fail from then on. Returns whether it existed.
    public func revokeAPIToken(id: String) throws -> Bool {
        let database = try db()
        return try database.withStatement("DELETE FROM api_tokens WHERE id = ?1") { statement in
            try statement.bind(id, at: 1)
            try statement.run()
            return database.changes > 0
        }
    }

    /// Lowercase hex SHA-256 of the token's UTF-8 bytes: what `api_tokens.token_hash` holds.
    static func apiTokenHash(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).hexString
    }
}
