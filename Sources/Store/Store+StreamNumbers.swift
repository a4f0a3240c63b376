extension Store {
    /// The stream's number in `event_log`, from the cache or the table; with `create`, one is
    /// assigned if the stream has none yet (inside the caller's transaction).
    func streamNumber(_ stream: StreamKey, create: Bool, in database: Database) throws -> Int64? {
        if let known = streamNumbers[stream] { return known }
        if create {
            try database.withStatement(
                "INSERT OR IGNORE INTO stream_numbers (connection_id, object_type) VALUES (?1, ?2)"
            ) { statement in
                try statement.bind(stream.connectionID, at: 1)
                try statement.bind(stream.objectType, at: 2)
                try statement.run()
            }
        }
        return try Self.storedStreamNumber(stream, in: database)
    }

    /// Keeps a number that a committed transaction used: numbers are never reused or removed.
    func rememberStreamNumber(_ number: Int64, for stream: StreamKey) {
        streamNumbers[stream] = number
    }

    /// The stream's number as stored, `nil` when nothing was ever logged for it.
    static func storedStreamNumber(_ stream: StreamKey, in database: Database) throws -> Int64? {
        try database.withStatement(
            "SELECT id FROM stream_numbers WHERE connection_id = ?1 AND object_type = ?2"
        ) { statement in
            try statement.bind(stream.connectionID, at: 1)
            try statement.bind(stream.objectType, at: 2)
            return try statement.first { $0.int64(at: 0) }
        }
    }

    /// The SQL for "the number of the stream bound as ?1 (connection) and ?2 (object)", for statements that read
    /// one stream.
    static let streamNumberOf12 = "(SELECT id FROM stream_numbers WHERE connection_id = ?1 AND object_type = ?2)"
}
