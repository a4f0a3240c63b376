import Crypto
import Foundation

/// Signs deliveries with Standard Webhooks v1 (signatures.md §4): each entry is `v1,` + base64
/// HMAC-SHA256(key, `msg_id.timestamp.body`), one entry per active secret, current first, separated by spaces, so a
/// receiver holding any of the secrets accepts the request during a rotation.
public struct StandardWebhooksSigner: Sendable {
    /// Decoded key bytes, current secret first.
    let keys: [[UInt8]]

    /// - Parameter secrets: `whsec_…` secrets (the prefix is optional; unpadded base64 is accepted), current first.
    /// - Throws: ``StandardWebhooksError/invalidSecret(_:)`` when a secret is empty or not base64,
    ///   ``StandardWebhooksError/noSecret`` when the list is empty.
    public init(secrets: [String]) throws(StandardWebhooksError) {
        guard !secrets.isEmpty else { throw .noSecret }
        var keys: [[UInt8]] = []
        for secret in secrets {
            keys.append(try Self.keyBytes(secret))
        }
        self.keys = keys
    }

    /// A signer with one secret.
    public init(secret: String) throws(StandardWebhooksError) {
        try self.init(secrets: [secret])
    }

    /// The `webhook-signature` header value for one attempt.
    /// - Parameters:
    ///   - messageID: the `webhook-id` header (must not contain `.`).
    ///   - timestamp: the `webhook-timestamp` header, unix seconds of this attempt.
    ///   - body: the raw bytes sent.
    public func signature(messageID: String, timestamp: Int64, body: [UInt8]) -> String {
        signature(messageID: messageID, timestampText: String(timestamp), body: body)
    }

    func signature(messageID: String, timestampText: String, body: [UInt8]) -> String {
        keys.map { "v1," + Self.digest(key: $0, messageID: messageID, timestampText: timestampText, body: body) }
            .joined(separator: " ")
    }

    static func digest(key: [UInt8], messageID: String, timestampText: String, body: [UInt8]) -> String {
        var mac = HMAC<SHA256>(key: SymmetricKey(data: key))
        mac.update(data: Array(messageID.utf8))
        mac.update(data: [UInt8(ascii: ".")])
        mac.update(data: Array(timestampText.utf8))
        mac.update(data: [UInt8(ascii: ".")])
        mac.update(data: body)
        return Data(mac.finalize()).base64EncodedString()
    }

    /// The key bytes of a secret: base64-decoded after removing an optional `whsec_` prefix.
    /// - Throws: ``StandardWebhooksError/invalidSecret(_:)`` when empty or not base64.
    public static func keyBytes(_ secret: String) throws(StandardWebhooksError) -> [UInt8] {
        let encoded = secret.hasPrefix("whsec_") ? secret.dropFirst("whsec_".count) : Substring(secret)
        guard let bytes = LenientBase64.decode(encoded), !bytes.isEmpty else {
            throw .invalidSecret(reason: encoded.isEmpty ? "the secret is empty" : "the secret is not base64")
        }
        return bytes
    }
}
