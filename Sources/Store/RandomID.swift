import Foundation

/// Random identifiers and secrets, from the system's cryptographically secure generator.
public enum RandomID {
    /// Lowercase hex of `bytes` random bytes (`2 * bytes` characters).
    public static func hex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<max(0, bytes)).map { _ in UInt8.random(in: .min ... .max, using: &generator) }.lowercaseHex
    }

    /// A new object id in Unified's format: 24 lowercase hex characters.
    public static func objectID() -> String {
        hex(bytes: 12)
    }

    /// A new webhook's message-id salt (``Webhook/idSalt``): 32 lowercase hex characters.
    public static func messageIDSalt() -> String {
        hex(bytes: 16)
    }

    /// A new Standard Webhooks signing secret: `whsec_` + standard base64 of 32 random bytes.
    public static func webhookSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return "whsec_" + Data(bytes).base64EncodedString()
    }
}
