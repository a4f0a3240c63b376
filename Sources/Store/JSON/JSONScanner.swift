/// One parse in progress: a cursor over the input bytes and the reusable stacks ``JSONParser`` builds containers on.
///
/// The parser is iterative. Finished elements wait on `values` (arrays) or `members` (objects) until their container
/// closes, then move into an exactly sized array, so each container costs one allocation and no nesting depth can
/// overflow the thread's stack.
struct JSONScanner {
    /// An array or object being parsed.
    struct Frame {
        var isObject: Bool
        /// Where this container's elements start on `values` or `members`.
        var base: Int
        /// The key of the member whose value is being parsed (objects only).
        var key = ""
        var keyFingerprint: UInt64 = 0
        /// Fingerprint → first member index, built once an object is large enough for linear scans to hurt.
        var index: [UInt64: Int]? = nil
    }

    /// A key seen earlier in this document, reused instead of decoding the same bytes again.
    struct CachedKey {
        var fingerprint: UInt64
        var bytes: [UInt8]
        var key: String
    }

    /// Slots of `keyCache` (a power of two); keys longer than `keyCacheMaximumLength` bytes are not cached, and
    /// documents with fewer than `keyCacheThreshold` keys never allocate the cache.
    static let keyCacheSize = 128
    static let keyCacheMaximumLength = 64
    static let keyCacheThreshold = 32

    /// Objects with more members than this look duplicates up in a dictionary instead of scanning.
    static let linearScanLimit = 32

    let bytes: UnsafePointer<UInt8>
    let count: Int
    var index = 0
    /// Decoded bytes of the current string when it contains escapes.
    var scratch: [UInt8] = []
    /// `scratch` holds a lone surrogate (WTF-8 encoded), so the string cannot be a Swift `String`.
    var scratchHasLoneSurrogate = false
    let values = JSONStack<JSONValue>()
    let members = JSONStack<(String, JSONValue)>()
    /// Parallel to `members`: a hash of each key's UTF-8 bytes.
    var fingerprints: [UInt64] = []
    var frames: [Frame] = []
    /// Direct-mapped by key fingerprint; allocated on the first key.
    var keyCache: [CachedKey] = []
    var keysParsed = 0

