/// Why a Standard Webhooks secret was unusable or a signed request was rejected. The verification cases carry the
/// messages the `standardwebhooks` Python library raises, so logs read the same on both sides.
public enum StandardWebhooksError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No secret was given to sign with.
    case noSecret
    /// A secret could not be decoded into key bytes.
    case invalidSecret(reason: String)
    /// `webhook-id`, `webhook-timestamp` or `webhook-signature` is missing.
    case missingHeaders
    /// `webhook-timestamp` is not an integer.
    case invalidHeaders
    /// The timestamp is more than the tolerance before now.
    case timestampTooOld
    /// The timestamp is more than the tolerance after now.
    case timestampTooNew
    /// No `v1` entry matched any of the secrets.
    case noMatchingSignature

    public var description: String {
        switch self {
        case .noSecret: return "No Standard Webhooks secret to sign with"
        case .invalidSecret(let reason): return "Invalid Standard Webhooks secret: \(reason)"
        case .missingHeaders: return "Missing required headers"
        case .invalidHeaders: return "Invalid Signature Headers"
        case .timestampTooOld: return "Message timestamp too old"
        case .timestampTooNew: return "Message timestamp too new"
        case .noMatchingSignature: return "No matching signature found"
        }
    }
}
