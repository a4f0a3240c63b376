import Hummingbird
import Store

/// One page of a List response, written straight into a `ByteBuffer` from the records' cached JSON bytes.
struct ListPage: Sendable {
    var records: [SandboxRecord]
    /// Records matching `updated_gte` (all pages, not just this one).
    var total: Int
    var nextOffset: Int?
    var nextCursor: ListCursor?

    /// `{"results":[…],"next_cursor":"…"|null,"next_offset":N|null,"total":N}`.
    func body() -> ByteBuffer {
        var capacity = 96
        for record in records { capacity += record.json.count + 1 }
        var buffer = ByteBufferAllocator().buffer(capacity: capacity)
        buffer.writeString("{\"results\":[")
        var first = true
        for record in records {
            if !first { buffer.writeInteger(UInt8(ascii: ",")) }
            first = false
            buffer.writeBytes(record.json)
        }
        buffer.writeString("],\"next_cursor\":")
        if let nextCursor {
            buffer.writeString("\"\(nextCursor.token)\"")
        } else {
            buffer.writeString("null")
        }
        buffer.writeString(",\"next_offset\":")
        buffer.writeString(nextOffset.map(String.init) ?? "null")
        buffer.writeString(",\"total\":\(total)}")
        return buffer
    }
}
