import Crypto

extension ChangeEvent {
    /// The deterministic event id of polling.md §4, derived from the event's identity whenever it is asked for (it is
    /// not stored, and no hot path computes it): `evt_` + the first 32 hex chars of
    /// SHA-256(connection ␟ object ␟ record ␟ revision ␟ kind ␟ version hash).
    ///
    /// A page re-read after a crash recomputes the same revision (its transaction rolled back), so the id repeats;
    /// a value that flips A→B→A gets distinct ids because the revision differs.
    public var eventID: String {
        Self.makeID(stream: stream, recordID: recordID, revision: revision, kind: kind, versionHash: versionHash)
    }

    public static func makeID(
        stream: StreamKey, recordID: String, revision: Int64, kind: EventKind, versionHash: VersionHash
    ) -> String {
        var material: [UInt8] = []
        for part in [stream.connectionID, stream.objectType, recordID, String(revision), kind.rawValue] {
            material.append(contentsOf: part.utf8)
            material.append(0x1F)
        }
        material.append(contentsOf: versionHash.bytes)
        return "evt_" + String(SHA256.hash(data: material).hexString.prefix(32))
    }
}
