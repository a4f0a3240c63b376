import Crypto

/// Signs Unified-format payloads: `sig = HMAC-SHA1(workspace secret, data_json + nonce)` and `sig256`, the same
/// message under HMAC-SHA256 (unified.md §5.1, signatures.md §2).
///
/// The bytes signed must be exactly the `data` member as it travels in the body (JS-exact, see ``PayloadBuilder``),
/// because receivers recompute `JSON.stringify(body.data) + body.nonce`.
public struct UnifiedSigner: Sendable {
    /// Key bytes: the UTF-8 of the workspace secret, used as-is.
    private let keyBytes: [UInt8]
    /// How digests are written; `base64` unless configured otherwise.
    public let encoding: DigestEncoding

    /// - Parameters:
    ///   - workspaceSecret: the workspace API secret (a UTF-8 string, not decoded).
    ///   - encoding: digest text encoding, base64 by default.
    public init(workspaceSecret: String, encoding: DigestEncoding = .base64) {
        self.keyBytes = Array(workspaceSecret.utf8)
        self.encoding = encoding
    }

    /// The `sig` field: HMAC-SHA1 over `data + nonce`.
    public func sig(data: [UInt8], nonce: String) -> String {
        var mac = HMAC<Insecure.SHA1>(key: SymmetricKey(data: keyBytes))
        mac.update(data: data)
        mac.update(data: Array(nonce.utf8))
        return encoding.encode(mac.finalize())
    }

    /// The `sig256` field: HMAC-SHA256 over the same message as ``sig(data:nonce:)``.
    public func sig256(data: [UInt8], nonce: String) -> String {
        var mac = HMAC<SHA256>(key: SymmetricKey(data: keyBytes))
        mac.update(data: data)
        mac.update(data: Array(nonce.utf8))
        return encoding.encode(mac.finalize())
    }

    /// Whether `sig` (and `sig256`, when given) match `data + nonce`, compared in constant time.
    public func verify(data: [UInt8], nonce: String, sig: String, sig256: String? = nil) -> Bool {
        let sigOK = ConstantTime.equal(self.sig(data: data, nonce: nonce), sig)
        guard let sig256 else { return sigOK }
        let sig256OK = ConstantTime.equal(self.sig256(data: data, nonce: nonce), sig256)
        return sigOK && sig256OK
    }
}
