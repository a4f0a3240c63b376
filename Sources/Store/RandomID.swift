import Foundation

/// Random identifiers and secrets, from the system's cryptographically secure generator.
public enum RandomID {
    /// Lowercase hex of `bytes` random bytes (`2 * bytes` characters).
    public static func hex(bytes: Int) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var generator = SystemRandomNumberGenerator()
        var text: [UInt8] = []
        text.reserveCapacity(bytes * 2)
        for _ in 0..<bytes {
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
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
