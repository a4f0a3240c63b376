/// Finds the line on which a value sits in a JSON text, so configuration errors can say "line 14".
///
/// The product's parser keeps no positions (it is built for speed on provider pages); configuration files are
/// small, so a second, position-aware walk over the bytes only when reporting an error costs nothing.
enum JSONLocator {
    typealias Step = FieldPath.Step

    /// The 1-based line where the value at `path` starts (the whole document for an empty path); `nil` if absent.
    static func line(of path: [Step], in bytes: [UInt8]) -> Int? {
        var walker = Walker(bytes: bytes)
        return walker.find(path[...])
    }

    /// The 1-based line of byte `offset`.
    static func line(atOffset offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes.prefix(max(0, min(offset, bytes.count))).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    private struct Walker {
        let bytes: [UInt8]
        var position = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func find(_ path: ArraySlice<Step>) -> Int? {
            skipSpace()
            guard position < bytes.count else { return nil }
            guard let step = path.first else { return JSONLocator.line(atOffset: position, in: bytes) }
            let rest = path.dropFirst()
            switch (bytes[position], step) {
            case (UInt8(ascii: "{"), .key(let wanted)):
                position += 1
                while true {
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
                    let key = readString()
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
                    position += 1
                    if key == wanted { return find(rest) }
                    guard skipValue() else { return nil }
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ",") else { return nil }
                    position += 1
                }
            case (UInt8(ascii: "["), .index(let wanted)):
                position += 1
                var index = 0
                while true {
                    skipSpace()
                    if index == wanted { return find(rest) }
                    guard skipValue() else { return nil }
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ",") else { return nil }
                    position += 1
                    index += 1
                }
            default:
                return nil
            }
        }

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        mutating func readString() -> String {
            position += 1
            var out: [UInt8] = []
            while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
                if bytes[position] == UInt8(ascii: "\\") { position += 1 }
                if position < bytes.count { out.append(bytes[position]) }
                position += 1
            }
            position += 1
            return String(decoding: out, as: UTF8.self)
        }

        /// Skips one value; false on a structure it cannot follow.
        mutating func skipValue() -> Bool {
            skipSpace()
            guard position < bytes.count else { return false }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                _ = readString()
                return true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while position < bytes.count {
                    switch bytes[position] {
                    case UInt8(ascii: "\""):
                        _ = readString()
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 {
                            position += 1
                            return true
                        }
                    default: break
                    }
                    position += 1
                }
                return false
            default:
                while position < bytes.count,
                    ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09]
                        .contains(bytes[position])
                {
                    position += 1
                }
                return true
            }
        }
    }
}
