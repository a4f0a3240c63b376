extension Migration {
    /// A smaller log (issue 8), every record's bytes stored once:
    /// - `event_log.event_id` goes: an event id derives from the event's identity (stream, record, revision) and
    ///   its kind and version, so it is computed when asked for (``ChangeEvent/eventID``). Version hashes are written
    ///   as 16-byte blobs from now on; the 64-hex text of earlier rows reads back as the same hash.
    /// - `messages.data_at` and `messages.data_seqs`: a message whose `data` is log records byte for byte keeps its
    ///   body without them (`body` is then the rest of the body, `data_at` where `data` goes, `data_seqs` the log
    ///   positions of its records); the store splices them back on every read. Earlier rows keep whole bodies.
    static let v5CompactLog = Migration(
        version: 5, name: "derived event ids, message bodies without their logged records",
        sql: """
            ALTER TABLE event_log DROP COLUMN event_id;
            ALTER TABLE messages ADD COLUMN data_at INTEGER;
            ALTER TABLE messages ADD COLUMN data_seqs BLOB;
            """)
}
