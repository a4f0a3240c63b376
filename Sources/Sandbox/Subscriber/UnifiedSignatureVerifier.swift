import Crypto
import Foundation
import Store

/// Checks a Unified payload's `sig` and `sig256` exactly as a Node.js receiver does (`signatures.md` §2):
/// `createHmac('sha1', secret).update(JSON.stringify(body.data)).update(body.nonce).digest('base64') === body.sig`.
///
/// The `data` member is re-serialized with ``JSWriter`` (JavaScript's `JSON.stringify`), never taken from the raw
/// body, so a sender whose bytes differ from what JavaScript prints fails here as it would at a real receiver.
public enum UnifiedSignatureVerifier {
    /// How the digests are written in the body.
    public enum DigestEncoding: String, Sendable {
        case base64
        case hex
    }

    /// Outcomes for `sig` (HMAC-SHA1) and `sig256` (HMAC-SHA256, ``VerificationOutcome/missing`` when absent).
    public struct Result: Sendable, Hashable {
        /// The HMAC-SHA1 `sig`.
        public var sig: VerificationOutcome
        /// The HMAC-SHA256 `sig256`.
        public var sig256: VerificationOutcome

        public init(sig: VerificationOutcome, sig256: VerificationOutcome) {
            self.sig = sig
            self.sig256 = sig256
        }
    }

    /// Verifies a parsed payload with the workspace secret (`nil`: ``VerificationOutcome/noSecret``).
    public static func verify(
        payload: JSONValue,
        workspaceSecret: String?,
        encoding: DigestEncoding = .base64
    ) -> Result {
        guard case .object = payload, let data = payload["data"], let nonce = payload["nonce"]?.stringValue else {
            return Result(sig: .malformed, sig256: payload["sig256"] == nil ? .missing : .malformed)
        }
        let sig = payload["sig"]?.stringValue
        let sig256 = payload["sig256"]?.stringValue
        guard let workspaceSecret else {
            return Result(sig: sig == nil ? .missing : .noSecret, sig256: sig256 == nil ? .missing : .noSecret)
        }
        var message = JSWriter.serialize(data)
        message.append(contentsOf: Array(nonce.utf8))
        let key = SymmetricKey(data: Array(workspaceSecret.utf8))
        return Result(
            sig: check(sig, expected: HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key), encoding),
            sig256: check(sig256, expected: HMAC<SHA256>.authenticationCode(for: message, using: key), encoding)
        )
    }

    /// The `sig` and `sig256` values a sender computes for `data` and `nonce` (base64 unless told otherwise).
    public static func signatures(
        data: JSONValue,
        nonce: String,
        workspaceSecret: String,
        encoding: DigestEncoding = .base64
    ) -> (sig: String, sig256: String) {
        var message = JSWriter.serialize(data)
        message.append(contentsOf: Array(nonce.utf8))
        let key = SymmetricKey(data: Array(workspaceSecret.utf8))
        return (
            encode(Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: key)), encoding),
            encode(Array(HMAC<SHA256>.authenticationCode(for: message, using: key)), encoding)
        )
    }

    private static func check(
        _ provided: String?,
        expected: some Sequence<UInt8>,
        _ encoding: DigestEncoding
    ) -> VerificationOutcome {
        guard let provided else { return .missing }
        let expectedText = encode(Array(expected), encoding)
        return ConstantTime.equals(Array(provided.utf8), Array(expectedText.utf8)) ? .valid : .invalid
    }

    private static func encode(_ digest: [UInt8], _ encoding: DigestEncoding) -> String {
        switch encoding {
        case .base64:
            return Data(digest).base64EncodedString()
        case .hex:
            let digits = Array("0123456789abcdef".utf8)
            var text: [UInt8] = []
            text.reserveCapacity(digest.count * 2)
            for byte in digest {
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0F)])
            }
            return String(decoding: text, as: UTF8.self)
        }
    }
}
