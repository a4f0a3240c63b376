extension Statement {
    /// Binds a version hash as its 16-byte blob.
    func bind(_ hash: VersionHash?, at index: Int32) throws {
        try bind(hash?.bytes, at: index)
    }

    /// A version hash column: a 16-byte blob, or the 64-hex text an earlier build wrote. A value that is neither
    /// (never written by the store) reads as the hash of its bytes, so it compares unequal to every record.
    func versionHash(at index: Int32) -> VersionHash {
        if isText(at: index) {
            let text = string(at: index)
            return VersionHash(hex: text) ?? VersionHash(digestOf: Array(text.utf8))
        }
        let blob = bytes(at: index)
        return VersionHash(bytes: blob) ?? VersionHash(digestOf: blob)
    }

    func optionalVersionHash(at index: Int32) -> VersionHash? {
        isNull(at: index) ? nil : versionHash(at: index)
    }
}
