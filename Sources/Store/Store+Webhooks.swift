extension Store {
    static let webhookColumns = """
        id, connection_id, object_type, event, hook_url, interval_minutes, fields, filters, page_max_limit, \
        include_all, is_healthy, is_paused, environment, webhook_type, secret, workspace_id, created_at_us, \
        updated_at_us, checked_at_us, db_type, db_url, db_schema, db_name_prefix, unhealthy_reason, id_salt
        """

    private static let insertWebhookSQL = """
        INSERT INTO webhooks (\(webhookColumns), built_seq, initial_phase, snapshot_seq)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
            ?23, ?24, ?25, ?26, ?27, ?28)
        """

    /// Every column but the id, the message-id salt and the delivery cursor, which an update leaves alone (a changed
    /// salt would re-id messages already in flight).
    private static let updateWebhookSQL = """
        UPDATE webhooks SET connection_id = ?2, object_type = ?3, event = ?4, hook_url = ?5, interval_minutes = ?6,
            fields = ?7, filters = ?8, page_max_limit = ?9, include_all = ?10, is_healthy = ?11, is_paused = ?12,
            environment = ?13, webhook_type = ?14, secret = ?15, workspace_id = ?16, created_at_us = ?17,
            updated_at_us = ?18, checked_at_us = ?19, db_type = ?20, db_url = ?21, db_schema = ?22,
            db_name_prefix = ?23, unhealthy_reason = ?24
        WHERE id = ?1
        """

    /// Inserts the webhook, or replaces every field of the one with the same id.
    ///
    /// On insert its delivery cursor starts at the beginning of the stream's log with the initial sync pending when
    /// `includeAll` is set, and otherwise at the stream's current head (only changes from now on). With `includeAll`
    /// on a stream whose baseline is already complete, the current head is kept as the cursor's
    /// ``DeliveryCursor/snapshotSeq``: the initial sync is then each record's state as of that position. An update
    /// never moves the cursor. The connection need not exist yet (webhooks of a config file may load first).
    public func saveWebhook(_ webhook: Webhook) throws {
        let database = try db()
        let filters = try Self.encodeJSONColumn(webhook.filters)
        try database.transaction {
            let exists = try database.withStatement("SELECT 1 FROM webhooks WHERE id = ?1") { statement in
                try statement.bind(webhook.id, at: 1)
                return try statement.step()
            }
            if exists {
                try database.withStatement(Self.updateWebhookSQL) { statement in
                    try Self.bindWebhook(webhook, filters: filters, to: statement)
                    try statement.run()
                }
            } else {
                let head = try Self.headSeq(webhook.stream, in: database)
                let builtSeq = webhook.includeAll ? 0 : head
                let phase: DeliveryCursor.InitialPhase = webhook.includeAll ? .pending : .none
                let synced = webhook.includeAll ? try Self.baselineComplete(webhook.stream, in: database) : false
                let snapshotSeq: Int64? = synced ? head : nil
                try database.withStatement(Self.insertWebhookSQL) { statement in
                    try Self.bindWebhook(webhook, filters: filters, to: statement)
                    try statement.bind(webhook.idSalt, at: 25)
                    try statement.bind(builtSeq, at: 26)
                    try statement.bind(phase.rawValue, at: 27)
                    try statement.bind(snapshotSeq, at: 28)
                    try statement.run()
                }
            }
        }
        try webhookChanged(id: webhook.id)
    }

    /// The webhook with this id, `nil` if none.
    public func webhook(id: String) throws -> Webhook? {
        try db().withStatement("SELECT \(Self.webhookColumns) FROM webhooks WHERE id = ?1") { statement in
            try statement.bind(id, at: 1)
            return try statement.first(Self.readWebhook)
        }
    }

    /// Every webhook, oldest first.
    public func webhooks() throws -> [Webhook] {
        try db().withStatement("SELECT \(Self.webhookColumns) FROM webhooks ORDER BY created_at_us, id") {
            try $0.map(Self.readWebhook)
        }
    }

    /// The webhooks reading from one stream, oldest first.
    public func webhooks(stream: StreamKey) throws -> [Webhook] {
        let sql = """
            SELECT \(Self.webhookColumns) FROM webhooks WHERE connection_id = ?1 AND object_type = ?2
            ORDER BY created_at_us, id
            """
        return try db().withStatement(sql) { statement in
            try statement.bind(stream.connectionID, at: 1)
            try statement.bind(stream.objectType, at: 2)
            return try statement.map(Self.readWebhook)
        }
    }

    /// Deletes the webhook with its messages and attempts. Returns whether it existed.
    public func deleteWebhook(id: String) throws -> Bool {
        let database = try db()
        let existed = try database.transaction { () throws -> Bool in
            for sql in ["DELETE FROM attempts WHERE webhook_id = ?1", "DELETE FROM messages WHERE webhook_id = ?1"] {
                try database.withStatement(sql) { statement in
                    try statement.bind(id, at: 1)
                    try statement.run()
                }
            }
            return try database.withStatement("DELETE FROM webhooks WHERE id = ?1") { statement in
                try statement.bind(id, at: 1)
                try statement.run()
                return database.changes > 0
            }
        }
        if existed { try webhookChanged(id: id) }
        return existed
    }

    /// Marks the webhook healthy (its unhealthy reason cleared) or unhealthy with `reason` for the API to show.
    ///
    /// - Throws: ``StoreError/unknownWebhook(id:)``.
    public func setWebhookHealthy(id: String, _ healthy: Bool, reason: String? = nil) throws {
        let database = try db()
        let sql = "UPDATE webhooks SET is_healthy = ?2, unhealthy_reason = ?3 WHERE id = ?1"
        try database.withStatement(sql) { statement in
            try statement.bind(id, at: 1)
            try statement.bind(healthy, at: 2)
            try statement.bind(healthy ? nil : reason, at: 3)
            try statement.run()
        }
        guard database.changes > 0 else { throw StoreError.unknownWebhook(id: id) }
        try webhookChanged(id: id)
    }

    /// Records the end of a completed poll on every webhook of the stream. Bookkeeping only: ``definitions`` keep
    /// the time but nothing is announced, since nothing new is there to deliver or to schedule.
    public func setCheckedAt(stream: StreamKey, _ time: Timestamp) throws {
        try Self.markChecked(stream, at: time, in: db())
        keepChecked(stream, at: time)
    }

    static func markChecked(_ stream: StreamKey, at time: Timestamp, in database: Database) throws {
        let sql = "UPDATE webhooks SET checked_at_us = ?3 WHERE connection_id = ?1 AND object_type = ?2"
        try database.withStatement(sql) { statement in
            try statement.bind(stream.connectionID, at: 1)
            try statement.bind(stream.objectType, at: 2)
            try statement.bind(time, at: 3)
            try statement.run()
        }
    }

    /// The checked time in ``definitions``, after it was written.
    nonisolated func keepChecked(_ stream: StreamKey, at time: Timestamp) {
        definitionsBox.withLockedValue { $0.setChecked(stream, at: time) }
    }

    /// Binds the first 24 columns of ``webhookColumns`` (all but `id_salt`, which only an insert writes) as 1...24.
    private static func bindWebhook(_ webhook: Webhook, filters: String, to statement: Statement) throws {
        try statement.bind(webhook.id, at: 1)
        try statement.bind(webhook.connectionID, at: 2)
        try statement.bind(webhook.objectType, at: 3)
        try statement.bind(webhook.event.rawValue, at: 4)
        try statement.bind(webhook.hookURL, at: 5)
        try statement.bind(webhook.interval, at: 6)
        try statement.bind(webhook.fields, at: 7)
        try statement.bind(filters, at: 8)
        try statement.bind(webhook.pageMaxLimit, at: 9)
        try statement.bind(webhook.includeAll, at: 10)
        try statement.bind(webhook.isHealthy, at: 11)
        try statement.bind(webhook.isPaused, at: 12)
        try statement.bind(webhook.environment, at: 13)
        try statement.bind(webhook.webhookType, at: 14)
        try statement.bind(webhook.secret, at: 15)
        try statement.bind(webhook.workspaceID, at: 16)
        try statement.bind(webhook.createdAt, at: 17)
        try statement.bind(webhook.updatedAt, at: 18)
        try statement.bind(webhook.checkedAt, at: 19)
        try statement.bind(webhook.database.type, at: 20)
        try statement.bind(webhook.database.url, at: 21)
        try statement.bind(webhook.database.schema, at: 22)
        try statement.bind(webhook.database.namePrefix, at: 23)
        try statement.bind(webhook.isHealthy ? nil : webhook.unhealthyReason, at: 24)
    }

    static func readWebhook(_ row: Statement) throws -> Webhook {
        var webhook = Webhook(
            id: row.string(at: 0),
            connectionID: row.string(at: 1),
            objectType: row.string(at: 2),
            event: try decodeEnumColumn(WebhookEvent.self, from: row.string(at: 3), table: "webhooks", column: "event"),
            hookURL: row.string(at: 4),
            interval: row.double(at: 5),
            fields: row.optionalString(at: 6),
            filters: try decodeJSONColumn(
                [String: String].self, from: row.string(at: 7), table: "webhooks", column: "filters"),
            pageMaxLimit: row.int(at: 8),
            includeAll: row.bool(at: 9),
            isHealthy: row.bool(at: 10),
            isPaused: row.bool(at: 11),
            environment: row.string(at: 12),
            webhookType: row.string(at: 13),
            secret: row.string(at: 14),
            workspaceID: row.string(at: 15),
            createdAt: row.timestamp(at: 16),
            updatedAt: row.timestamp(at: 17),
            checkedAt: row.optionalTimestamp(at: 18),
            database: WebhookDatabase(
                type: row.optionalString(at: 19), url: row.optionalString(at: 20), schema: row.optionalString(at: 21),
                namePrefix: row.optionalString(at: 22)),
            idSalt: row.string(at: 24))
        webhook.unhealthyReason = row.optionalString(at: 23)
        return webhook
    }
}
