import Store

/// One stored record with its sort key and its JSON bytes, serialized once when stored so that a page of 1,000
/// records is a concatenation, not 1,000 serializations.
struct SandboxRecord: Sendable {
    let key: RecordKey
    let value: JSONValue
    let json: [UInt8]

    var id: String { key.id }
    var updatedAt: Timestamp { key.updatedAt }

    init(id: String, updatedAt: Timestamp, value: JSONValue) {
        self.key = RecordKey(updatedAt: updatedAt, id: id)
        self.value = value
        self.json = JSWriter.serialize(value)
    }
}

/// The List order: ascending `updated_at`, ties broken by `id` (byte order of the UTF-8 text).
struct RecordKey: Sendable, Hashable, Comparable {
    var updatedAt: Timestamp
    var id: String

    static func < (lhs: RecordKey, rhs: RecordKey) -> Bool {
        if lhs.updatedAt != rhs.updatedAt { return lhs.updatedAt < rhs.updatedAt }
        return lhs.id.utf8.lexicographicallyPrecedes(rhs.id.utf8)
    }
}
