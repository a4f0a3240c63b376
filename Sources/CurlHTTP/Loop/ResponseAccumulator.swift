/// Collects one response as libcurl delivers it: header lines one by one, body chunks into one buffer, up to a cap.
///
/// Plain bytes in, no Foundation per chunk. Interim (1xx) and redirect responses are dropped when the next status
/// line arrives, so only the final response's headers remain.
struct ResponseAccumulator {
    /// The final response's header fields, in order.
    private(set) var headers: [HTTPHeader] = []
    /// The body bytes kept so far (at most `cap`).
    private(set) var body: [UInt8] = []
    /// Whether body bytes beyond `cap` arrived.
    private(set) var truncated = false
    private let cap: Int
    private var reservedForContentLength = false

    /// The first allocation for a body whose length is not announced.
    private static let initialCapacity = 16 * 1024

    init(cap: Int) {
        self.cap = max(0, cap)
    }

    /// Takes one raw header line as libcurl passes it (status line, field line, or the blank line ending a block).
    mutating func appendHeaderLine(_ line: UnsafeRawBufferPointer) {
        var end = line.count
        while end > 0, line[end - 1] == UInt8(ascii: "\n") || line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end > 0 else { return }
        let bytes = UnsafeRawBufferPointer(rebasing: line[0..<end])
        if Self.isStatusLine(bytes) {
            headers.removeAll(keepingCapacity: true)
            reservedForContentLength = false
            return
        }
        if bytes[0] == UInt8(ascii: " ") || bytes[0] == UInt8(ascii: "\t") {
            // obsolete line folding: continues the previous field's value
            guard !headers.isEmpty else { return }
            let more = Self.trimmed(bytes, from: 0, to: bytes.count)
            if !more.isEmpty { headers[headers.count - 1].value += " " + more }
            return
        }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[0..<colon]), as: UTF8.self)
        let value = Self.trimmed(bytes, from: colon + 1, to: bytes.count)
        headers.append(HTTPHeader(name, value))
        if !reservedForContentLength, Self.isContentLength(name), let length = Int(value), length > 0 {
            reservedForContentLength = true
            body.reserveCapacity(min(length, cap))
        }
    }

    /// Takes one body chunk. Returns `false` once the cap is exceeded: the caller then stops the transfer.
    mutating func appendBody(_ chunk: UnsafeRawBufferPointer) -> Bool {
        if body.capacity == 0, cap > 0 { body.reserveCapacity(min(cap, Self.initialCapacity)) }
        let room = cap - body.count
        if chunk.count <= room {
            body.append(contentsOf: chunk)
            return true
        }
        body.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<room]))
        truncated = true
        return false
    }

    private static func isStatusLine(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 5 && bytes[0] == UInt8(ascii: "H") && bytes[1] == UInt8(ascii: "T")
            && bytes[2] == UInt8(ascii: "T") && bytes[3] == UInt8(ascii: "P") && bytes[4] == UInt8(ascii: "/")
    }

    private static func isContentLength(_ name: String) -> Bool {
        name.utf8.count == 14 && name.lowercased() == "content-length"
    }

    private static func trimmed(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> String {
        var lower = start
        var upper = end
        while lower < upper, bytes[lower] == UInt8(ascii: " ") || bytes[lower] == UInt8(ascii: "\t") { lower += 1 }
        while upper > lower, bytes[upper - 1] == UInt8(ascii: " ") || bytes[upper - 1] == UInt8(ascii: "\t") {
            upper -= 1
        }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
    }
}