    init(bytes: UnsafePointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw JSONParseError(offset: 0, reason: "a byte order mark is not allowed")
        }
        skipWhitespace()
        let value = try parseValueTree()
        skipWhitespace()
        guard index == count else {
            throw JSONParseError(offset: index, reason: "unexpected \(describeByte(at: index)) after the JSON value")
        }
        return value
    }

    /// Parses the value starting at `index` (whitespace already skipped), including everything nested in it.
    private mutating func parseValueTree() throws(JSONParseError) -> JSONValue {
        var value: JSONValue
        descend: while true {
            guard index < count else { throw endOfInput(expecting: "a value") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                try openFrame(isObject: true)
                skipWhitespace()
                if index < count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    frames.removeLast()
                    value = .object([])
                } else {
                    try readKey()
                    continue descend
                }
            case UInt8(ascii: "["):
                try openFrame(isObject: false)
                skipWhitespace()
                if index < count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    frames.removeLast()
                    value = .array([])
                } else {
                    continue descend
                }
            default:
                value = try parseScalar()
            }

            // Hand the finished value to its container; close containers until one wants another element.
            while !frames.isEmpty {
                let top = frames.count - 1
                skipWhitespace()
                guard index < count else {
                    throw endOfInput(expecting: frames[top].isObject ? "',' or '}'" : "',' or ']'")
                }
                let byte = bytes[index]
                if frames[top].isObject {
                    addMember(value, frame: top)
                    if byte == UInt8(ascii: ",") {
                        index += 1
                        skipWhitespace()
                        try readKey()
                        continue descend
                    }
                    guard byte == UInt8(ascii: "}") else {
                        throw JSONParseError(
                            offset: index, reason: "expected ',' or '}' after an object member, found \(describeByte(at: index))")
                    }
                    index += 1
                    value = closeObject(frame: top)
                } else {
                    values.push(value)
                    if byte == UInt8(ascii: ",") {
                        index += 1
                        skipWhitespace()
                        continue descend
                    }
                    guard byte == UInt8(ascii: "]") else {
                        throw JSONParseError(
                            offset: index, reason: "expected ',' or ']' after an array element, found \(describeByte(at: index))")
                    }
                    index += 1
                    value = closeArray(frame: top)
                }
            }
            return value
        }
    }

    private mutating func openFrame(isObject: Bool) throws(JSONParseError) {
        guard frames.count < JSONParser.maximumDepth else {
            throw JSONParseError(offset: index, reason: "arrays and objects nest deeper than \(JSONParser.maximumDepth) levels")
        }
        frames.append(Frame(isObject: isObject, base: isObject ? members.count : values.count))
        index += 1
    }

    /// Reads `"key" :` and leaves `index` on the member's value.
    private mutating func readKey() throws(JSONParseError) {
        guard index < count else { throw endOfInput(expecting: "a string key") }
        guard bytes[index] == UInt8(ascii: "\"") else {
            throw JSONParseError(offset: index, reason: "expected a string key, found \(describeByte(at: index))")
        }
        let (key, fingerprint) = try parseKey()
        let top = frames.count - 1
        frames[top].key = key
        frames[top].keyFingerprint = fingerprint
        skipWhitespace()
        guard index < count else { throw endOfInput(expecting: "':'") }
        guard bytes[index] == UInt8(ascii: ":") else {
            throw JSONParseError(offset: index, reason: "expected ':' after an object key, found \(describeByte(at: index))")
        }
        index += 1
        skipWhitespace()
    }

    /// Adds the pending member of object `frame`; a repeated key replaces the earlier value in place (JavaScript).
    private mutating func addMember(_ value: JSONValue, frame top: Int) {
        let key = frames[top].key
        let fingerprint = frames[top].keyFingerprint
        if let existing = memberIndex(of: key, fingerprint: fingerprint, frame: top) {
            members[existing].1 = value
            return
        }
        let position = members.count
        members.push((key, value))
        fingerprints.append(fingerprint)
        let base = frames[top].base
        if frames[top].index != nil {
            if frames[top].index![fingerprint] == nil { frames[top].index![fingerprint] = position }
        } else if position - base + 1 > Self.linearScanLimit {
            var table = [UInt64: Int](minimumCapacity: 2 * (position - base + 1))
            for member in base...position where table[fingerprints[member]] == nil {
                table[fingerprints[member]] = member
            }
            frames[top].index = table
        }
    }

    private func memberIndex(of key: String, fingerprint: UInt64, frame top: Int) -> Int? {
        let base = frames[top].base
        if let table = frames[top].index {
            guard let candidate = table[fingerprint] else { return nil }
            if members[candidate].0.utf8.elementsEqual(key.utf8) { return candidate }
        }
        // Small objects, and fingerprint collisions in large ones.
        var member = base
        while member < members.count {
            if fingerprints[member] == fingerprint, members[member].0.utf8.elementsEqual(key.utf8) { return member }
            member += 1
        }
        return nil
    }

    private mutating func closeObject(frame top: Int) -> JSONValue {
        let base = frames[top].base
        let object = members.popArray(from: base)
        fingerprints.removeSubrange(base...)
        frames.removeLast()
        return .object(object)
    }

    private mutating func closeArray(frame top: Int) -> JSONValue {
        let base = frames[top].base
        let array = values.popArray(from: base)
        frames.removeLast()
        return .array(array)
    }

    private mutating func parseScalar() throws(JSONParseError) -> JSONValue {
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return try parseString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        default:
            throw JSONParseError(offset: index, reason: "expected a value, found \(describeByte(at: index))")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let start = index
        for offset in 0..<literal.utf8CodeUnitCount {
            guard start + offset < count else { throw endOfInput(expecting: "'\(literal)'") }
            guard bytes[start + offset] == literal.utf8Start[offset] else {
                throw JSONParseError(offset: start + offset, reason: "invalid literal, expected '\(literal)'")
            }
        }
        index = start + literal.utf8CodeUnitCount
    }

    mutating func skipWhitespace() {
        while index < count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    func endOfInput(expecting what: String) -> JSONParseError {
        JSONParseError(offset: count, reason: "unexpected end of input, expected \(what)")
    }

    /// A short human description of the byte at `offset` for error messages.
    func describeByte(at offset: Int) -> String {
        guard offset < count else { return "end of input" }
        let byte = bytes[offset]
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }
}
