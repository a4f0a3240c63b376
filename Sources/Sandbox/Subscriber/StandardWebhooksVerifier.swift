import Crypto
import Foundation
import Store

/// Checks Standard Webhooks v1 headers as the `standardwebhooks` and `svix` libraries do (`signatures.md` §4):
/// all three headers present; `now − tolerance ≤ webhook-timestamp ≤ now + tolerance`; the HMAC-SHA256 of
/// `id + "." + timestamp + "." + body` (raw bytes) matches any space-separated `v1,` entry, compared in constant time.
public enum StandardWebhooksVerifier {
    /// Verifies one request. `secret` is `whsec_` + base64 (the prefix is optional, padding may be omitted).
    /// - Parameter tolerance: seconds either side of `now`; the libraries use 300.
    public static func verify(
        messageID: String?,
        timestamp: String?,
        signature: String?,
        body: UnsafeRawBufferPointer,
        secret: String?,
        now: Timestamp,
        tolerance: Int64 = 300
    ) -> VerificationOutcome {
        guard let messageID, let timestamp, let signature else { return .missing }
        guard let secret else { return .noSecret }
        guard let key = secretKey(secret) else { return .malformed }
        guard let sentAt = Int64(timestamp) else { return .malformed }
        let nowSeconds = now.microseconds / 1_000_000
        guard nowSeconds - tolerance <= sentAt, sentAt <= nowSeconds + tolerance else { return .outsideTolerance }

        var hmac = HMAC<SHA256>(key: SymmetricKey(data: key))
        hmac.update(data: Array("\(messageID).\(timestamp).".utf8))
        hmac.update(data: body)
        let expected = Array(Data(hmac.finalize()).base64EncodedString().utf8)

        var matched = false
        for entry in signature.split(separator: " ", omittingEmptySubsequences: true) {
            guard let comma = entry.firstIndex(of: ","), entry[..<comma] == "v1" else { continue }
            let provided = Array(entry[entry.index(after: comma)...].utf8)
            // Check every entry so the time taken does not reveal which one matched.
            if ConstantTime.equals(provided, expected) { matched = true }
        }
        return matched ? .valid : .invalid
    }

    /// Convenience for a body held as bytes.
    public static func verify(
        messageID: String?,
        timestamp: String?,
        signature: String?,
        body: [UInt8],
        secret: String?,
        now: Timestamp,
        tolerance: Int64 = 300
    ) -> VerificationOutcome {
        body.withUnsafeBytes { raw in
            verify(
                messageID: messageID, timestamp: timestamp, signature: signature, body: raw,
                secret: secret, now: now, tolerance: tolerance
            )
        }
    }

    /// The `v1,<base64>` entry a sender puts in `webhook-signature` (for tests that play the sender);
    /// `nil` if `secret` is not a usable `whsec_` secret.
    public static func sign(messageID: String, timestamp: String, body: [UInt8], secret: String) -> String? {
        guard let key = secretKey(secret) else { return nil }
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: key))
        hmac.update(data: Array("\(messageID).\(timestamp).".utf8))
        hmac.update(data: body)
        return "v1," + Data(hmac.finalize()).base64EncodedString()
    }

    /// The key bytes of a `whsec_` secret, or `nil` if it is not base64 (padded or not) or is empty.
    static func secretKey(_ secret: String) -> [UInt8]? {
        var text = secret.hasPrefix("whsec_") ? String(secret.dropFirst(6)) : secret
        text += String(repeating: "=", count: (4 - text.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: text), !data.isEmpty else { return nil }
        return Array(data)
    }
}
