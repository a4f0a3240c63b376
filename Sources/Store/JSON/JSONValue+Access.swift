extension JSONValue {
    /// The member named `key` of an object (the last one if a producer repeated it), `nil` otherwise.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.last(where: { $0.0 == key })?.1
    }

    /// The string payload (a lone surrogate read as U+FFFD), or `nil` for any other kind.
    public var stringValue: String? {
        switch self {
        case let .string(s): return s
        case let .utf16String(units): return String(decoding: units, as: UTF16.self)
        default: return nil
        }
    }

    /// The numeric payload, or `nil` for any other kind.
    public var numberValue: Double? {
        if case let .number(n) = self { return n }
        return nil
    }

    /// The elements of an array, or `nil` for any other kind.
    public var arrayValue: [JSONValue]? {
        if case let .array(a) = self { return a }
        return nil
    }

    /// The members of an object in document order, or `nil` for any other kind.
    public var objectMembers: [(String, JSONValue)]? {
        if case let .object(m) = self { return m }
        return nil
    }

    /// Follows a dotted path (`data.items`, `paging.next.after`); an empty path is the value itself.
    /// Array elements are addressed by decimal index (`results.0.id`). For a path used per record, keep a
    /// ``JSONPath``.
    public func value(atPath path: String) -> JSONValue? {
        JSONPath(path).resolve(in: self)
    }

    /// The text a record id or a cursor value has when it is used as a key: strings as they are, numbers in
    /// JavaScript form (`123`, not `123.0`), so `123` and `"123"` name the same record.
    public var keyText: String? {
        switch self {
        case let .string(s): return s
        case let .utf16String(units): return String(decoding: units, as: UTF16.self)
        case let .number(n): return JSWriter.numberText(n)
        case let .bool(b): return b ? "true" : "false"
        default: return nil
        }
    }
}
