/// What the differ remembers of one record: the version it last emitted and when the source last changed it. The
/// store does not keep it apart: it is read from the record's latest event.
public struct RecordState: Sendable, Hashable {
    public var recordID: String
    /// The hash of the record's canonical JSON; equal hashes mean no change.
    public var versionHash: VersionHash
    /// Incremented by every emitted change; part of the event id so A→B→A yields distinct ids.
    public var revision: Int64
    public var sourceUpdatedAt: Timestamp?
    /// Log position of the event that carries this version's JS-exact JSON: the record's snapshot, for `deleted`
    /// payloads and field-level diffs, stored once (in the event log). Set when read from the store; `nil` for a
    /// state the differ has just computed.
    public var snapshotSeq: Int64?
    /// Set when the record was seen deleted; a reappearance is `restored`.
    public var deletedAt: Timestamp?

    public init(
        recordID: String, versionHash: VersionHash, revision: Int64, sourceUpdatedAt: Timestamp?, snapshotSeq: Int64? = nil,
        deletedAt: Timestamp? = nil
    ) {
        self.recordID = recordID
        self.versionHash = versionHash
        self.revision = revision
        self.sourceUpdatedAt = sourceUpdatedAt
        self.snapshotSeq = snapshotSeq
        self.deletedAt = deletedAt
    }
}
