import Crypto

/// The version hash the differ compares to decide whether a record changed (polling.md §5).
public enum VersionHash {
    /// Lowercase hex SHA-256 of ``CanonicalWriter``'s bytes for `value`: equal for records that differ only in key
    /// order, whitespace or number spelling; different for any change in data.
    public static func of(_ value: JSONValue) -> String {
        let digest = SHA256.hash(data: CanonicalWriter.serialize(value))
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(hexDigit(byte >> 4))
            hex.append(hexDigit(byte & 0xF))
        }
        return String(decoding: hex, as: UTF8.self)
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
