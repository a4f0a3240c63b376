extension Store {
    /// The body as stored: without the logged records' bytes when the message names them.
    static func storedBody(of message: DeliveryMessage) -> [UInt8] {
        guard let logged = message.loggedRecords else { return message.body }
        var frame = Array(message.body[..<logged.range.lowerBound])
        frame.append(contentsOf: message.body[logged.range.upperBound...])
        return frame
    }

    /// The stored body with the logged records put back at `offset`.
    static func rebuiltBody(
        messageID: String, frame: [UInt8], offset: Int, seqs: [Int64], in database: Database
    ) throws -> [UInt8] {
        guard (0...frame.count).contains(offset) else {
            throw StoreError.corruptRow(table: "messages", column: "data_at", value: "\(offset) in message \(messageID)")
        }
        var records: [[UInt8]] = []
        records.reserveCapacity(seqs.count)
        var size = frame.count + 2 + max(0, seqs.count - 1)
        try database.withStatement("SELECT record FROM event_log WHERE seq = ?1") { statement in
            for seq in seqs {
                try statement.bind(seq, at: 1)
                guard try statement.step() else {
                    throw StoreError.corruptRow(
                        table: "messages", column: "data_seqs",
                        value: "message \(messageID) names log position \(seq), which is not in the event log")
                }
                let record = statement.bytes(at: 0)
                size += record.count
                records.append(record)
                statement.reset()
            }
        }
        var body: [UInt8] = []
        body.reserveCapacity(size)
        body.append(contentsOf: frame[..<offset])
        body.append(UInt8(ascii: "["))
        for (index, record) in records.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(contentsOf: record)
        }
        body.append(UInt8(ascii: "]"))
        body.append(contentsOf: frame[offset...])
        return body
    }

    /// Ascending positions as a blob: the first as a varint, then each gap to the previous one (mostly 1: one byte
    /// per record).
    static func encodeSeqs(_ seqs: [Int64]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(seqs.count + 8)
        var previous: Int64 = 0
        for seq in seqs {
            var gap = UInt64(bitPattern: seq &- previous)
            previous = seq
            while gap >= 0x80 {
                out.append(UInt8(truncatingIfNeeded: gap) | 0x80)
                gap >>= 7
            }
            out.append(UInt8(gap))
        }
        return out
    }

    static func decodeSeqs(_ bytes: [UInt8]) -> [Int64] {
        var seqs: [Int64] = []
        var previous: Int64 = 0
        var gap: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            gap |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 != 0 {
                shift += 7
                continue
            }
            previous &+= Int64(bitPattern: gap)
            seqs.append(previous)
            gap = 0
            shift = 0
        }
        return seqs
    }
}
