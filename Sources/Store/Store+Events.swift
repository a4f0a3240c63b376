extension Store {
    /// The event read, with one `AND` per webhook filter (`filterCount` of them, parameters from ?10 on).
    private static func eventsSQL(filterCount: Int) -> String {
        var sql = """
            SELECT seq, event_id, record_id, kind, source, version_hash, prev_version_hash, record, occurred_at_us,
                detected_at_us, revision
            FROM event_log
            WHERE connection_id = ?1 AND object_type = ?2 AND seq > ?3 AND kind IN (?4, ?5, ?6, ?7)
                AND (?8 OR source <> 'backfill')
            """
        for index in 0..<filterCount {
            let path = 10 + 2 * index
            sql += "\n    AND CAST(json_extract(CAST(record AS TEXT), ?\(path)) AS TEXT) = ?\(path + 1)"
        }
        return sql + "\nORDER BY seq LIMIT ?9"
    }

    /// The statements for up to this many filters are built once; more filters (rare) are built per read.
    private static let cachedEventsSQL = (0...4).map(eventsSQL(filterCount:))

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
            sortedFilters.count < Self.cachedEventsSQL.count
            ? Self.cachedEventsSQL[sortedFilters.count] : Self.eventsSQL(filterCount: sortedFilters.count)
        return try database.withStatement(sql) { statement in
            try statement.bind(stream.connectionID, at: 1)
            try statement.bind(stream.objectType, at: 2)
            try statement.bind(afterSeq, at: 3)
            for slot in 0..<4 {
                try statement.bind(kindValues[min(slot, kindValues.count - 1)], at: Int32(4 + slot))
            }
            try statement.bind(includeBackfill, at: 8)
            try statement.bind(limit, at: 9)
            for (index, filter) in sortedFilters.enumerated() {
                try statement.bind(Self.jsonPath(member: filter.key), at: Int32(10 + 2 * index))
                try statement.bind(filter.value, at: Int32(11 + 2 * index))
            }
            return try statement.map { row in
                ChangeEvent(
                    seq: row.int64(at: 0),
                    eventID: row.string(at: 1),
                    stream: stream,
                    recordID: row.string(at: 2),
                    revision: row.int64(at: 10),
                    kind: try Self.decodeEnumColumn(EventKind.self, from: row.string(at: 3), table: "event_log", column: "kind"),
                    source: try Self.decodeEnumColumn(
                        EventSource.self, from: row.string(at: 4), table: "event_log", column: "source"),
                    versionHash: row.string(at: 5),
                    previousVersionHash: row.optionalString(at: 6),
                    record: row.bytes(at: 7),
                    occurredAt: row.optionalTimestamp(at: 8),
                    detectedAt: row.timestamp(at: 9))
            }
        }
    }

    /// The SQLite JSON path of a top-level member. Filter names come from a connector's declared list (validated
    /// when the webhook is saved), so they are plain field names; quoting keeps a dot in one from meaning nesting.
    static func jsonPath(member: String) -> String { "$.\"\(member)\"" }
}
