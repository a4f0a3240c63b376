import Store

/// Turns a page of records into change events against what the stream has already seen (polling.md §5).
///
/// New id → `created`; known id with a different version hash → `updated`; same hash → nothing, which is what makes
/// the inclusive cursor and the lookback window free of duplicates. Pure: the caller loads the known states and
/// commits the outcome.
public struct Differ: Sendable {
    public var stream: StreamKey
    public var object: ObjectSpec
    private let ignored: Set<String>
    private let timestampFields: Set<String>
    private let idPath: JSONPath
    private let updatedAtPath: JSONPath
    /// The member `updatedAtPath` names when it is a top-level one.
    private let updatedAtKey: String?

    public init(stream: StreamKey, object: ObjectSpec) {
        self.stream = stream
        self.object = object
        self.ignored = Set(object.ignoreFields)
        self.timestampFields = Set(object.timestampFields)
        self.idPath = JSONPath(object.idPath)
        self.updatedAtPath = JSONPath(object.updatedAtPath)
        self.updatedAtKey = updatedAtPath.topLevelKey
    }

    /// Each record's id normalized to a string (so `123` and `"123"` are one record; `nil` where it has none), in
    /// page order: resolved once per page, for loading the known states (``PageIDs/present``) and for
    /// ``diff(records:ids:known:source:detectedAt:)``.
    public func pageIDs(of records: [JSONValue]) -> PageIDs {
        PageIDs(byRecord: records.map { idPath.resolve(in: $0)?.keyText })
    }

    /// Diffs one page. When an id occurs twice in the page the last occurrence wins (counted as an anomaly).
    public func diff(
        records: [JSONValue], known: [String: RecordState], source: EventSource, detectedAt: Timestamp
    ) -> DiffOutcome {
        diff(records: records, ids: pageIDs(of: records), known: known, source: source, detectedAt: detectedAt)
    }

    /// ``diff(records:known:source:detectedAt:)`` with the page's ids already resolved by ``pageIDs(of:)``.
    public func diff(
        records: [JSONValue], ids: PageIDs, known: [String: RecordState], source: EventSource, detectedAt: Timestamp
    ) -> DiffOutcome {
        var outcome = DiffOutcome()
        outcome.records = records.count
        var lastIndex: [String: Int] = [:]
        lastIndex.reserveCapacity(records.count)
        let recordIDs = ids.byRecord
        precondition(recordIDs.count == records.count, "the page's ids were resolved from another page")
        for index in records.indices {
            let id = recordIDs[index]
            if let id {
                if lastIndex[id] != nil { outcome.anomalies.duplicateIDs += 1 }
                lastIndex[id] = index
            } else {
                outcome.anomalies.missingID += 1
            }
        }
        for (index, record) in records.enumerated() {
            guard let id = recordIDs[index], lastIndex[id] == index else { continue }
            let updatedAt = updatedAtPath.resolve(in: record).flatMap { object.cursorFormat.parse($0) }
            if let updatedAt {
                outcome.maxUpdatedAt = max(outcome.maxUpdatedAt ?? updatedAt, updatedAt)
            } else {
                outcome.anomalies.missingUpdatedAt += 1
            }
            let hash = VersionHash.of(normalized(record, updatedAt: updatedAt))
            let previous = known[id]
            let kind: EventKind
            if let previous {
                if previous.deletedAt != nil {
                    kind = .restored
                } else if previous.versionHash == hash {
                    continue
                } else if let before = previous.sourceUpdatedAt, let now = updatedAt, now < before {
                    // A stale replica answered: an older version after a newer one is no change.
                    outcome.anomalies.stale += 1
                    continue
                } else {
                    kind = .updated
                }
            } else {
                kind = .created
            }
            let revision = (previous?.revision ?? 0) + 1
            let bytes = JSWriter.serialize(record)
            outcome.states.append(
                RecordState(
                    recordID: id, versionHash: hash, revision: revision, sourceUpdatedAt: updatedAt))
            outcome.events.append(
                ChangeEvent(
                    stream: stream, recordID: id, revision: revision, kind: kind, source: source, versionHash: hash,
                    previousVersionHash: previous?.versionHash, record: bytes, occurredAt: updatedAt,
                    detectedAt: detectedAt))
        }
        return outcome
    }

    /// The record as hashed: volatile fields removed and timestamp fields in one normal form (their instant, in
    /// microseconds), so that neither a `fetched_at` nor `…00Z` versus `…00.000Z` counts as a change.
    /// `updatedAt` is the record's `updated_at` as the diff already parsed it, used again rather than re-parsed.
    func normalized(_ record: JSONValue, updatedAt: Timestamp? = nil) -> JSONValue {
        guard case let .object(members) = record, !(ignored.isEmpty && timestampFields.isEmpty) else { return record }
        var result: [(String, JSONValue)] = []
        result.reserveCapacity(members.count)
        for (key, value) in members where !ignored.contains(key) {
            if timestampFields.contains(key),
                let time = (key == updatedAtKey ? updatedAt : nil) ?? object.cursorFormat.parse(value)
            {
                result.append((key, .number(Double(time.microseconds))))
            } else {
                result.append((key, value))
            }
        }
        return .object(result)
    }
}

/// A page's record ids, resolved once (``Differ/pageIDs(of:)``).
public struct PageIDs: Sendable {
    /// One per record, in page order; `nil` for a record without an id.
    public var byRecord: [String?]
    /// The ids present, for loading the known states.
    public var present: [String] { byRecord.compactMap { $0 } }
}

/// What one page changed.
public struct DiffOutcome: Sendable {
    /// New states of the records that changed (unchanged records keep theirs).
    public var states: [RecordState] = []
    public var events: [ChangeEvent] = []
    /// The newest source `updated_at` in the page, changed or not: the watermark may advance to it.
    public var maxUpdatedAt: Timestamp?
    public var records = 0
    public var anomalies = DiffAnomalies()

    public init() {}
}

/// Oddities the differ absorbed; counted so an operator can see a misbehaving provider.
public struct DiffAnomalies: Sendable, Hashable {
    public var missingID = 0
    public var missingUpdatedAt = 0
    public var duplicateIDs = 0
    public var stale = 0

    public init() {}
}
