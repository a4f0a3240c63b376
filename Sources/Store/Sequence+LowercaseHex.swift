import Crypto

extension Sequence where Element == UInt8 {
    /// Lowercase hex of the bytes (two characters each): ids, hashes and digests as the store and the API show them.
    public var lowercaseHex: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Digest {
    /// Lowercase hex of the digest bytes.
    public var hexString: String { lowercaseHex }
}
