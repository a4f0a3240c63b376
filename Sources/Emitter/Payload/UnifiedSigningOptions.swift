/// The unpublished parts of Unified's `sig` (signatures.md §2), as configuration: the digest encoding and whether
/// the `sig256` field is sent.
public struct UnifiedSigningOptions: Sendable, Hashable {
    /// `base64` (default) or `hex`.
    public var encoding: DigestEncoding
    /// Send `sig256` (HMAC-SHA256 over the same message) beside `sig`; on by default.
    public var includeSig256: Bool

    public init(encoding: DigestEncoding = .base64, includeSig256: Bool = true) {
        self.encoding = encoding
        self.includeSig256 = includeSig256
    }
}
