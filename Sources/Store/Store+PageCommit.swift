extension Store {
    /// A record's state is its latest event: the newest revision under the log's identity index.
    static let selectRecordStateSQL = """
        SELECT version_hash, revision, occurred_at_us, seq, kind, detected_at_us FROM event_log
        WHERE stream = ?1 AND record_id = ?2 ORDER BY revision DESC LIMIT 1
        """

    private static let insertEventSQL = """
        INSERT OR IGNORE INTO event_log (revision, stream, record_id, kind, source, version_hash, prev_version_hash,
            record, occurred_at_us, detected_at_us)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
        """

    /// The differ's memory of the given records, keyed by record id; ids never seen are absent. A record's state is
    /// its latest event (version hash, revision, source time, log position, and the deletion when that event is one),
    /// so the log holds each version once and a page commit writes nothing but its events and checkpoint.
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
            guard let number = try storedStreamNumber(stream, in: database) else { return [:] }
            return try database.withStatement(Self.selectRecordStateSQL) { statement in
                try statement.bind(number, at: 1)
                var states: [String: RecordState] = [:]
                states.reserveCapacity(ids.count)
                for id in ids {
                    try statement.bind(id, at: 2)
                    if try statement.step() {
                        let deleted = statement.string(at: 4) == EventKind.deleted.rawValue
                        states[id] = RecordState(
                            recordID: id,
                            versionHash: statement.versionHash(at: 0),
                            revision: statement.int64(at: 1),
                            sourceUpdatedAt: statement.optionalTimestamp(at: 2),
                            snapshotSeq: statement.int64(at: 3),
                            deletedAt: deleted ? statement.timestamp(at: 5) : nil)
                    }
                    statement.reset()
                }
                return states
            }
        }
    }

    /// Stores one page in ONE transaction (polling.md §3): inserts the events that are new (an event already logged
    /// under the same stream, record and revision, hence the same event id, is skipped; each new one gets the next
    /// log position), which are also the records' new states, and writes the checkpoint. If any step fails nothing
    /// is stored, so the cursor never passes an event that is not in the log. Announces
    /// ``StoreChange/events(_:)`` when at least one event was inserted or the commit completes the baseline.
    ///
    /// A quiet finish (``PageCommit/isQuietFinish``) is the exception: it is kept in memory (the stream-state cache
    /// and the webhooks' checked time show it at once) and written with the other quiet finishes of about a second
    /// in one transaction, before any other read or write reaches the database. Ten thousand idle connections
    /// then cost a few writes a second instead of 170.
    ///
    /// Holding a quiet finish runs on the caller's executor (a lock, no hop to the store's thread); every other
    /// commit runs on the store's thread.
    public nonisolated func commitPage(_ commit: PageCommit) async throws -> PageCommitResult {
        guard commit.isQuietFinish else { return try await writePage(commit) }
        let held = try heldFinishes.withLockedValue { held throws(StoreError) -> Int in
            guard !held.isClosed else { throw StoreError.closed(path: path) }
            held.commits.append(commit)
            return held.commits.count
        }
        remember(commit)
        if held == 1 { scheduleQuietBatch() }
        if held >= Self.quietBatchLimit { try await writeQuietBatchNow() }
        return PageCommitResult(insertedEvents: 0, headSeq: nil)
    }

    /// Quiet finishes held and not yet written.
    nonisolated var heldQuietFinishCount: Int { heldFinishes.withLockedValue { $0.commits.count } }

    /// A commit that is not a quiet finish: written in one transaction, with the held finishes before it.
    private func writePage(_ commit: PageCommit) throws -> PageCommitResult {
        let database = try db()
        let stream = commit.checkpoint.stream
        let result = try database.transaction { () throws -> (PageCommitResult, Int64?) in
            // Only a commit that stores events needs the stream's number (and assigns it the first time).
            let number = commit.events.isEmpty ? nil : try streamNumber(stream, create: true, in: database)
            var inserted = 0
            if !commit.events.isEmpty {
                try database.withStatement(Self.insertEventSQL) { statement in
                    for event in commit.events {
                        guard event.stream == stream else { throw StoreError.foreignEvent(event.stream, commit: stream) }
                        try statement.bind(event.revision, at: 1)
                        try statement.bind(number, at: 2)
                        try statement.bind(event.recordID, at: 3)
                        try statement.bind(event.kind.rawValue, at: 4)
                        try statement.bind(event.source.rawValue, at: 5)
                        try statement.bind(event.versionHash, at: 6)
                        try statement.bind(event.previousVersionHash, at: 7)
                        try statement.bind(event.occurredAt, at: 9)
                        try statement.bind(event.detectedAt, at: 10)
                        // Already logged (a page re-read after a crash): the insert is ignored.
                        try statement.withBorrowedBlob(event.record, at: 8) { try statement.run() }
                        if database.changes > 0 { inserted += 1 }
                    }
                }
            }
            try Self.writeCheckpointAndRun(commit, insertedEvents: inserted, in: database)
            return (PageCommitResult(insertedEvents: inserted, headSeq: try Self.headSeq(stream, in: database)), number)
        }
        if let number = result.1 { rememberStreamNumber(number, for: stream) }
        remember(commit)
        let outcome = result.0
        if outcome.insertedEvents > 0 || commit.completesBaseline { feed.publish(.events(stream)) }
        return outcome
    }

    /// A page's checkpoint and, on the run's last page, the run (with the events this commit inserted) and the
    /// webhooks' checked time: what every commit writes besides its events, held or not.
    private static func writeCheckpointAndRun(_ commit: PageCommit, insertedEvents: Int, in database: Database) throws {
        try writeStream(commit.checkpoint, in: database)
        guard var run = commit.finishedRun else { return }
        run.events += insertedEvents
        try insertPollRun(run, in: database)
        try markChecked(commit.checkpoint.stream, at: run.finishedAt, in: database)
    }

    /// The in-memory copies a commit changes, once it is written or held: the stream state and the checked time.
    private nonisolated func remember(_ commit: PageCommit) {
        streamStateCache.withLockedValue { $0[commit.checkpoint.stream] = commit.checkpoint }
        if let run = commit.finishedRun { keepChecked(commit.checkpoint.stream, at: run.finishedAt) }
    }

    /// The longest a quiet finish waits in memory for its batch.
    static let quietBatchDelay: Duration = .seconds(1)
    /// A batch is written at once when it holds this many quiet finishes.
    static let quietBatchLimit = 512

    /// Writes the pending quiet finishes in one transaction, in the order they were committed.
    /// Only the store's thread writes them, so the batch taken here is still at the front of the list when it is
    /// removed; finishes held meanwhile stay for the next batch (with a timer of their own: the hold that started
    /// the list saw other finishes before it and scheduled none), and a failed write keeps them all.
    func writeQuietFinishes(to database: Database) throws {
        let batch = heldFinishes.withLockedValue { $0.commits }
        guard !batch.isEmpty else { return }
        try database.transaction {
            for commit in batch { try Self.writeCheckpointAndRun(commit, insertedEvents: 0, in: database) }
        }
        let remaining = heldFinishes.withLockedValue { held in
            held.commits.removeFirst(batch.count)
            return held.commits.count
        }
        if remaining > 0 { scheduleQuietBatch() }
    }

    private nonisolated func scheduleQuietBatch() {
        Task { [weak self] in
            try? await Task.sleep(for: Self.quietBatchDelay)
            await self?.writeQuietBatch()
        }
    }

    /// The batch limit reached: written now, a failure thrown to the commit that reached it (the finishes stay held).
    private func writeQuietBatchNow() throws {
        guard let database else { throw StoreError.closed(path: path) }
        try writeQuietFinishes(to: database)
    }

    private func writeQuietBatch() {
        guard let database, heldQuietFinishCount > 0 else { return }
        do {
            try writeQuietFinishes(to: database)
        } catch {
            // Kept, and tried again before the next read or write, and by the next timer.
            logger.error("could not write the quiet polls' checkpoints", metadata: ["store.error": "\(error)"])
            scheduleQuietBatch()
        }
    }
}
