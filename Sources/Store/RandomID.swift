import Foundation

/// Random identifiers and secrets, from the system's cryptographically secure generator.
public enum RandomID {
    /// `count` random bytes, eight per draw from the system generator (one `getrandom` call each, not one per byte:
    /// a message's 16-byte nonce was 16 system calls).
    public static func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(0, count))
        while bytes.count < count {
            var word = generator.next()
            for _ in 0..<min(8, count - bytes.count) {
                bytes.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return bytes
    }

    /// Lowercase hex of `bytes` random bytes (`2 * bytes` characters).
    public static func hex(bytes: Int) -> String {
        Self.bytes(bytes).lowercaseHex
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
        "whsec_" + Data(bytes(32)).base64EncodedString()
    }
}
