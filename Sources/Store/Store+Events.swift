extension Store {
    private static let eventColumns = """
        seq, revision, record_id, kind, source, version_hash, prev_version_hash, record, occurred_at_us, \
        detected_at_us
        """

    /// The event read, with one `AND` per webhook filter (`filterCount` of them, parameters from ?10 on).
    private static func eventsSQL(filterCount: Int) -> String {
        """
        SELECT \(eventColumns)
        FROM event_log
        WHERE stream = \(streamNumberOf12) AND seq > ?3 AND kind IN (?4, ?5, ?6, ?7)
            AND (?8 OR source <> 'backfill')\(filterSQL(count: filterCount, firstParameter: 10))
        ORDER BY seq LIMIT ?9
        """
    }

    /// The snapshot read: per record, its latest event at or before ?3, after ?4, deletions left out; filters from
    /// ?6 on.
    private static func snapshotSQL(filterCount: Int) -> String {
        """
        SELECT \(eventColumns)
        FROM event_log
        WHERE seq IN (
                SELECT MAX(seq) FROM event_log
                WHERE stream = \(streamNumberOf12) AND seq <= ?3
                GROUP BY record_id)
            AND seq > ?4 AND kind <> 'deleted'\(filterSQL(count: filterCount, firstParameter: 6))
        ORDER BY seq LIMIT ?5
        """
    }

    /// The statements for up to this many filters are built once; more filters (rare) are built per read.
    private static let cachedEventsSQL = (0...4).map(eventsSQL(filterCount:))
    private static let cachedSnapshotSQL = (0...4).map(snapshotSQL(filterCount:))

    /// Up to `limit` events of the stream after position `afterSeq`, in log order, keeping only the given kinds and,
    /// unless `includeBackfill`, leaving out the baseline enumeration's events.
    ///
    /// `filters` (a webhook's, field → value) keep only events whose record has that top-level field with that value
    /// in string form (`"7"` matches the number 7); events filtered out are skipped as if absent, so a webhook's
    /// cursor moves past them with its next message.
    public func events(
        _ stream: StreamKey, afterSeq: Int64, kinds: Set<EventKind>, includeBackfill: Bool, limit: Int,
        filters: [String: String] = [:]
    ) throws -> [ChangeEvent] {
        try Self.events(
            in: db(), stream, afterSeq: afterSeq, kinds: kinds, includeBackfill: includeBackfill, limit: limit,
            filters: filters)
    }

    static func events(
        in database: Database, _ stream: StreamKey, afterSeq: Int64, kinds: Set<EventKind>, includeBackfill: Bool,
        limit: Int, filters: [String: String] = [:]
    ) throws -> [ChangeEvent] {
        guard !kinds.isEmpty, limit > 0 else { return [] }
        // The statement has four kind slots (one per EventKind); repeating a kind fills the unused ones.
        let kindValues = kinds.map(\.rawValue).sorted()
        let sortedFilters = filters.sorted { $0.key < $1.key }
        let sql =
            sortedFilters.count < cachedEventsSQL.count
            ? cachedEventsSQL[sortedFilters.count] : eventsSQL(filterCount: sortedFilters.count)
        return try database.withStatement(sql) { statement in
            try statement.bind(stream.connectionID, at: 1)
            try statement.bind(stream.objectType, at: 2)
            try statement.bind(afterSeq, at: 3)
            for slot in 0..<4 {
                try statement.bind(kindValues[min(slot, kindValues.count - 1)], at: Int32(4 + slot))
            }
            try statement.bind(includeBackfill, at: 8)
            try statement.bind(limit, at: 9)
            try bindFilters(sortedFilters, to: statement, firstParameter: 10)
            return try statement.map { try readEvent($0, stream: stream) }
        }
    }

    /// The stream as of log position `asOf`: for every record, its latest event at or before that position (records
    /// whose latest event is a deletion left out), those after `afterSeq`, in log order, up to `limit`.
    ///
    /// This is the initial sync of an `include_all` webhook created on a stream that is already synced: one version per
    /// record, read from the log without calling the provider, instead of every version the stream ever logged.
    /// `filters` apply as in ``events(_:afterSeq:kinds:includeBackfill:limit:filters:)``.
    public func snapshotEvents(
        _ stream: StreamKey, asOf: Int64, afterSeq: Int64, limit: Int, filters: [String: String] = [:]
    ) throws -> [ChangeEvent] {
        try Self.snapshotEvents(in: db(), stream, asOf: asOf, afterSeq: afterSeq, limit: limit, filters: filters)
    }

    static func snapshotEvents(
        in database: Database, _ stream: StreamKey, asOf: Int64, afterSeq: Int64, limit: Int,
        filters: [String: String]
    ) throws -> [ChangeEvent] {
        guard limit > 0, afterSeq < asOf else { return [] }
        let sortedFilters = filters.sorted { $0.key < $1.key }
        let sql =
            sortedFilters.count < cachedSnapshotSQL.count
            ? cachedSnapshotSQL[sortedFilters.count] : snapshotSQL(filterCount: sortedFilters.count)
        return try database.withStatement(sql) { statement in
            try statement.bind(stream.connectionID, at: 1)
            try statement.bind(stream.objectType, at: 2)
            try statement.bind(asOf, at: 3)
            try statement.bind(afterSeq, at: 4)
            try statement.bind(limit, at: 5)
            try bindFilters(sortedFilters, to: statement, firstParameter: 6)
            return try statement.map { try readEvent($0, stream: stream) }
        }
    }

    /// `AND` clauses comparing a top-level member of the record (path and value parameters in pairs from
    /// `firstParameter`) in string form.
    private static func filterSQL(count: Int, firstParameter: Int) -> String {
        (0..<count).map { index in
            let path = firstParameter + 2 * index
            return "\n    AND CAST(json_extract(CAST(record AS TEXT), ?\(path)) AS TEXT) = ?\(path + 1)"
        }.joined()
    }

    private static func bindFilters(_ filters: [(key: String, value: String)], to statement: Statement, firstParameter: Int)
        throws
    {
        for (index, filter) in filters.enumerated() {
            try statement.bind(jsonPath(member: filter.key), at: Int32(firstParameter + 2 * index))
            try statement.bind(filter.value, at: Int32(firstParameter + 1 + 2 * index))
        }
    }

    private static func readEvent(_ row: Statement, stream: StreamKey) throws -> ChangeEvent {
        ChangeEvent(
            seq: row.int64(at: 0),
            stream: stream,
            recordID: row.string(at: 2),
            revision: row.int64(at: 1),
            kind: try decodeEnumColumn(EventKind.self, from: row.string(at: 3), table: "event_log", column: "kind"),
            source: try decodeEnumColumn(EventSource.self, from: row.string(at: 4), table: "event_log", column: "source"),
            versionHash: row.versionHash(at: 5),
            previousVersionHash: row.optionalVersionHash(at: 6),
            record: row.bytes(at: 7),
            occurredAt: row.optionalTimestamp(at: 8),
            detectedAt: row.timestamp(at: 9))
    }

    /// The SQLite JSON path of a top-level member. Filter names come from a connector's declared list (validated
    /// when the webhook is saved), so they are plain field names; quoting keeps a dot in one from meaning nesting.
    static func jsonPath(member: String) -> String { "$.\"\(member)\"" }
}
