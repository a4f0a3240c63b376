import Crypto

/// The version hash the differ compares to decide whether a record changed (polling.md §5): the first 16 bytes of
/// the SHA-256 of ``CanonicalWriter``'s bytes, equal for records that differ only in key order, whitespace or
/// number spelling and different for any change in data.
///
/// 128 bits are ample to tell the versions of one record apart, and as two words the hash is compared and hashed
/// without touching the heap; the store keeps it as a 16-byte blob. A hash written by an earlier build as 64 hex
/// characters reads back as its first 16 bytes, so it still equals the hash of the same record computed now.
public struct VersionHash: Sendable, Hashable, CustomStringConvertible {
    let high: UInt64
    let low: UInt64

    /// The hash of a record.
    ///
    /// The canonical bytes are hashed where the writer put them, never copied into an array of their own.
    public static func of(_ value: JSONValue) -> VersionHash {
        var output = JSONOutput()
        CanonicalWriter.write(value, to: &output)
        var hasher = SHA256()
        output.withBytes { hasher.update(bufferPointer: $0) }
        return VersionHash(digest: hasher.finalize())
    }

    /// The hash of arbitrary bytes (test fixtures, versions named by a provider rather than computed).
    public init(digestOf bytes: [UInt8]) {
        self.init(digest: SHA256.hash(data: bytes))
    }

    private init(digest: SHA256.Digest) {
        // A SHA-256 digest always has 32 bytes.
        self = digest.withUnsafeBytes { VersionHash(bytes: $0)! }
    }

    /// The hash in a 16-byte blob (or the 32-byte digest of an earlier format, of which the first 16 count).
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count >= 16 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (index, byte) in bytes.prefix(16).enumerated() {
            if index < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
        }
        self.high = high
        self.low = low
    }

    /// The hash from its hex text: 32 digits, or the 64 of an earlier format (of which the first 32 count).
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 32 || digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for index in stride(from: 0, to: 32, by: 2) {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self.init(bytes: bytes)
    }

    /// The 16 bytes, as stored.
    public var bytes: [UInt8] {
        (0..<16).map { index in
            UInt8(truncatingIfNeeded: (index < 8 ? high : low) >> (8 * (7 - UInt64(index % 8))))
        }
    }

    /// 32 lowercase hex digits.
    public var description: String { bytes.lowercaseHex }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
