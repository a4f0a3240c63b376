/// Reads that must not wait behind the writer: a second connection to the store's file, on its own thread.
///
/// In WAL mode a reader sees the last committed state and never blocks on the writer, so a poller can load the
/// known states of its next page while the previous page's commit is still running; it overlays that in-flight
/// page's states itself.
public actor StoreReader {
    private let executor: ThreadExecutor
    private var database: Database?
    private let path: String

    /// Runs every read on the reader's own thread.
    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    init(path: String) throws {
        let database = try Database(path: path)
        try database.setBusyTimeout(milliseconds: 5000)
        try database.execute("PRAGMA query_only = ON; PRAGMA cache_size = -16384")
        self.database = database
        self.path = path
        self.executor = ThreadExecutor(name: "vhooks.store.read")
    }

    /// The differ's memory of the given records as last committed, keyed by record id.
    public func recordStates(_ stream: StreamKey, ids: [String]) throws -> [String: RecordState] {
        guard let database else { throw StoreError.closed(path: path) }
        return try Store.readRecordStates(database, stream: stream, ids: ids)
    }

    /// ``Store/events(_:afterSeq:kinds:includeBackfill:limit:filters:)`` as last committed: a deliverer reads its
    /// next events here (after awaiting its own writes), so a large read never waits behind a poller's page commit.
    public func events(
        _ stream: StreamKey, afterSeq: Int64, kinds: Set<EventKind>, includeBackfill: Bool, limit: Int,
        filters: [String: String] = [:]
    ) throws -> [ChangeEvent] {
        guard let database else { throw StoreError.closed(path: path) }
        return try Store.events(
            in: database, stream, afterSeq: afterSeq, kinds: kinds, includeBackfill: includeBackfill, limit: limit,
            filters: filters)
    }

    /// ``Store/snapshotEvents(_:asOf:afterSeq:limit:filters:)`` as last committed, for the same reason as
    /// ``events(_:afterSeq:kinds:includeBackfill:limit:filters:)``.
    public func snapshotEvents(
        _ stream: StreamKey, asOf: Int64, afterSeq: Int64, limit: Int, filters: [String: String] = [:]
    ) throws -> [ChangeEvent] {
        guard let database else { throw StoreError.closed(path: path) }
        return try Store.snapshotEvents(
            in: database, stream, asOf: asOf, afterSeq: afterSeq, limit: limit, filters: filters)
    }

    func close() {
        database?.close()
        database = nil
    }
}
