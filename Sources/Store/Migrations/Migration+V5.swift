extension Migration {
    /// A smaller log (issue 8), every record's bytes stored once:
    /// - `stream_numbers` gives each stream a small integer, which `event_log` (and its indexes) carry instead of
    ///   the connection id and object type. A number is never reused or removed, so a cached one never goes stale.
    /// - `record_state` goes: a record's state is its latest event, found by the log's identity index (stream,
    ///   record, revision), so a page commit writes each version once and nothing besides.
    /// - `event_log.event_id` goes: an event id derives from the event's identity (stream, record, revision) and
    ///   its kind and version, so it is computed when asked for (``ChangeEvent/eventID``). Version hashes are written
    ///   as 16-byte blobs from now on; the 64-hex text of earlier rows reads back as the same hash.
    /// - `messages.data_at` and `messages.data_seqs`: a message whose `data` is log records byte for byte keeps its
    ///   body without them (`body` is then the rest of the body, `data_at` where `data` goes, `data_seqs` the log
    ///   positions of its records); the store splices them back on every read. Earlier rows keep whole bodies.
    static let v5CompactLog = Migration(
        version: 5, name: "stream numbers, states from the log, derived event ids, message bodies without their logged records",
        sql: """
            CREATE TABLE stream_numbers (
                id INTEGER PRIMARY KEY,
                connection_id TEXT NOT NULL,
                object_type TEXT NOT NULL,
                UNIQUE (connection_id, object_type)
            );
            INSERT INTO stream_numbers (connection_id, object_type)
                SELECT connection_id, object_type FROM event_log
                UNION SELECT connection_id, object_type FROM streams;

            CREATE TABLE event_log_v5 (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                stream INTEGER NOT NULL,
                record_id TEXT NOT NULL,
                revision INTEGER NOT NULL,
                kind TEXT NOT NULL,
                source TEXT NOT NULL,
                version_hash BLOB NOT NULL,
                prev_version_hash BLOB,
                record BLOB NOT NULL,
                occurred_at_us INTEGER,
                detected_at_us INTEGER NOT NULL
            );
            INSERT INTO event_log_v5 (seq, stream, record_id, revision, kind, source, version_hash, prev_version_hash,
                    record, occurred_at_us, detected_at_us)
                SELECT e.seq, n.id, e.record_id, e.revision, e.kind, e.source, e.version_hash, e.prev_version_hash,
                    e.record, e.occurred_at_us, e.detected_at_us
                FROM event_log e JOIN stream_numbers n USING (connection_id, object_type)
                ORDER BY e.seq;
            -- Positions are never reused, also those of events deleted at the end of the old log.
            UPDATE sqlite_sequence SET seq = MAX(seq, COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'event_log'), 0))
                WHERE name = 'event_log_v5';
            INSERT INTO sqlite_sequence (name, seq)
                SELECT 'event_log_v5', seq FROM sqlite_sequence WHERE name = 'event_log'
                    AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'event_log_v5');
            DROP TABLE event_log;
            ALTER TABLE event_log_v5 RENAME TO event_log;
            CREATE INDEX event_log_by_stream ON event_log (stream, seq);
            CREATE UNIQUE INDEX event_log_identity ON event_log (stream, record_id, revision);

            -- A record's state is its latest event (the identity index finds it), so the table goes.
            DROP TABLE record_state;

            ALTER TABLE messages ADD COLUMN data_at INTEGER;
            ALTER TABLE messages ADD COLUMN data_seqs BLOB;
            """)
}
