import Crypto
import Foundation

extension StandardWebhooksSigner {
    /// The replay window receivers' libraries apply: ±5 minutes.
    public static let defaultTolerance: Int64 = 300

    /// Verifies a request the way Standard Webhooks receivers do (signatures.md §4): the timestamp is within
    /// `tolerance` seconds of `now`, and any `v1` entry of `signature` matches the expected signature under any of
    /// this signer's secrets (constant-time compare). Entries of other versions (`v1a`) are skipped.
    /// - Parameters:
    ///   - messageID: the `webhook-id` header (`nil` when absent).
    ///   - timestamp: the `webhook-timestamp` header text (`nil` when absent).
    ///   - signature: the `webhook-signature` header (`nil` when absent).
    ///   - body: the raw request body.
    ///   - now: the verifier's clock, unix seconds.
    /// - Throws: ``StandardWebhooksError`` saying why the request is rejected.
    public func verify(
        messageID: String?, timestamp: String?, signature: String?, body: [UInt8], now: Int64,
        tolerance: Int64 = StandardWebhooksSigner.defaultTolerance
    ) throws(StandardWebhooksError) {
        guard let messageID, let timestamp, let signature else { throw .missingHeaders }
        guard let seconds = Int64(timestamp) else { throw .invalidHeaders }
        if seconds < now - tolerance { throw .timestampTooOld }
        if seconds > now + tolerance { throw .timestampTooNew }
        let expected = keys.map {
            Array(Self.digest(key: $0, messageID: messageID, timestampText: timestamp, body: body).utf8)
        }
        for entry in signature.split(separator: " ", omittingEmptySubsequences: true) {
            guard let comma = entry.firstIndex(of: ",") else { continue }
            guard entry[..<comma] == "v1" else { continue }
            let candidate = Array(entry[entry.index(after: comma)...].utf8)
            var matched = false
            for digest in expected where ConstantTime.equal(digest, candidate) { matched = true }
            if matched { return }
        }
        throw .noMatchingSignature
    }
}
