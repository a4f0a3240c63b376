extension Store {
    private static let eventsSQL = """
        SELECT seq, event_id, record_id, kind, source, version_hash, prev_version_hash, record, occurred_at_us,
            detected_at_us, revision
        FROM event_log
        WHERE connection_id = ?1 AND object_type = ?2 AND seq > ?3 AND kind IN (?4, ?5, ?6, ?7)
            AND (?8 OR source <> 'backfill')
        ORDER BY seq LIMIT ?9
        """

    /// Up to `limit` events of the stream after position `afterSeq`, in log order, keeping only the given kinds and,
    /// unless `includeBackfill`, leaving out the baseline enumeration's events.
    public func events(
        _ stream: StreamKey, afterSeq: Int64, kinds: Set<EventKind>, includeBackfill: Bool, limit: Int
    ) throws -> [ChangeEvent] {
        try Self.events(
            in: db(), stream, afterSeq: afterSeq, kinds: kinds, includeBackfill: includeBackfill, limit: limit)
    }

    static func events(
        in database: Database, _ stream: StreamKey, afterSeq: Int64, kinds: Set<EventKind>, includeBackfill: Bool,
        limit: Int
    ) throws -> [ChangeEvent] {
        guard !kinds.isEmpty, limit > 0 else { return [] }
        // The statement has four kind slots (one per EventKind); repeating a kind fills the unused ones.
        let kindValues = kinds.map(\.rawValue).sorted()
        return try database.withStatement(Self.eventsSQL) { statement in
            try statement.bind(stream.connectionID, at: 1)
            try statement.bind(stream.objectType, at: 2)
            try statement.bind(afterSeq, at: 3)
            for slot in 0..<4 {
                try statement.bind(kindValues[min(slot, kindValues.count - 1)], at: Int32(4 + slot))
            }
            try statement.bind(includeBackfill, at: 8)
            try statement.bind(limit, at: 9)
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
}
