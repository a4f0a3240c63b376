/// What happened to a record, as the differ saw it.
public enum EventKind: String, Sendable, Hashable, Codable, CaseIterable {
    case created
    case updated
    case deleted
    case restored
}

/// Where a change was seen: the stream's baseline enumeration (the initial sync), an incremental poll, or a
/// provider's native webhook. Webhooks without `include_all` never receive `backfill` events.
public enum EventSource: String, Sendable, Hashable, Codable {
    case backfill
    case poll
    case native
}

/// One change of one record, as written to the event log (the transactional outbox).
///
/// Its identity in the log is (stream, record, revision), so re-reading a page after a crash re-inserts nothing;
/// ``eventID`` is derived from that identity when asked for, never stored.
public struct ChangeEvent: Sendable, Hashable {
    /// Position in the store's log, assigned on insert; 0 before.
    public var seq: Int64
    public var stream: StreamKey
    public var recordID: String
    /// The record's revision this event created (1 for its first version): with the stream and record id, the
    /// event's identity in the log.
    public var revision: Int64
    public var kind: EventKind
    public var source: EventSource
    public var versionHash: VersionHash
    public var previousVersionHash: VersionHash?
    /// The record as delivered: its JS-exact JSON bytes (``JSWriter``), spliced into payloads without re-encoding.
    public var record: [UInt8]
    /// The record's own `updated_at` at the source.
    public var occurredAt: Timestamp?
    public var detectedAt: Timestamp

    public init(
        seq: Int64 = 0, stream: StreamKey, recordID: String, revision: Int64 = 1, kind: EventKind,
        source: EventSource,
        versionHash: VersionHash, previousVersionHash: VersionHash?, record: [UInt8], occurredAt: Timestamp?,
        detectedAt: Timestamp
    ) {
        self.seq = seq
        self.stream = stream
        self.recordID = recordID
        self.revision = revision
        self.kind = kind
        self.source = source
        self.versionHash = versionHash
        self.previousVersionHash = previousVersionHash
        self.record = record
        self.occurredAt = occurredAt
        self.detectedAt = detectedAt
    }
}
