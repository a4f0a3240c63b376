import Foundation

/// How a digest is written as text. Unified's `sig` is base64 by default; `hex` exists because Unified never
/// published its encoding (signatures.md §2), so a deployment can switch once checked against a real delivery.
public enum DigestEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    /// Standard alphabet, `=` padded (28 chars for SHA-1, 44 for SHA-256).
    case base64
    /// Lowercase hexadecimal (40 chars for SHA-1, 64 for SHA-256).
    case hex

    func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        switch self {
        case .base64: return Data(bytes).base64EncodedString()
        case .hex: return Hex.lowercase(bytes)
        }
    }
}

/// Lowercase hex text of bytes.
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func lowercase<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Standard base64 decoding that also takes unpadded input, as Standard Webhooks secrets may come without `=`.
enum LenientBase64 {
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        var padded = String(text)
        guard !padded.isEmpty else { return [] }
        switch padded.utf8.count % 4 {
        case 0: break
        case 2: padded += "=="
        case 3: padded += "="
        default: return nil
        }
        guard let data = Data(base64Encoded: padded) else { return nil }
        return Array(data)
    }
}
