/// A parsed JSON document that keeps what receivers can observe: object keys in document order and
/// numbers as IEEE-754 doubles (what `JSON.parse` in JavaScript yields).
///
/// Foundation's `JSONSerialization` loses key order on Linux and `JSONEncoder` escapes `/`; both would make the
/// bytes VirtualHooks signs differ from what a Node.js receiver recomputes, so the product carries its own value type
/// with two writers: ``JSWriter`` (JS-exact bytes for signing and delivery) and ``CanonicalWriter`` (sorted keys, for
/// version hashes).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// Every JSON number, as JavaScript holds it.
    case number(Double)
    case string(String)
    /// A string holding a lone surrogate (`"\ud800"`), which a Swift `String` cannot: its UTF-16 code units, as
    /// JavaScript holds them, so ``JSWriter`` writes back exactly what `JSON.stringify` would. The parser makes one
    /// only for such a string (every other string is ``string(_:)``), so each value has a single representation.
    /// ``stringValue`` reads it with U+FFFD in place of each lone surrogate.
    case utf16String([UInt16])
    case array([JSONValue])
    /// Members in document order. Duplicate keys are resolved at parse time (the last one wins, as in JavaScript).
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.utf16String(a), .utf16String(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            guard a.count == b.count else { return false }
            return zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case let .bool(b): hasher.combine(b)
        case let .number(n): hasher.combine(n)
        case let .string(s): hasher.combine(s)
        case let .utf16String(units): hasher.combine(units)
        case let .array(a): hasher.combine(a)
        case let .object(members):
            hasher.combine(members.count)
            for (k, v) in members {
                hasher.combine(k)
                hasher.combine(v)
            }
        }
    }
}
