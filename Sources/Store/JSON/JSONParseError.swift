/// Why a document is not RFC 8259 JSON, and where.
///
/// `offset` is the zero-based byte offset into the UTF-8 input of the byte that made the document invalid
/// (the input length when the document ends too early), so a caller can quote the provider's response around it.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Zero-based byte offset of the offending byte in the input.
    public var offset: Int
    /// What was wrong at `offset`, in words (`"leading zeros are not allowed"`).
    public var reason: String

    /// Creates an error for the byte at `offset`.
    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    /// `invalid JSON at byte <offset>: <reason>`.
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}
