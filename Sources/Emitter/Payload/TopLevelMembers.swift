/// Locates the members of a JSON object's top level in raw bytes, without parsing or re-serializing anything, so a
/// frozen body can have one member's value replaced while every other byte stays as it was.
struct TopLevelMembers {
    /// A member: its (unescaped-as-written) key and the byte range of its value.
    struct Member {
        var key: String
        var value: Range<Int>
    }

    let members: [Member]

    /// `nil` when `bytes` is not a JSON object (only structure is checked: brackets and strings).
    init?(_ bytes: [UInt8]) {
        var scanner = Scanner(bytes: bytes)
        guard let members = scanner.objectMembers() else { return nil }
        self.members = members
    }

    func range(of key: String) -> Range<Int>? {
        members.first { $0.key == key }?.value
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        mutating func objectMembers() -> [Member]? {
            skipWhitespace()
            guard consume(UInt8(ascii: "{")) else { return nil }
            var members: [Member] = []
            skipWhitespace()
            if consume(UInt8(ascii: "}")) { return members }
            while true {
                skipWhitespace()
                guard let keyRange = skipString() else { return nil }
                let key = String(decoding: bytes[(keyRange.lowerBound + 1)..<(keyRange.upperBound - 1)], as: UTF8.self)
                skipWhitespace()
                guard consume(UInt8(ascii: ":")) else { return nil }
                skipWhitespace()
                let start = index
                guard skipValue() else { return nil }
                members.append(Member(key: key, value: start..<index))
                skipWhitespace()
                if consume(UInt8(ascii: ",")) { continue }
                return consume(UInt8(ascii: "}")) ? members : nil
            }
        }

        /// Skips one value: a string, or everything up to the matching close bracket, or a scalar literal.
        mutating func skipValue() -> Bool {
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                return skipString() != nil
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while index < bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: "\""):
                        guard skipString() != nil else { return false }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 {
                            index += 1
                            return true
                        }
                    default:
                        break
                    }
                    index += 1
                }
                return false
            default:
                let start = index
                while index < bytes.count, !Self.isDelimiter(bytes[index]) { index += 1 }
                return index > start
            }
        }

        /// Skips a string starting at `index`; returns its range including the quotes.
        mutating func skipString() -> Range<Int>? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let start = index
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\\"): index += 2
                case UInt8(ascii: "\""):
                    index += 1
                    return start..<index
                default: index += 1
                }
            }
            return nil
        }

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func consume(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        static func isDelimiter(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
                || [0x20, 0x09, 0x0A, 0x0D].contains(byte)
        }
    }
}
