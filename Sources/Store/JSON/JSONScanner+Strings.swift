extension JSONScanner {
    /// Parses the string whose opening quote is at `index`: a ``JSONValue/string(_:)``, or a
    /// ``JSONValue/utf16String(_:)`` when an escape left a lone surrogate (only escaped strings pay for the check).
    mutating func parseString() throws(JSONParseError) -> JSONValue {
        let content = try scanString()
        if content.escaped {
            if scratchHasLoneSurrogate { return .utf16String(scratchUTF16()) }
            return .string(String(decoding: scratch, as: UTF8.self))
        }
        return .string(String(decoding: UnsafeBufferPointer(start: bytes + content.start, count: content.end - content.start), as: UTF8.self))
    }

    /// `scratch` as UTF-16 code units. `scratch` is UTF-8 except that lone surrogates are encoded like scalars
    /// (three bytes, `ED A0 80` for U+D800), the generalised form WTF-8 uses.
    private func scratchUTF16() -> [UInt16] {
        var units: [UInt16] = []
        units.reserveCapacity(scratch.count)
        var position = 0
        while position < scratch.count {
            let lead = UInt32(scratch[position])
            var scalar: UInt32
            var length: Int
            switch lead {
            case 0..<0x80: scalar = lead; length = 1
            case 0xC0..<0xE0: scalar = lead & 0x1F; length = 2
            case 0xE0..<0xF0: scalar = lead & 0x0F; length = 3
            default: scalar = lead & 0x07; length = 4
            }
            for offset in 1..<length where position + offset < scratch.count {
                scalar = scalar << 6 | UInt32(scratch[position + offset] & 0x3F)
            }
            position += length
            if scalar >= 0x10000 {
                units.append(UInt16(truncatingIfNeeded: 0xD800 + ((scalar - 0x10000) >> 10)))
                units.append(UInt16(truncatingIfNeeded: 0xDC00 + ((scalar - 0x10000) & 0x3FF)))
            } else {
                units.append(UInt16(truncatingIfNeeded: scalar))
            }
        }
        return units
    }

    /// Parses an object key, returning it with the fingerprint duplicate detection compares first.
    ///
    /// Records of one page share their keys, so keys go through `keyCache`: a repeated key costs a hash and a
    /// compare instead of a validation and, for keys over 15 bytes, an allocation.
    mutating func parseKey() throws(JSONParseError) -> (String, UInt64) {
        let content = try scanString()
        if content.escaped {
            // A key keeps U+FFFD for a lone surrogate: keys are Swift strings throughout.
            let key =
                scratchHasLoneSurrogate
                ? String(decoding: scratchUTF16(), as: UTF16.self) : String(decoding: scratch, as: UTF8.self)
            return (key, scratch.withUnsafeBufferPointer { Self.fingerprint($0) })
        }
        let keyBytes = UnsafeBufferPointer(start: bytes + content.start, count: content.end - content.start)
        let fingerprint = Self.fingerprint(keyBytes)
        keysParsed &+= 1
        if keysParsed < Self.keyCacheThreshold {
            return (String(decoding: keyBytes, as: UTF8.self), fingerprint)
        }
        if keyCache.isEmpty {
            keyCache = Array(repeating: CachedKey(fingerprint: 0, bytes: [], key: ""), count: Self.keyCacheSize)
        }
        let slot = Int(truncatingIfNeeded: fingerprint & UInt64(Self.keyCacheSize - 1))
        if keyCache[slot].fingerprint == fingerprint,
           keyCache[slot].bytes.withUnsafeBufferPointer({ Self.bytesEqual($0, keyBytes) }) {
            return (keyCache[slot].key, fingerprint)
        }
        let key = String(decoding: keyBytes, as: UTF8.self)
        if keyBytes.count <= Self.keyCacheMaximumLength {
            keyCache[slot] = CachedKey(fingerprint: fingerprint, bytes: Array(keyBytes), key: key)
        }
        return (key, fingerprint)
    }

    /// Scans the string whose opening quote is at `index` and leaves `index` after its closing quote. Its decoded
    /// bytes are the input in `start..<end` when it has no escapes, `scratch` otherwise. Validates UTF-8 and rejects
    /// control characters.
    private mutating func scanString() throws(JSONParseError) -> (start: Int, end: Int, escaped: Bool) {
        let opening = index
        var runStart = index + 1
        var position = runStart
        var escaped = false
        while true {
            position = try skipPlainText(from: position)
            guard position < count else {
                throw JSONParseError(offset: count, reason: "unexpected end of input in the string starting at byte \(opening)")
            }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                index = position + 1
                if escaped {
                    scratch.append(contentsOf: UnsafeBufferPointer(start: bytes + runStart, count: position - runStart))
                }
                return (opening + 1, position, escaped)
            case UInt8(ascii: "\\"):
                if !escaped {
                    escaped = true
                    scratch.removeAll(keepingCapacity: true)
                    scratchHasLoneSurrogate = false
                }
                scratch.append(contentsOf: UnsafeBufferPointer(start: bytes + runStart, count: position - runStart))
                position = try decodeEscape(at: position)
                runStart = position
            default:
                throw JSONParseError(
                    offset: position,
                    reason: "control character 0x\(String(bytes[position], radix: 16, uppercase: true)) must be escaped in a string")
            }
        }
    }

    /// Advances over bytes that stand for themselves (printable ASCII and valid UTF-8 sequences) and returns the
    /// offset of the first quote, backslash or control character, or `count`.
    @inline(__always)
    private func skipPlainText(from start: Int) throws(JSONParseError) -> Int {
        var position = start
        while true {
            // Eight ASCII bytes at a time while none is special.
            while position + 8 <= count {
                let word = UnsafeRawPointer(bytes + position).loadUnaligned(as: UInt64.self)
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highs: UInt64 = 0x8080_8080_8080_8080
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let special = (word | ((word &- ones &* 0x20) & ~word)
                    | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & highs
                if special != 0 {
                    // The lowest flagged byte is always a true hit (borrows only spill upward).
                    position += special.littleEndian.trailingZeroBitCount / 8
                    break
                }
                position += 8
            }
            guard position < count else { return position }
            let byte = bytes[position]
            if byte >= 0x80 {
                position += try utf8SequenceLength(at: position)
            } else if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                return position
            } else {
                position += 1
            }
        }
    }

    /// The length of the well-formed UTF-8 sequence (RFC 3629: no overlongs, surrogates or values past U+10FFFF)
    /// starting with the non-ASCII byte at `start`.
    private func utf8SequenceLength(at start: Int) throws(JSONParseError) -> Int {
        let lead = bytes[start]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default:
            throw JSONParseError(offset: start, reason: "invalid UTF-8 byte 0x\(String(lead, radix: 16, uppercase: true)) in a string")
        }
        for offset in 1..<length {
            let position = start + offset
            guard position < count else {
                throw JSONParseError(offset: start, reason: "truncated UTF-8 sequence in a string")
            }
            let range: ClosedRange<UInt8> = offset == 1 ? secondRange : 0x80...0xBF
            guard range.contains(bytes[position]) else {
                throw JSONParseError(offset: start, reason: "invalid UTF-8 sequence in a string")
            }
        }
        return length
    }

    /// Decodes the escape at `start` (a backslash) into `scratch` and returns the offset after it.
    private mutating func decodeEscape(at start: Int) throws(JSONParseError) -> Int {
        guard start + 1 < count else {
            throw JSONParseError(offset: count, reason: "unexpected end of input in an escape sequence")
        }
        let decoded: UInt8
        switch bytes[start + 1] {
        case UInt8(ascii: "\""): decoded = 0x22
        case UInt8(ascii: "\\"): decoded = 0x5C
        case UInt8(ascii: "/"): decoded = 0x2F
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"): return try decodeUnicodeEscape(at: start)
        default:
            throw JSONParseError(offset: start, reason: "invalid escape sequence '\\\(describeByte(at: start + 1))' in a string")
        }
        scratch.append(decoded)
        return start + 2
    }

    /// Decodes `\uXXXX` (and a following low surrogate escape when `XXXX` is a high surrogate). A surrogate that is
    /// not part of a pair is kept, WTF-8 style, and flags the string (``scratchHasLoneSurrogate``): JavaScript keeps
    /// the lone code unit, and `JSON.stringify` writes it back as `\udxxx`.
    private mutating func decodeUnicodeEscape(at start: Int) throws(JSONParseError) -> Int {
        let unit = try hexQuad(at: start + 2)
        var next = start + 6
        var scalar: UInt32
        switch unit {
        case 0xD800...0xDBFF:
            scalar = unit
            if next + 1 < count, bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u") {
                let low = try hexQuad(at: next + 2)
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    next += 6
                }
            }
        default:
            scalar = unit
        }
        if (0xD800...0xDFFF).contains(scalar) { scratchHasLoneSurrogate = true }
        appendUTF8(scalar)
        return next
    }

    private func hexQuad(at start: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for position in start..<(start + 4) {
            guard position < count else {
                throw JSONParseError(offset: count, reason: "unexpected end of input in a \\u escape")
            }
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw JSONParseError(offset: position, reason: "expected a hexadecimal digit in a \\u escape, found \(describeByte(at: position))")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    static func bytesEqual(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = lhs.count
        guard count == rhs.count else { return false }
        guard count > 0, let left = lhs.baseAddress, let right = rhs.baseAddress else { return true }
        if count >= 8 {
            // Whole words, then the last eight bytes (overlapping the loop's last word when the count is not a
            // multiple of eight).
            var position = 0
            while position + 8 <= count {
                if load64(left, position) != load64(right, position) { return false }
                position += 8
            }
            return load64(left, count - 8) == load64(right, count - 8)
        }
        if count >= 4 {
            return load32(left, 0) == load32(right, 0) && load32(left, count - 4) == load32(right, count - 4)
        }
        return left[0] == right[0] && left[count / 2] == right[count / 2] && left[count - 1] == right[count - 1]
    }

    /// A hash of a key's UTF-8 bytes; equal keys have equal fingerprints, so unequal fingerprints skip byte compares.
    static func fingerprint(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        let count = key.count
        var hash = UInt64(truncatingIfNeeded: count) &* multiplier
        guard count > 0, let base = key.baseAddress else { return hash }
        if count >= 8 {
            var position = 0
            while position + 8 <= count {
                hash = (hash ^ load64(base, position)) &* multiplier
                hash ^= hash >> 29
                position += 8
            }
            hash = (hash ^ load64(base, count - 8)) &* multiplier
        } else if count >= 4 {
            hash = (hash ^ (UInt64(load32(base, 0)) << 32 | UInt64(load32(base, count - 4)))) &* multiplier
        } else {
            let packed = UInt64(base[0]) << 16 | UInt64(base[count / 2]) << 8 | UInt64(base[count - 1])
            hash = (hash ^ packed) &* multiplier
        }
        return hash ^ (hash >> 32)
    }

    @inline(__always)
    private static func load64(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
    }

    @inline(__always)
    private static func load32(_ base: UnsafePointer<UInt8>, _ offset: Int) -> UInt32 {
        UnsafeRawPointer(base + offset).loadUnaligned(as: UInt32.self)
    }
}
