/// Why the Emitter could not deliver for a webhook, with the webhook named.
public enum EmitterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No webhook with this id exists.
    case unknownWebhook(id: String)
    /// The webhook has no delivery cursor in the store.
    case missingCursor(webhookID: String)
    /// The webhook's Standard Webhooks secret cannot sign.
    case invalidSigningSecret(webhookID: String, reason: String)

    public var description: String {
        switch self {
        case .unknownWebhook(let id): return "webhook \(id) does not exist"
        case .missingCursor(let id): return "webhook \(id) has no delivery cursor in the store"
        case .invalidSigningSecret(let id, let reason):
            return "webhook \(id) has an unusable signing secret: \(reason)"
        }
    }
}
