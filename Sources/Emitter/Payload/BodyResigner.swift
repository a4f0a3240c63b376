/// Re-signs a frozen Unified body when the workspace secret changed after it was built (signatures.md §2): `sig` and
/// `sig256` are recomputed over the same `data` bytes and `nonce`, every other byte stays as stored.
struct BodyResigner {
    let signer: UnifiedSigner

    init(workspaceSecret: String, encoding: DigestEncoding) {
        self.signer = UnifiedSigner(workspaceSecret: workspaceSecret, encoding: encoding)
    }

    /// `body` itself when its `sig` already matches the current secret (or it is not a Unified body), else `body`
    /// with fresh `sig`/`sig256` values.
    func resigned(_ body: [UInt8]) -> [UInt8] {
        guard let members = TopLevelMembers(body),
            let dataRange = members.range(of: "data"),
            let nonce = members.range(of: "nonce").flatMap({ Self.plainString(body[$0]) }),
            let sigRange = members.range(of: "sig"),
            let sig = Self.plainString(body[sigRange])
        else { return body }
        let data = Array(body[dataRange])
        guard !ConstantTime.equal(signer.sig(data: data, nonce: nonce), sig) else { return body }

        var replacements: [(Range<Int>, String)] = [(sigRange, signer.sig(data: data, nonce: nonce))]
        if let sig256Range = members.range(of: "sig256") {
            replacements.append((sig256Range, signer.sig256(data: data, nonce: nonce)))
        }
        var out = body
        for (range, value) in replacements.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            out.replaceSubrange(range, with: [UInt8(ascii: "\"")] + Array(value.utf8) + [UInt8(ascii: "\"")])
        }
        return out
    }

    /// The contents of a JSON string token that has no escapes (nonces and signatures never do).
    private static func plainString(_ token: ArraySlice<UInt8>) -> String? {
        guard token.count >= 2, token.first == UInt8(ascii: "\""), token.last == UInt8(ascii: "\""),
            !token.contains(UInt8(ascii: "\\"))
        else { return nil }
        return String(decoding: token.dropFirst().dropLast(), as: UTF8.self)
    }
}
