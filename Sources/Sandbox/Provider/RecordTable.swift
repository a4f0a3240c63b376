import Store

/// The records of one object, kept sorted by ``RecordKey`` so List queries are binary searches plus a slice.
///
/// Upserts move a record to its new position (an updated record jumps to the end, as it does at real providers),
/// which is what makes offset pagination unstable under concurrent edits, a case the pollers must survive.
struct RecordTable: Sendable {
    private(set) var sorted: [SandboxRecord] = []
    private var keyByID: [String: RecordKey] = [:]

    var count: Int { sorted.count }

    /// Replaces the whole table; `records` may come in any order, a later duplicate id wins.
    init(records: [SandboxRecord] = []) {
        var byID: [String: SandboxRecord] = [:]
        byID.reserveCapacity(records.count)
        for record in records { byID[record.id] = record }
        sorted = byID.values.sorted { $0.key < $1.key }
        keyByID.reserveCapacity(sorted.count)
        for record in sorted { keyByID[record.id] = record.key }
    }

    func record(id: String) -> SandboxRecord? {
        guard let key = keyByID[id] else { return nil }
        let index = lowerBound(key)
        return index < sorted.count && sorted[index].key == key ? sorted[index] : nil
    }

    /// Inserts `record` or replaces the stored record with the same id; returns the replaced one.
    @discardableResult
    mutating func upsert(_ record: SandboxRecord) -> SandboxRecord? {
        let previous = remove(id: record.id)
        sorted.insert(record, at: lowerBound(record.key))
        keyByID[record.id] = record.key
        return previous
    }

    @discardableResult
    mutating func remove(id: String) -> SandboxRecord? {
        guard let key = keyByID.removeValue(forKey: id) else { return nil }
        let index = lowerBound(key)
        guard index < sorted.count, sorted[index].key == key else { return nil }
        return sorted.remove(at: index)
    }

    /// The index of the first record whose key is not below `key`.
    func lowerBound(_ key: RecordKey) -> Int {
        partition { !($0 < key) }
    }

    /// The index of the first record whose key is above `key` (the keyset continuation point).
    func upperBound(_ key: RecordKey) -> Int {
        partition { key < $0 }
    }

    /// The index of the first record updated at or after `time`.
    func firstIndex(updatedAtOrAfter time: Timestamp) -> Int {
        partition { !($0.updatedAt < time) }
    }

    private func partition(_ isInUpperPart: (RecordKey) -> Bool) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if isInUpperPart(sorted[mid].key) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
