extension Store {
    /// How many poll runs are kept per stream: the 20 a webhook's `runs` show, so 10,000 streams polled every
    /// minute keep 200,000 rows rather than a growing history.
    static let pollRunsKept = 20

    /// Appends a finished run to the stream's history, dropping all but the newest ``pollRunsKept``. (A successful
    /// run is stored with its last page instead: ``PageCommit/finishedRun``.)
    public func recordPollRun(_ run: PollRun) throws {
        let database = try db()
        try database.transaction { try Self.insertPollRun(run, in: database) }
    }

    static func insertPollRun(_ run: PollRun, in database: Database) throws {
        let insert = """
            INSERT INTO poll_runs (connection_id, object_type, started_at_us, finished_at_us, status, pages, records,
                events, error)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """
        try database.withStatement(insert) { statement in
            try statement.bind(run.stream.connectionID, at: 1)
            try statement.bind(run.stream.objectType, at: 2)
            try statement.bind(run.startedAt, at: 3)
            try statement.bind(run.finishedAt, at: 4)
            try statement.bind(run.status.rawValue, at: 5)
            try statement.bind(run.pages, at: 6)
            try statement.bind(run.records, at: 7)
            try statement.bind(run.events, at: 8)
            try statement.bind(run.error, at: 9)
            try statement.run()
        }
        let prune = """
            DELETE FROM poll_runs WHERE connection_id = ?1 AND object_type = ?2 AND id <= (
                SELECT id FROM poll_runs WHERE connection_id = ?1 AND object_type = ?2
                ORDER BY id DESC LIMIT 1 OFFSET ?3)
            """
        try database.withStatement(prune) { statement in
            try statement.bind(run.stream.connectionID, at: 1)
            try statement.bind(run.stream.objectType, at: 2)
            try statement.bind(Self.pollRunsKept, at: 3)
            try statement.run()
        }
    }

    /// The stream's most recent runs, newest first.
    public func pollRuns(_ stream: StreamKey, limit: Int) throws -> [PollRun] {
        let sql = """
            SELECT started_at_us, finished_at_us, status, pages, records, events, error FROM poll_runs
            WHERE connection_id = ?1 AND object_type = ?2 ORDER BY id DESC LIMIT ?3
            """
        return try db().withStatement(sql) { statement in
            try statement.bind(stream.connectionID, at: 1)
            try statement.bind(stream.objectType, at: 2)
            try statement.bind(max(0, limit), at: 3)
            return try statement.map { row in
                PollRun(
                    stream: stream,
                    startedAt: row.timestamp(at: 0),
                    finishedAt: row.timestamp(at: 1),
                    status: try Self.decodeEnumColumn(
                        PollRun.Status.self, from: row.string(at: 2), table: "poll_runs", column: "status"),
                    pages: row.int(at: 3),
                    records: row.int(at: 4),
                    events: row.int(at: 5),
                    error: row.optionalString(at: 6))
            }
        }
    }
}
