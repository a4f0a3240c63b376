import Crypto
import Store

extension DeliveryMessage {
    /// The deterministic message id (delivery.md §7): `msg_` + the first 32 hex chars of
    /// SHA-256(webhook id ␟ first seq ␟ last seq ␟ salt), ␟ = U+001F, the salt and its separator left out when the
    /// webhook has none (webhooks older than salts keep their ids). Rebuilding a message from the same events yields
    /// the same id, so it is also the `webhook-id` header receivers dedupe on; the webhook's random salt makes it
    /// differ from the ids of another database that declares the same webhook id.
    public static func makeID(webhookID: String, salt: String, firstSeq: Int64, lastSeq: Int64) -> String {
        var input = "\(webhookID)\u{1F}\(firstSeq)\u{1F}\(lastSeq)"
        if !salt.isEmpty { input += "\u{1F}\(salt)" }
        let digest = SHA256.hash(data: Array(input.utf8))
        return "msg_" + String(Hex.lowercase(digest).prefix(32))
    }
}
