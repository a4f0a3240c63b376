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
        var material: [UInt8] = []
        material.reserveCapacity(
            stream.connectionID.utf8.count + stream.objectType.utf8.count + recordID.utf8.count
                + versionHash.utf8.count + 40)
        for (index, part) in [stream.connectionID, stream.objectType, recordID, String(revision), kind.rawValue]
            .enumerated()
        {
            if index > 0 { material.append(0x1F) }
            material.append(contentsOf: part.utf8)
        }
        material.append(0x1F)
        material.append(contentsOf: versionHash.utf8)
        return "evt_" + String(SHA256.hash(data: material).hexString.prefix(32))
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
