extension Store {
    private static let attemptColumns = """
        message_id, webhook_id, number, started_at_us, duration_us, url, status_code, error_class, error, \
        response_body, next_attempt_at_us
        """

    /// Logs one HTTP attempt and sets its message's status, attempt count and next attempt time, in ONE transaction.
    /// A `delivered` status also stamps the message's delivery time (the attempt's end).
    ///
    /// - Throws: ``StoreError/unknownMessage(id:)`` when the message does not exist (its webhook was deleted);
    ///   ``SQLiteError`` (a constraint violation) when this attempt number was already logged.
    public func recordAttempt(_ attempt: DeliveryAttempt, status: MessageStatus, nextAttemptAt: Timestamp?) throws {
        try recordAttempts([AttemptRecord(attempt: attempt, status: status, nextAttemptAt: nextAttemptAt)])
    }

    /// Logs several attempts (of consecutive messages, in order) and their messages' outcomes in ONE transaction.
    /// A deliverer sending a run of frozen messages records them together: if it dies before, the messages are
    /// simply sent again with the same ids (at-least-once).
    public func recordAttempts(_ records: [AttemptRecord]) throws {
        let database = try db()
        try database.transaction {
            for record in records {
                try Self.insertAttempt(
                    database, record.attempt, status: record.status, nextAttemptAt: record.nextAttemptAt)
            }
        }
    }

    static func insertAttempt(
        _ database: Database, _ attempt: DeliveryAttempt, status: MessageStatus, nextAttemptAt: Timestamp?
    ) throws {
        let update = """
            UPDATE messages SET status = ?2, attempt_count = MAX(attempt_count, ?3), next_attempt_at_us = ?4,
                delivered_at_us = CASE WHEN ?2 = 'delivered' THEN ?5 ELSE delivered_at_us END
            WHERE id = ?1
            """
        try database.withStatement(update) { statement in
            try statement.bind(attempt.messageID, at: 1)
            try statement.bind(status.rawValue, at: 2)
            try statement.bind(attempt.number, at: 3)
            try statement.bind(nextAttemptAt, at: 4)
            try statement.bind(attempt.startedAt.microseconds + attempt.durationMicroseconds, at: 5)
            try statement.run()
        }
        guard database.changes > 0 else { throw StoreError.unknownMessage(id: attempt.messageID) }
        let insert = "INSERT INTO attempts (\(attemptColumns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
        try database.withStatement(insert) { statement in
            try statement.bind(attempt.messageID, at: 1)
            try statement.bind(attempt.webhookID, at: 2)
            try statement.bind(attempt.number, at: 3)
            try statement.bind(attempt.startedAt, at: 4)
            try statement.bind(attempt.durationMicroseconds, at: 5)
            try statement.bind(attempt.url, at: 6)
            try statement.bind(attempt.statusCode, at: 7)
            try statement.bind(attempt.errorClass, at: 8)
            try statement.bind(attempt.error, at: 9)
            try statement.bind(attempt.nextAttemptAt, at: 11)
            try statement.withBorrowedBlob(attempt.responseBody, at: 10) { try statement.run() }
        }
    }

    /// A message's attempts, first to last.
    public func attempts(messageID: String) throws -> [DeliveryAttempt] {
        let sql = "SELECT \(Self.attemptColumns) FROM attempts WHERE message_id = ?1 ORDER BY number"
        return try db().withStatement(sql) { statement in
            try statement.bind(messageID, at: 1)
            return try statement.map(Self.readAttempt)
        }
    }

    /// The webhook's latest attempts across its messages, newest first.
    public func recentAttempts(webhookID: String, limit: Int) throws -> [DeliveryAttempt] {
        let sql = """
            SELECT \(Self.attemptColumns) FROM attempts WHERE webhook_id = ?1
            ORDER BY started_at_us DESC, number DESC LIMIT ?2
            """
        return try db().withStatement(sql) { statement in
            try statement.bind(webhookID, at: 1)
            try statement.bind(max(0, limit), at: 2)
            return try statement.map(Self.readAttempt)
        }
    }

    private static func readAttempt(_ row: Statement) -> DeliveryAttempt {
        DeliveryAttempt(
            messageID: row.string(at: 0),
            webhookID: row.string(at: 1),
            number: row.int(at: 2),
            startedAt: row.timestamp(at: 3),
            durationMicroseconds: row.int64(at: 4),
            url: row.string(at: 5),
            statusCode: row.optionalInt(at: 6),
            errorClass: row.optionalString(at: 7),
            error: row.optionalString(at: 8),
            responseBody: row.bytes(at: 9),
            nextAttemptAt: row.optionalTimestamp(at: 10))
    }
}
