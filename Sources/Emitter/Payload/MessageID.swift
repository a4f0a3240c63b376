import Crypto
import Store

extension DeliveryMessage {
    /// The deterministic message id (delivery.md §7): `msg_` + the first 32 hex chars of
    /// SHA-256(webhook id ␟ first seq ␟ last seq), ␟ = U+001F. Rebuilding a message from the same events yields the
    /// same id, so it is also the `webhook-id` header receivers dedupe on.
    public static func makeID(webhookID: String, firstSeq: Int64, lastSeq: Int64) -> String {
        let input = "\(webhookID)\u{1F}\(firstSeq)\u{1F}\(lastSeq)"
        let digest = SHA256.hash(data: Array(input.utf8))
        return "msg_" + String(Hex.lowercase(digest).prefix(32))
    }
}
