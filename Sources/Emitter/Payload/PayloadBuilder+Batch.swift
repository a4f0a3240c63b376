import Store

/// A run of consecutive events taken for one message, with their record bytes as they go into `data`.
struct RecordBatch {
    var events: [ChangeEvent] = []
    var records: [[UInt8]] = []
    /// The next event was left out because it would have pushed the body over the size cap.
    var closedBySize = false

    var count: Int { events.count }
}

extension PayloadBuilder {
    /// Takes events from the front of `candidates` while the message holds fewer than `limit` records and its body
    /// stays within ``maximumBodyBytes`` (a single record larger than the cap still goes, alone).
    func takeBatch(from candidates: some Sequence<ChangeEvent>, limit: Int) -> RecordBatch {
        var batch = RecordBatch()
        var size = overheadBytes
        for event in candidates {
            guard batch.count < limit else { break }
            let bytes = recordBytes(event)
            let added = bytes.count + (batch.count > 0 ? 1 : 0)
            if batch.count > 0, size + added > maximumBodyBytes {
                batch.closedBySize = true
                break
            }
            size += added
            batch.events.append(event)
            batch.records.append(bytes)
        }
        return batch
    }
}
