import Logging
import NIOConcurrencyHelpers

/// VirtualHooks' durable state in one SQLite file: connections, webhooks, stream cursors, record states, the event
/// log (the transactional outbox), delivery messages and their attempts.
///
/// The actor runs on its own thread (``ThreadExecutor``), so SQLite's blocking calls never occupy Swift's cooperative
/// pool. It holds one connection in WAL mode with `synchronous=NORMAL`, `foreign_keys=ON` and a 5 s busy timeout:
/// several processes (CLI commands while `serve` runs) may open the same file; readers never block, and writers
/// wait for each other. Statements are prepared once per SQL text and reused.
///
/// Every method that writes more than one row does so in one transaction. Methods throw ``StoreError`` for domain
/// problems and ``SQLiteError`` when SQLite itself fails.
public actor Store {
    /// Announces what each write changed (``StoreChange``): new events on a stream, a saved or deleted webhook or
    /// connection. The scheduler and the deliverers wake on what concerns them; nothing rescans on a timer.
    public nonisolated let feed: ChangeFeed

    /// The connections and webhooks as last written; read through ``definitions``.
    let definitionsBox: NIOLockedValueBox<Definitions>
    /// Stream states as last committed or read (``cachedStreamState(_:)``).
    let streamStateCache = NIOLockedValueBox<[StreamKey: StreamState]>([:])

    /// The database file.
    public nonisolated let path: String

    /// A second, read-only connection on a thread of its own: reads there run while a commit is in progress on the
    /// writer (WAL readers never wait for the writer).
    public nonisolated let reader: StoreReader

    let logger: Logger
    private let executor: ThreadExecutor
    private(set) var database: Database?
    /// Stream numbers already used by committed writes (``streamNumber(_:create:in:)``).
    var streamNumbers: [StreamKey: Int64] = [:]
    /// Quiet finishes not yet written (``PageCommit/isQuietFinish``), in commit order; written before anything
    /// else touches the database, and at the latest ``quietBatchDelay`` after the first of them. Behind a lock
    /// rather than the actor, so holding one costs a poll no hop to the store's thread.
    let heldFinishes = NIOLockedValueBox(HeldFinishes())
    /// The serving process's claim on the file, when opened with `serving: true`; released by ``close()``.
    private let serveLock: ServeLock?

    /// Where a serving store's deliverers note each attempt the moment it is answered, ahead of the attempt log in
    /// SQLite (``AttemptJournal``); `nil` unless opened with `serving: true`.
    public nonisolated let attemptJournal: AttemptJournal?

    /// The store's dedicated thread: every isolated method, and so every SQLite call, runs there.
    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    /// Opens the database at `path`, creating the file if needed, configures the connection and applies pending
    /// migrations.
    ///
    /// - Parameter serving: claim the file for this process until ``close()`` (or the process's end, however it
    ///   ends): one serving process per database. A serving store also replays and keeps the attempt journal.
    ///   Short-lived commands (tokens, secrets) open it without a claim and work beside a running server.
    /// - Throws: ``StoreError/cannotOpen(path:reason:)`` when the path cannot hold a database (a missing folder, a
    ///   folder, a file that is not SQLite); ``SQLiteError`` when the file cannot be configured;
    ///   ``StoreError/schemaTooNew(path:found:supported:)`` when a newer build wrote it;
    ///   ``StoreError/migrationFailed(path:version:name:underlying:)``;
    ///   ``StoreError/databaseInUse(path:holderPID:)`` when `serving` and another process holds the claim;
    ///   ``StoreError/journalUnavailable(path:reason:)`` when `serving` and the attempt journal cannot be replayed or
    ///   started.
    public init(path: String, logger: Logger, serving: Bool = false) throws {
        let database = try Store.openDatabase(path: path)
        // Claimed before anything is written: a refused second server changes nothing.
        let serveLock = serving ? try ServeLock(databasePath: path) : nil
        try database.setBusyTimeout(milliseconds: 5000)
        // 16 KiB pages (only takes effect when the file is created): 1,000-record commits touch fewer pages. Measured
        // against 4 and 32 KiB on a backfill and on idle polls, none was better beyond this machine's noise (4 KiB:
        // 2.9 CPU-s per 100k records against 2.3–3.0, 1.26 ms per idle poll against 1.08).
        try database.execute("PRAGMA page_size = 16384")
        let journalMode = try database.prepare("PRAGMA journal_mode = WAL").first { $0.string(at: 0) }
        if journalMode?.lowercased() != "wal" {
            logger.warning(
                "store is not in WAL mode; concurrent readers may block",
                metadata: ["store.path": "\(path)", "store.journal_mode": "\(journalMode ?? "unknown")"])
        }
        // A page cache of up to 32 MiB: the log's indexes are keyed by stream, record and position (no random event
        // ids any more), so writes land near the end and a larger cache bought nothing; 128 MiB took a
        // 1,000,000-record backfill to 193 MiB of RSS against 94 MiB, at the same records/s and CPU per record
        // (`BackfillBenchmark --records 1000000`). A checkpoint every 8192 WAL pages rather than after nearly every
        // 1,000-record commit; the WAL file is truncated back to 64 MiB after a burst.
        try database.execute(
            """
            PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768;
            PRAGMA wal_autocheckpoint = 8192; PRAGMA journal_size_limit = 67108864
            """)
        try Migrator().migrate(database, logger: logger)
        let definitions = try Store.loadDefinitions(from: database)
        if serving {
            // Before anything reads the delivery state: attempts answered before a crash count as made.
            let replay = try Store.replayJournal(databasePath: path, into: database)
            if replay.replayed > 0 || replay.unreadable > 0 {
                logger.notice(
                    "delivery attempts replayed from the journal",
                    metadata: [
                        "store.path": "\(path)", "attempts": "\(replay.replayed)",
                        "unreadable_lines": "\(replay.unreadable)",
                    ])
            }
            self.attemptJournal = try AttemptJournal(databasePath: path, firstGeneration: replay.nextGeneration)
        } else {
            self.attemptJournal = nil
        }
        logger.debug("store opened", metadata: ["store.path": "\(path)"])

        self.reader = try StoreReader(path: path)
        self.path = path
        self.logger = logger
        self.feed = ChangeFeed()
        self.definitionsBox = NIOLockedValueBox(definitions)
        self.executor = ThreadExecutor(name: "vhooks.store")
        self.database = database
        self.serveLock = serveLock
    }

    /// Closes the connection (finalizing every cached statement). Idempotent; later calls throw
    /// ``StoreError/closed(path:)``.
    public func close() async {
        guard let database else { return }
        heldFinishes.withLockedValue { $0.isClosed = true }
        do {
            try writeQuietFinishes(to: database)
        } catch {
            logger.error("could not write the last quiet polls", metadata: ["store.error": "\(error)"])
        }
        database.close()
        self.database = nil
        await reader.close()
        attemptJournal?.shutDown()
        serveLock?.release()
        logger.debug("store closed", metadata: ["store.path": "\(path)"])
    }

    /// How many prepared statements the connection caches (for tests: the number must not grow with use).
    var cachedStatementCount: Int { database?.cachedStatementCount ?? 0 }

    /// The open connection, or ``StoreError/closed(path:)``, with every quiet finish written first, so no read
    /// or write ever sees the database without them.
    func db() throws -> Database {
        guard let database else { throw StoreError.closed(path: path) }
        try writeQuietFinishes(to: database)
        return database
    }
}
