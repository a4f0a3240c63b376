import Crypto
import Foundation

/// HubSpot's request signatures v1, v2 and v3 (signatures.md §3, hubspot.md §2), for the HubSpot-compatible
/// delivery format and for verifying inbound HubSpot webhooks. The client secret is used as UTF-8 bytes, as-is.
public struct HubSpotSigner: Sendable {
    private let secret: [UInt8]

    /// - Parameter clientSecret: the app's client secret (or the subscriber secret in HubSpot delivery mode).
    public init(clientSecret: String) {
        self.secret = Array(clientSecret.utf8)
    }

    /// `X-HubSpot-Signature` v1: lowercase hex SHA-256 of `client_secret + body`.
    public func v1(body: [UInt8]) -> String {
        var hash = SHA256()
        hash.update(data: secret)
        hash.update(data: body)
        return Hex.lowercase(hash.finalize())
    }

    /// `X-HubSpot-Signature` v2: lowercase hex SHA-256 of `client_secret + method + uri + body`, the URI exactly as
    /// requested (escapes untouched).
    public func v2(method: String, uri: String, body: [UInt8]) -> String {
        var hash = SHA256()
        hash.update(data: secret)
        hash.update(data: Array(method.utf8))
        hash.update(data: Array(uri.utf8))
        hash.update(data: body)
        return Hex.lowercase(hash.finalize())
    }

    /// `X-HubSpot-Signature-v3`: base64 HMAC-SHA256 keyed with the client secret over
    /// `method + uri' + body + timestamp`, where `uri'` is `uri` after ``v3SignedURI(_:)``.
    /// - Parameter timestamp: the `X-HubSpot-Request-Timestamp` text (milliseconds), as sent.
    public func v3(method: String, uri: String, body: [UInt8], timestamp: String) -> String {
        var mac = HMAC<SHA256>(key: SymmetricKey(data: secret))
        mac.update(data: Array(method.utf8))
        mac.update(data: Array(Self.v3SignedURI(uri).utf8))
        mac.update(data: body)
        mac.update(data: Array(timestamp.utf8))
        return Data(mac.finalize()).base64EncodedString()
    }

    /// HubSpot's v3 URI rule: decodes only `%3A %2F %3F %40 %21 %24 %27 %28 %29 %2A %2C %3B` (either hex case) to
    /// `: / ? @ ! $ ' ( ) * , ;`; every other escape stays as sent.
    public static func v3SignedURI(_ uri: String) -> String {
        let bytes = Array(uri.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]),
                decodedByV3.contains(high << 4 | low)
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let decodedByV3: Set<UInt8> = Set(":/?@!$'()*,;".utf8)

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
