import Foundation
import Store

/// The opaque `cursor` of the List API: the (`updated_at`, `id`) of the last record served, base64url-encoded.
///
/// A keyset cursor makes progress through a tie group larger than a page and is stable when records before it
/// change, unlike an offset.
struct ListCursor: Sendable, Equatable {
    var after: RecordKey

    init(after: RecordKey) { self.after = after }

    /// Decodes a cursor this provider issued; `nil` for anything else (answered with 400, like an expired token).
    init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "v1", let micros = Int64(parts[1]) else { return nil }
        after = RecordKey(updatedAt: Timestamp(microseconds: micros), id: String(parts[2]))
    }

    var token: String {
        let text = "v1|\(after.updatedAt.microseconds)|\(after.id)"
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
