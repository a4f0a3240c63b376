extension Store {
    private static let messageColumns = """
        id, webhook_id, first_seq, last_seq, type, body, nonce, record_count, status, attempt_count, \
        next_attempt_at_us, created_at_us, data_at, data_seqs
        """

    /// The webhook's position over its stream's log, `nil` if the webhook does not exist.
    public func deliveryCursor(webhookID: String) throws -> DeliveryCursor? {
        try db().withStatement("SELECT built_seq, initial_phase, snapshot_seq FROM webhooks WHERE id = ?1") {
            statement in
            try statement.bind(webhookID, at: 1)
            return try statement.first { row in
                DeliveryCursor(
                    webhookID: webhookID,
                    builtSeq: row.int64(at: 0),
                    initialPhase: try Self.decodeEnumColumn(
                        DeliveryCursor.InitialPhase.self, from: row.string(at: 1), table: "webhooks",
                        column: "initial_phase"),
                    snapshotSeq: row.optionalInt64(at: 2))
            }
        }
    }

    /// The head of the webhook's queue: its oldest message still `pending` or `failed`, `nil` when all are done.
    public func openMessage(webhookID: String) throws -> DeliveryMessage? {
        let sql = """
            SELECT \(Self.messageColumns) FROM messages
            WHERE webhook_id = ?1 AND status IN ('pending', 'failed') ORDER BY position LIMIT 1
            """
        let database = try db()
        return try database.withStatement(sql) { statement in
            try statement.bind(webhookID, at: 1)
            return try statement.first { try Self.readMessage($0, in: database) }
        }
    }

    /// Queues a built message and moves the webhook's cursor past it, in ONE transaction, so a crash either keeps
    /// both or neither. A message whose id is already stored is kept as it was (the same events rebuilt after a
    /// crash yield the same id); the cursor is written either way.
    ///
    /// - Throws: ``StoreError/unknownWebhook(id:)`` when the cursor's webhook does not exist.
    public func appendMessage(_ message: DeliveryMessage, cursor: DeliveryCursor) throws {
        try appendMessages([message], cursor: cursor)
    }

    /// Queues consecutive built messages and moves the webhook's cursor past the last, in ONE transaction: the
    /// emitter builds a few messages ahead with one read of the log and one write.
    public func appendMessages(_ messages: [DeliveryMessage], cursor: DeliveryCursor) throws {
        let database = try db()
        try database.transaction {
            try database.withStatement("UPDATE webhooks SET built_seq = ?2, initial_phase = ?3 WHERE id = ?1") {
                statement in
                try statement.bind(cursor.webhookID, at: 1)
                try statement.bind(cursor.builtSeq, at: 2)
                try statement.bind(cursor.initialPhase.rawValue, at: 3)
                try statement.run()
            }
            guard database.changes > 0 else { throw StoreError.unknownWebhook(id: cursor.webhookID) }
            let insert = """
                INSERT OR IGNORE INTO messages (\(Self.messageColumns))
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                """
            for message in messages {
                try database.withStatement(insert) { statement in
                    try statement.bind(message.id, at: 1)
                    try statement.bind(message.webhookID, at: 2)
                    try statement.bind(message.firstSeq, at: 3)
                    try statement.bind(message.lastSeq, at: 4)
                    try statement.bind(message.type.rawValue, at: 5)
                    try statement.bind(message.nonce, at: 7)
                    try statement.bind(message.recordCount, at: 8)
                    try statement.bind(message.status.rawValue, at: 9)
                    try statement.bind(message.attemptCount, at: 10)
                    try statement.bind(message.nextAttemptAt, at: 11)
                    try statement.bind(message.createdAt, at: 12)
                    try statement.bind(message.loggedRecords?.range.lowerBound, at: 13)
                    try statement.bind(message.loggedRecords.map { Self.encodeSeqs($0.seqs) }, at: 14)
                    try statement.withBorrowedBlob(Self.storedBody(of: message), at: 6) { try statement.run() }
                }
            }
        }
    }

    /// Sets a message's status from outside the delivery loop (a resume turns `failed` back into `pending`; an
    /// operator may abort one). Nothing is announced: the caller wakes the webhook's deliverer
    /// (``Emitter/resume(webhookID:)`` does).
    ///
    /// - Throws: ``StoreError/unknownMessage(id:)``.
    public func updateMessageStatus(id: String, status: MessageStatus, nextAttemptAt: Timestamp?) throws {
        let database = try db()
        let sql = """
            UPDATE messages SET status = ?2, next_attempt_at_us = ?3,
                delivered_at_us = CASE WHEN ?2 = 'delivered' THEN COALESCE(delivered_at_us, ?4) ELSE delivered_at_us END
            WHERE id = ?1
            """
        try database.withStatement(sql) { statement in
            try statement.bind(id, at: 1)
            try statement.bind(status.rawValue, at: 2)
            try statement.bind(nextAttemptAt, at: 3)
            try statement.bind(Timestamp.now(), at: 4)
            try statement.run()
        }
        guard database.changes > 0 else { throw StoreError.unknownMessage(id: id) }
    }

    /// The webhook's messages, newest first.
    public func messages(webhookID: String, limit: Int) throws -> [DeliveryMessage] {
        let sql = "SELECT \(Self.messageColumns) FROM messages WHERE webhook_id = ?1 ORDER BY position DESC LIMIT ?2"
        let database = try db()
        return try database.withStatement(sql) { statement in
            try statement.bind(webhookID, at: 1)
            try statement.bind(max(0, limit), at: 2)
            return try statement.map { try Self.readMessage($0, in: database) }
        }
    }

    /// The record counts of the given messages by id, without reading their bodies (a webhook's `runs` show them
    /// next to each attempt). Ids that name no message are absent.
    public func recordCounts(messageIDs: Set<String>) throws -> [String: Int] {
        guard !messageIDs.isEmpty else { return [:] }
        let ids = Array(messageIDs)
        let placeholders = (1...ids.count).map { "?\($0)" }.joined(separator: ", ")
        let sql = "SELECT id, record_count FROM messages WHERE id IN (\(placeholders))"
        return try db().withStatement(sql) { statement in
            for (index, id) in ids.enumerated() { try statement.bind(id, at: Int32(index + 1)) }
            return Dictionary(uniqueKeysWithValues: try statement.map { ($0.string(at: 0), $0.int(at: 1)) })
        }
    }

    /// A message with its body as first built: the stored bytes, with the logged records put back when it names them.
    private static func readMessage(_ row: Statement, in database: Database) throws -> DeliveryMessage {
        let id = row.string(at: 0)
        var body = row.bytes(at: 5)
        var logged: LoggedRecords?
        if let offset = row.optionalInt(at: 12), !row.isNull(at: 13) {
            let seqs = decodeSeqs(row.bytes(at: 13))
            let frameCount = body.count
            body = try rebuiltBody(messageID: id, frame: body, offset: offset, seqs: seqs, in: database)
            logged = LoggedRecords(seqs: seqs, range: offset..<(offset + body.count - frameCount))
        }
        return DeliveryMessage(
            id: id,
            webhookID: row.string(at: 1),
            firstSeq: row.int64(at: 2),
            lastSeq: row.int64(at: 3),
            type: try decodeEnumColumn(PayloadType.self, from: row.string(at: 4), table: "messages", column: "type"),
            body: body,
            nonce: row.string(at: 6),
            recordCount: row.int(at: 7),
            status: try decodeEnumColumn(MessageStatus.self, from: row.string(at: 8), table: "messages", column: "status"),
            attemptCount: row.int(at: 9),
            nextAttemptAt: row.optionalTimestamp(at: 10),
            createdAt: row.timestamp(at: 11),
            loggedRecords: logged)
    }
}

extension Store {
    /// The webhooks that may have something to deliver: an open message, an initial sync not yet complete, or events
    /// logged on their stream past their cursor. A deliverer started for each of these at start-up covers every
    /// backlog; the others wait, holding nothing, until their stream's next commit. (It may name a webhook whose
    /// remaining events its filters leave out: its deliverer then finds nothing and ends.)
    public func webhooksWithWork() throws -> [String] {
        let sql = """
            SELECT w.id FROM webhooks w
            WHERE w.initial_phase = 'pending'
                OR EXISTS (SELECT 1 FROM messages m WHERE m.webhook_id = w.id AND m.status IN ('pending', 'failed'))
                OR w.built_seq < (
                    SELECT COALESCE(MAX(e.seq), 0) FROM event_log e
                    WHERE e.stream = (
                        SELECT n.id FROM stream_numbers n
                        WHERE n.connection_id = w.connection_id AND n.object_type = w.object_type))
            ORDER BY w.id
            """
        return try db().withStatement(sql) { try $0.map { $0.string(at: 0) } }
    }
}
