extension Store {
    private static let streamColumns = """
        connection_id, object_type, watermark_us, watermark_raw, run_page_token, run_query_from, run_high_water_us, \
        baseline_complete, baseline_complete_seq, t0_us, last_run_at_us
        """

    static let upsertStreamSQL = """
        INSERT INTO streams (\(streamColumns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
        ON CONFLICT (connection_id, object_type) DO UPDATE SET
            watermark_us = excluded.watermark_us, watermark_raw = excluded.watermark_raw,
            run_page_token = excluded.run_page_token, run_query_from = excluded.run_query_from,
            run_high_water_us = excluded.run_high_water_us, baseline_complete = excluded.baseline_complete,
            baseline_complete_seq = excluded.baseline_complete_seq, t0_us = excluded.t0_us,
            last_run_at_us = excluded.last_run_at_us
        """

    private static let headSeqSQL =
        "SELECT COALESCE(MAX(seq), 0) FROM event_log WHERE stream = \(streamNumberOf12)"

    /// The stream's stored cursor and checkpoint, or a fresh ``StreamState`` (nothing seen yet) if none is stored.
    public func streamState(_ stream: StreamKey) throws -> StreamState {
        if let cached = cachedStreamState(stream) { return cached }
        let sql = "SELECT \(Self.streamColumns) FROM streams WHERE connection_id = ?1 AND object_type = ?2"
        let state = try db().withStatement(sql) { statement in
            try statement.bind(stream.connectionID, at: 1)
            try statement.bind(stream.objectType, at: 2)
            return try statement.first(Self.readStream)
        } ?? StreamState(stream: stream)
        streamStateCache.withLockedValue { $0[stream] = state }
        return state
    }

    /// The stream's state as last committed or read, without a hop to the store's thread: a poll of an idle stream
    /// starts from it. `nil` until the stream was read or committed once by this store.
    public nonisolated func cachedStreamState(_ stream: StreamKey) -> StreamState? {
        streamStateCache.withLockedValue { $0[stream] }
    }

    /// Every stored stream state.
    public func streams() throws -> [StreamState] {
        try db().withStatement("SELECT \(Self.streamColumns) FROM streams ORDER BY connection_id, object_type") {
            try $0.map(Self.readStream)
        }
    }

    /// The highest log position of the stream's events, 0 if it has none.
    public func headSeq(_ stream: StreamKey) throws -> Int64 {
        try Self.headSeq(stream, in: db())
    }

    /// Whether the stream's baseline enumeration has completed, inside the caller's transaction.
    static func baselineComplete(_ stream: StreamKey, in database: Database) throws -> Bool {
        let sql = "SELECT baseline_complete FROM streams WHERE connection_id = ?1 AND object_type = ?2"
        return try database.withStatement(sql) { statement in
            try statement.bind(stream.connectionID, at: 1)
            try statement.bind(stream.objectType, at: 2)
            return try statement.first { $0.bool(at: 0) } ?? false
        }
    }

    static func headSeq(_ stream: StreamKey, in database: Database) throws -> Int64 {
        try database.withStatement(headSeqSQL) { statement in
            try statement.bind(stream.connectionID, at: 1)
            try statement.bind(stream.objectType, at: 2)
            return try statement.first { $0.int64(at: 0) } ?? 0
        }
    }

    /// Writes `state` as the stream's row (insert or replace), inside the caller's transaction.
    static func writeStream(_ state: StreamState, in database: Database) throws {
        try database.withStatement(upsertStreamSQL) { statement in
            try statement.bind(state.stream.connectionID, at: 1)
            try statement.bind(state.stream.objectType, at: 2)
            try statement.bind(state.watermark, at: 3)
            try statement.bind(state.watermarkRaw, at: 4)
            try statement.bind(state.runPageToken, at: 5)
            try statement.bind(state.runQueryFrom, at: 6)
            try statement.bind(state.runHighWater, at: 7)
            try statement.bind(state.baselineComplete, at: 8)
            try statement.bind(state.baselineCompleteSeq, at: 9)
            try statement.bind(state.t0, at: 10)
            try statement.bind(state.lastRunAt, at: 11)
            try statement.run()
        }
    }

    private static func readStream(_ row: Statement) -> StreamState {
        StreamState(
            stream: StreamKey(connectionID: row.string(at: 0), objectType: row.string(at: 1)),
            watermark: row.optionalTimestamp(at: 2),
            watermarkRaw: row.optionalString(at: 3),
            runPageToken: row.optionalString(at: 4),
            runQueryFrom: row.optionalString(at: 5),
            runHighWater: row.optionalTimestamp(at: 6),
            baselineComplete: row.bool(at: 7),
            baselineCompleteSeq: row.optionalInt64(at: 8),
            t0: row.optionalTimestamp(at: 9),
            lastRunAt: row.optionalTimestamp(at: 10))
    }
}
