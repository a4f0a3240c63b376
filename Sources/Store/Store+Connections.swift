extension Store {
    static let connectionColumns = """
        id, integration_type, api_url, token, categories, permissions, is_paused, is_healthy, workspace_id, \
        created_at_us, updated_at_us, external_xref, integration_name, environment, auth_name, auth_emails, \
        unhealthy_reason
        """

    /// Inserts the connection, or replaces every field of the one with the same id.
    public func saveConnection(_ connection: Connection) throws {
        let sql = """
            INSERT INTO connections (\(Self.connectionColumns))
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
            ON CONFLICT (id) DO UPDATE SET
                integration_type = excluded.integration_type, api_url = excluded.api_url, token = excluded.token,
                categories = excluded.categories, permissions = excluded.permissions, is_paused = excluded.is_paused,
                is_healthy = excluded.is_healthy, workspace_id = excluded.workspace_id,
                created_at_us = excluded.created_at_us, updated_at_us = excluded.updated_at_us,
                external_xref = excluded.external_xref, integration_name = excluded.integration_name,
                environment = excluded.environment, auth_name = excluded.auth_name, auth_emails = excluded.auth_emails,
                unhealthy_reason = excluded.unhealthy_reason
            """
        let categories = try Self.encodeJSONColumn(connection.categories)
        let permissions = try Self.encodeJSONColumn(connection.permissions)
        let emails = connection.authEmails.isEmpty ? nil : try Self.encodeJSONColumn(connection.authEmails)
        try db().withStatement(sql) { statement in
            try statement.bind(connection.id, at: 1)
            try statement.bind(connection.integrationType, at: 2)
            try statement.bind(connection.apiURL, at: 3)
            try statement.bind(connection.token, at: 4)
            try statement.bind(categories, at: 5)
            try statement.bind(permissions, at: 6)
            try statement.bind(connection.isPaused, at: 7)
            try statement.bind(connection.isHealthy, at: 8)
            try statement.bind(connection.workspaceID, at: 9)
            try statement.bind(connection.createdAt, at: 10)
            try statement.bind(connection.updatedAt, at: 11)
            try statement.bind(connection.externalXref, at: 12)
            try statement.bind(connection.integrationName, at: 13)
            try statement.bind(connection.environment, at: 14)
            try statement.bind(connection.authName, at: 15)
            try statement.bind(emails, at: 16)
            try statement.bind(connection.isHealthy ? nil : connection.unhealthyReason, at: 17)
            try statement.run()
        }
        try connectionChanged(id: connection.id)
    }

    /// The connection with this id, `nil` if none.
    public func connection(id: String) throws -> Connection? {
        try db().withStatement("SELECT \(Self.connectionColumns) FROM connections WHERE id = ?1") { statement in
            try statement.bind(id, at: 1)
            return try statement.first(Self.readConnection)
        }
    }

    /// Every connection, oldest first.
    public func connections() throws -> [Connection] {
        try db().withStatement("SELECT \(Self.connectionColumns) FROM connections ORDER BY created_at_us, id") {
            try $0.map(Self.readConnection)
        }
    }

    /// Deletes the connection with everything that hangs off it: its webhooks (with their messages and attempts),
    /// its streams' cursors, record states, event log and poll runs. Returns whether the connection existed.
    public func deleteConnection(id: String) throws -> Bool {
        let database = try db()
        let existed = try database.transaction { () throws -> Bool in
            for table in ["attempts", "messages"] {
                try database.withStatement(
                    "DELETE FROM \(table) WHERE webhook_id IN (SELECT id FROM webhooks WHERE connection_id = ?1)"
                ) { statement in
                    try statement.bind(id, at: 1)
                    try statement.run()
                }
            }
            // Stream numbers stay: a number is never reused, so caches of it never go stale.
            try database.withStatement(
                "DELETE FROM event_log WHERE stream IN (SELECT id FROM stream_numbers WHERE connection_id = ?1)"
            ) { statement in
                try statement.bind(id, at: 1)
                try statement.run()
            }
            for table in ["webhooks", "streams", "poll_runs"] {
                try database.withStatement("DELETE FROM \(table) WHERE connection_id = ?1") { statement in
                    try statement.bind(id, at: 1)
                    try statement.run()
                }
            }
            return try database.withStatement("DELETE FROM connections WHERE id = ?1") { statement in
                try statement.bind(id, at: 1)
                try statement.run()
                return database.changes > 0
            }
        }
        streamStateCache.withLockedValue { cache in
            for stream in cache.keys where stream.connectionID == id { cache[stream] = nil }
        }
        if existed { try connectionChanged(id: id) }
        return existed
    }

    static func readConnection(_ row: Statement) throws -> Connection {
        var connection = Connection(
            id: row.string(at: 0),
            integrationType: row.string(at: 1),
            apiURL: row.string(at: 2),
            token: row.optionalString(at: 3),
            categories: try decodeJSONColumn(
                [String].self, from: row.string(at: 4), table: "connections", column: "categories"),
            permissions: try decodeJSONColumn(
                [String].self, from: row.string(at: 5), table: "connections", column: "permissions"),
            isPaused: row.bool(at: 6),
            isHealthy: row.bool(at: 7),
            workspaceID: row.string(at: 8),
            createdAt: row.timestamp(at: 9),
            updatedAt: row.timestamp(at: 10),
            externalXref: row.optionalString(at: 11),
            integrationName: row.optionalString(at: 12),
            environment: row.string(at: 13),
            authName: row.optionalString(at: 14),
            authEmails: try row.optionalString(at: 15).map {
                try decodeJSONColumn([String].self, from: $0, table: "connections", column: "auth_emails")
            } ?? [])
        connection.unhealthyReason = row.optionalString(at: 16)
        return connection
    }
}
