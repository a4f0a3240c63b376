import Crypto

extension ChangeEvent {
    /// The deterministic event id of polling.md §4:
    /// `evt_` + the first 32 hex chars of SHA-256(connection ␟ object ␟ record ␟ revision ␟ kind ␟ version hash).
    ///
    /// A page re-read after a crash recomputes the same revision (its transaction rolled back), so the id repeats
    /// and the insert is a no-op; a value that flips A→B→A gets distinct ids because the revision differs.
    public static func makeID(
        stream: StreamKey, recordID: String, revision: Int64, kind: EventKind, versionHash: String
    ) -> String {
        let separator = "\u{1F}"
        let material = [
            stream.connectionID, stream.objectType, recordID, String(revision), kind.rawValue, versionHash,
        ].joined(separator: separator)
        return "evt_" + String(SHA256.hash(data: Array(material.utf8)).hexString.prefix(32))
    }
}

extension Digest {
    /// Lowercase hex of the digest bytes.
    public var hexString: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(Self.byteCount * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
