/// Parses RFC 8259 JSON into ``JSONValue`` the way JavaScript's `JSON.parse` sees it.
///
/// Guarantees:
/// - Strict grammar: one value, optionally surrounded by JSON whitespace; trailing data, a leading byte order mark,
///   leading zeros, `NaN`/`Infinity`, trailing commas, unescaped control characters and invalid UTF-8 are errors
///   that carry the byte offset of the offending byte.
/// - Numbers become the correctly rounded nearest `Double` (as in JavaScript; `1e400` becomes infinity, which
///   ``JSWriter`` prints as `null`, again as JavaScript does).
/// - Duplicate object keys follow JavaScript: the member keeps the position of its first occurrence and the value of
///   the last. Keys are compared by their UTF-8 bytes (no Unicode normalisation).
/// - A string with a `\uD800`-style escape that does not form a surrogate pair keeps it, as JavaScript does: such a
///   string is a ``JSONValue/utf16String(_:)`` (a Swift `String` cannot hold a lone surrogate), which ``JSWriter``
///   writes back as `\ud800`. Only in an object key does it become U+FFFD, the one place where the parsed value
///   differs from JavaScript's, and only for text that is not valid Unicode.
/// - Containers nest at most ``maximumDepth`` levels; deeper documents are rejected instead of exhausting the stack.
///   The parser is iterative, so it is safe on small-stack threads.
public enum JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 512

    /// Parses a complete JSON document held in `buffer` (UTF-8, no byte order mark).
    public static func parse(_ buffer: UnsafeRawBufferPointer) throws(JSONParseError) -> JSONValue {
        guard let base = buffer.baseAddress, buffer.count > 0 else {
            throw JSONParseError(offset: 0, reason: "the input is empty")
        }
        var scanner = JSONScanner(bytes: base.assumingMemoryBound(to: UInt8.self), count: buffer.count)
        return try scanner.parseDocument()
    }

    /// Parses a complete JSON document held in `bytes` (UTF-8, no byte order mark).
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) in try parse(buffer) }
        }
        return try result.get()
    }

    /// Parses a complete JSON document held in `text`; offsets in errors count UTF-8 bytes of `text`.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        let direct = text.utf8.withContiguousStorageIfAvailable { bytes in
            Result { () throws(JSONParseError) in try parse(UnsafeRawBufferPointer(bytes)) }
        }
        if let direct { return try direct.get() }
        return try parse(Array(text.utf8))
    }
}
