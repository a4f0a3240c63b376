extension Store {
    /// The stored value of a setting, `nil` if never set.
    public func setting(_ key: String) throws -> String? {
        try db().withStatement("SELECT value FROM settings WHERE key = ?1") { statement in
            try statement.bind(key, at: 1)
            return try statement.first { $0.string(at: 0) }
        }
    }

    /// Stores a setting, replacing any previous value.
    public func setSetting(_ key: String, _ value: String) throws {
        try db().withStatement(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ) { statement in
            try statement.bind(key, at: 1)
            try statement.bind(value, at: 2)
            try statement.run()
        }
    }

    /// The workspace's secret (Unified's `sig` key): 32 random bytes as 64 lowercase hex characters, created on first
    /// use and stored under `workspace_secret`. Two processes asking at once get the same value.
    public func workspaceSecret() throws -> String {
        let key = "workspace_secret"
        if let existing = try setting(key) { return existing }
        let database = try db()
        return try database.transaction {
            try database.withStatement("INSERT OR IGNORE INTO settings (key, value) VALUES (?1, ?2)") { statement in
                try statement.bind(key, at: 1)
                try statement.bind(RandomID.hex(bytes: 32), at: 2)
                try statement.run()
            }
            return try database.withStatement("SELECT value FROM settings WHERE key = ?1") { statement in
                try statement.bind(key, at: 1)
                return try statement.first { $0.string(at: 0) } ?? ""
            }
        }
    }

    /// Replaces the workspace secret with 32 new random bytes (64 lowercase hex characters) and returns it. Messages
    /// built and signed with the old secret are re-signed on their next attempt (the emitter compares their `sig`),
    /// so receivers only need the new one once it is in place.
    public func rotateWorkspaceSecret() throws -> String {
        let secret = RandomID.hex(bytes: 32)
        try setSetting("workspace_secret", secret)
        return secret
    }
}
