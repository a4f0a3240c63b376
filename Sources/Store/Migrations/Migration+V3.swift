extension Migration {
    /// `webhooks.snapshot_seq`: for an `include_all` webhook created after its stream's baseline, the log head at
    /// creation. Its initial sync is then the state of each record as of that position (one event per record, the
    /// latest at or before it), not a replay of every version the stream ever logged.
    static let v3SnapshotSeq = Migration(
        version: 3, name: "webhook snapshot position",
        sql: """
            ALTER TABLE webhooks ADD COLUMN snapshot_seq INTEGER;
            """)
}
