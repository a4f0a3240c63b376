/// Serializes a ``JSONValue`` to exactly the bytes JavaScript's `JSON.stringify` prints for it (unified.md §5.1).
///
/// Receivers verify signatures by re-serializing the parsed payload with `JSON.stringify`, so the bytes VirtualHooks
/// signs and sends must match Node byte for byte:
/// - no whitespace; arrays in order;
/// - object members in stored order, except integer-like keys (canonical decimal `0`…`4294967294`), which come first
///   in ascending numeric order, as JavaScript property order dictates;
/// - strings escape only `"`, `\` and U+0000–U+001F (`\b \f \n \r \t`, otherwise `\u00xx` in lowercase hex),
///   and a lone surrogate (``JSONValue/utf16String(_:)``) as `\udxxx` in lowercase hex; `/`, `<`, `>`, `&`, U+2028,
///   U+2029 and all other non-ASCII text are written as literal UTF-8;
/// - numbers as `Number.prototype.toString` prints them (``numberText(_:)``); infinities and NaN as `null`.
///
/// Objects are written as stored: the caller must not build an object with a repeated key (values from
/// ``JSONParser`` never have one), since JavaScript objects cannot hold one.
public enum JSWriter {
    /// The UTF-8 bytes of `JSON.stringify(value)`.
    public static func serialize(_ value: JSONValue) -> [UInt8] {
        var output = JSONOutput()
        write(value, to: &output)
        return output.bytes()
    }

    /// Appends the UTF-8 bytes of `JSON.stringify(value)` to `buffer`, for callers splicing several values into one
    /// body.
    public static func write(_ value: JSONValue, into buffer: inout [UInt8]) {
        var output = JSONOutput()
        write(value, to: &output)
        output.copy(into: &buffer)
    }

    /// `JSON.stringify(value)` as a `String`.
    public static func string(_ value: JSONValue) -> String {
        String(decoding: serialize(value), as: UTF8.self)
    }

    /// Appends `value` as a quoted JSON string literal escaped exactly as `JSON.stringify` escapes it.
    public static func writeString(_ value: String, into buffer: inout [UInt8]) {
        var output = JSONOutput(capacity: value.utf8.count + 8)
        writeString(value, to: &output)
        output.copy(into: &buffer)
    }

