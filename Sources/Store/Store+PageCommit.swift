extension Store {
    static let selectRecordStateSQL = """
        SELECT version_hash, revision, source_updated_at_us, snapshot_seq, deleted_at_us FROM record_state
        WHERE connection_id = ?1 AND object_type = ?2 AND record_id = ?3
        """

    private static let upsertRecordStateSQL = """
        INSERT INTO record_state (connection_id, object_type, record_id, version_hash, revision, source_updated_at_us,
            snapshot_seq, deleted_at_us)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
        ON CONFLICT (connection_id, object_type, record_id) DO UPDATE SET
            version_hash = excluded.version_hash, revision = excluded.revision,
            source_updated_at_us = excluded.source_updated_at_us, snapshot_seq = excluded.snapshot_seq,
            deleted_at_us = excluded.deleted_at_us
        """

    private static let insertEventSQL = """
        INSERT OR IGNORE INTO event_log (revision, connection_id, object_type, record_id, kind, source, version_hash,
            prev_version_hash, record, occurred_at_us, detected_at_us)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
        """

    /// The differ's memory of the given records, keyed by record id; ids never seen are absent.
    ///
    /// Read on the writer's connection, so it sees every commit made so far. A poller that overlaps reads with an
    /// in-flight commit uses ``reader`` instead.
    public func recordStates(_ stream: StreamKey, ids: [String]) throws -> [String: RecordState] {
        try Self.readRecordStates(try db(), stream: stream, ids: ids)
    }

    /// One reused point lookup per id, all inside one read transaction (one snapshot, one WAL read lock).
    static func readRecordStates(_ database: Database, stream: StreamKey, ids: [String]) throws
        -> [String: RecordState]
    {
        guard !ids.isEmpty else { return [:] }
        return try database.read {
            try database.withStatement(Self.selectRecordStateSQL) { statement in
                try statement.bind(stream.connectionID, at: 1)
                try statement.bind(stream.objectType, at: 2)
                var states: [String: RecordState] = [:]
                states.reserveCapacity(ids.count)
                for id in ids {
                    try statement.bind(id, at: 3)
                    if try statement.step() {
                        states[id] = RecordState(
                            recordID: id,
                            versionHash: statement.versionHash(at: 0),
                            revision: statement.int64(at: 1),
                            sourceUpdatedAt: statement.optionalTimestamp(at: 2),
                            snapshotSeq: statement.optionalInt64(at: 3),
                            deletedAt: statement.optionalTimestamp(at: 4))
                    }
                    statement.reset()
                }
                return states
            }
        }
    }

    /// Stores one page in ONE transaction (polling.md §3): inserts the events that are new (an event already logged
    /// under the same stream, record and revision, hence the same event id, is skipped; each new one gets the next
    /// log position), upserts the record states (of `checkpoint.stream`), and writes the checkpoint. If any
    /// step fails nothing is stored, so the cursor never passes an event that is not in the log. Announces
    /// ``StoreChange/events(_:)`` when at least one event was inserted or the commit completes the baseline.
    public func commitPage(_ commit: PageCommit) throws -> PageCommitResult {
        let database = try db()
        let stream = commit.checkpoint.stream
        let result = try database.transaction { () throws -> PageCommitResult in
            // Events first: each state then points at the log position of the event carrying its version.
            var inserted = 0
            var snapshotSeq: [String: Int64] = [:]
            if !commit.events.isEmpty {
                snapshotSeq.reserveCapacity(commit.events.count)
                try database.withStatement(Self.insertEventSQL) { statement in
                    for event in commit.events {
                        try statement.bind(event.revision, at: 1)
                        try statement.bind(event.stream.connectionID, at: 2)
                        try statement.bind(event.stream.objectType, at: 3)
                        try statement.bind(event.recordID, at: 4)
                        try statement.bind(event.kind.rawValue, at: 5)
                        try statement.bind(event.source.rawValue, at: 6)
                        try statement.bind(event.versionHash, at: 7)
                        try statement.bind(event.previousVersionHash, at: 8)
                        try statement.bind(event.occurredAt, at: 10)
                        try statement.bind(event.detectedAt, at: 11)
                        try statement.withBorrowedBlob(event.record, at: 9) { try statement.run() }
                        if database.changes > 0 {
                            inserted += 1
                            snapshotSeq[event.recordID] = database.lastInsertRowID
                        } else {
                            // Already logged (a page re-read after a crash): point at the stored copy.
                            snapshotSeq[event.recordID] = try Self.seq(of: event, in: database)
                        }
                    }
                }
            }
            if !commit.states.isEmpty {
                try database.withStatement(Self.upsertRecordStateSQL) { statement in
                    try statement.bind(stream.connectionID, at: 1)
                    try statement.bind(stream.objectType, at: 2)
                    for state in commit.states {
                        try statement.bind(state.recordID, at: 3)
                        try statement.bind(state.versionHash, at: 4)
                        try statement.bind(state.revision, at: 5)
                        try statement.bind(state.sourceUpdatedAt, at: 6)
                        try statement.bind(snapshotSeq[state.recordID] ?? state.snapshotSeq, at: 7)
                        try statement.bind(state.deletedAt, at: 8)
                        try statement.run()
                    }
                }
            }
            try Self.writeStream(commit.checkpoint, in: database)
            if var run = commit.finishedRun {
                run.events += inserted
                try Self.insertPollRun(run, in: database)
                try Self.markChecked(stream, at: run.finishedAt, in: database)
            }
            return PageCommitResult(insertedEvents: inserted, headSeq: try Self.headSeq(stream, in: database))
        }
        if let run = commit.finishedRun { keepChecked(stream, at: run.finishedAt) }
        if result.insertedEvents > 0 || commit.completesBaseline { feed.publish(.events(stream)) }
        return result
    }

    private static func seq(of event: ChangeEvent, in database: Database) throws -> Int64? {
        let sql = """
            SELECT seq FROM event_log
            WHERE connection_id = ?1 AND object_type = ?2 AND record_id = ?3 AND revision = ?4
            """
        return try database.withStatement(sql) { statement in
            try statement.bind(event.stream.connectionID, at: 1)
            try statement.bind(event.stream.objectType, at: 2)
            try statement.bind(event.recordID, at: 3)
            try statement.bind(event.revision, at: 4)
            return try statement.first { $0.int64(at: 0) }
        }
    }
}