    static func write(_ value: JSONValue, to output: inout JSONOutput) {
        switch value {
        case .null:
            output.append("null")
        case let .bool(flag):
            output.append(flag ? "true" : "false")
        case let .number(number):
            writeNumber(number, to: &output)
        case let .string(text):
            writeString(text, to: &output)
        case let .utf16String(units):
            writeUTF16String(units, to: &output)
        case let .array(elements):
            output.append(UInt8(ascii: "["))
            var first = true
            for element in elements {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                write(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case let .object(members):
            writeObject(members, to: &output)
        }
    }

    static func writeString(_ value: String, to output: inout JSONOutput) {
        output.append(UInt8(ascii: "\""))
        let done: Void? = value.utf8.withContiguousStorageIfAvailable { appendEscaped($0, to: &output) }
        if done == nil {
            Array(value.utf8).withUnsafeBufferPointer { appendEscaped($0, to: &output) }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Writes a string that holds a lone surrogate: pairs and other text as UTF-8, each lone surrogate as `\udxxx`,
    /// as `JSON.stringify` does. Only such strings come here, so the per-unit loop costs nothing on ordinary text.
    static func writeUTF16String(_ units: [UInt16], to output: inout JSONOutput) {
        output.append(UInt8(ascii: "\""))
        var position = 0
        while position < units.count {
            let unit = units[position]
            position += 1
            var scalar = UInt32(unit)
            switch unit {
            case 0xD800...0xDBFF where position < units.count && (0xDC00...0xDFFF).contains(units[position]):
                scalar = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(units[position] - 0xDC00)
                position += 1
            case 0xD800...0xDFFF:
                output.append("\\u")
                for shift in stride(from: 12, through: 0, by: -4) {
                    output.append(lowercaseHexDigit(UInt8(truncatingIfNeeded: unit >> UInt16(shift)) & 0xF))
                }
                continue
            default:
                break
            }
            if scalar < 0x20 || scalar == 0x22 || scalar == 0x5C {
                appendEscape(for: UInt8(scalar), to: &output)
            } else if scalar < 0x80 {
                output.append(UInt8(scalar))
            } else if scalar < 0x800 {
                output.append(UInt8(0xC0 | scalar >> 6))
                output.append(UInt8(0x80 | scalar & 0x3F))
            } else if scalar < 0x10000 {
                output.append(UInt8(0xE0 | scalar >> 12))
                output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                output.append(UInt8(0x80 | scalar & 0x3F))
            } else {
                output.append(UInt8(0xF0 | scalar >> 18))
                output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
                output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                output.append(UInt8(0x80 | scalar & 0x3F))
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func writeObject(_ members: [(String, JSONValue)], to output: inout JSONOutput) {
        output.append(UInt8(ascii: "{"))
        var integerKeys: [(index: UInt32, member: Int)] = []
        for position in members.indices where startsWithDigit(members[position].0) {
            if let index = arrayIndex(members[position].0) { integerKeys.append((index, position)) }
        }
        var first = true
        if integerKeys.isEmpty {
            for (key, value) in members {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                writeMember(key, value, to: &output)
            }
        } else {
            integerKeys.sort { $0.index < $1.index }
            for (_, position) in integerKeys {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                writeMember(members[position].0, members[position].1, to: &output)
            }
            for (key, value) in members where arrayIndex(key) == nil {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                writeMember(key, value, to: &output)
            }
        }
        output.append(UInt8(ascii: "}"))
    }

    @inline(__always)
    private static func writeMember(_ key: String, _ value: JSONValue, to output: inout JSONOutput) {
        writeString(key, to: &output)
        output.append(UInt8(ascii: ":"))
        write(value, to: &output)
    }

    @inline(__always)
    private static func startsWithDigit(_ key: String) -> Bool {
        guard let lead = key.utf8.first else { return false }
        return lead &- UInt8(ascii: "0") < 10
    }

    /// The numeric value of an integer-like key (an ECMAScript array index: canonical decimal below 2^32 − 1).
    static func arrayIndex(_ key: String) -> UInt32? {
        let utf8 = key.utf8
        guard let lead = utf8.first, lead &- UInt8(ascii: "0") < 10, utf8.count <= 10 else { return nil }
        if lead == UInt8(ascii: "0") { return utf8.count == 1 ? 0 : nil }
        var value: UInt64 = 0
        for byte in utf8 {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + UInt64(digit)
        }
        return value <= 4_294_967_294 ? UInt32(value) : nil
    }

    /// Appends `text` with JSON escapes, copying runs of bytes that need none in one piece.
    private static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to output: inout JSONOutput) {
        guard let base = text.baseAddress else { return }
        let count = text.count
        var runStart = 0
        var position = 0
        while position < count {
            // Eight bytes at a time while none is a quote, a backslash or a control character.
            while position + 8 <= count {
                let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                let ones: UInt64 = 0x0101_0101_0101_0101
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let special = (((word &- ones &* 0x20) & ~word) | ((quote &- ones) & ~quote)
                    | ((backslash &- ones) & ~backslash)) & (ones &* 0x80)
                if special != 0 {
                    // The lowest flagged byte is always a true hit (borrows only spill upward).
                    position += special.littleEndian.trailingZeroBitCount / 8
                    break
                }
                position += 8
            }
            guard position < count else { break }
            let byte = base[position]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                position += 1
                continue
            }
            output.append(UnsafeBufferPointer(start: base + runStart, count: position - runStart))
            appendEscape(for: byte, to: &output)
            position += 1
            runStart = position
        }
        output.append(UnsafeBufferPointer(start: base + runStart, count: count - runStart))
    }

    @inline(__always)
    private static func lowercaseHexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    private static func appendEscape(for byte: UInt8, to output: inout JSONOutput) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        default:
            output.append("u00")
            output.append(lowercaseHexDigit(byte >> 4))
            output.append(lowercaseHexDigit(byte & 0xF))
        }
    }
}
