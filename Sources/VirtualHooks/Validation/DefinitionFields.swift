import Store

/// Typed access to the members of one JSON object of a definition, at a known path; every failure is a
/// ``DefinitionError`` naming the member's full path.
///
/// A member that is absent or `null` reads as `nil` (unified.md §4: any optional field may be null). Of repeated
/// keys the last counts, as in the product's parser.
struct DefinitionFields {
    let members: [(String, JSONValue)]
    let path: FieldPath

    init(_ value: JSONValue, at path: FieldPath) throws(DefinitionError) {
        guard let members = value.objectMembers else { throw DefinitionError(path, "must be a JSON object") }
        self.init(members: members, at: path)
    }

    init(members: [(String, JSONValue)], at path: FieldPath = .root) {
        self.members = members
        self.path = path
    }

    func has(_ key: String) -> Bool { value(key) != nil }

    func value(_ key: String) -> JSONValue? {
        guard let value = members.last(where: { $0.0 == key })?.1, value != .null else { return nil }
        return value
    }

    func error(_ key: String, _ message: String) -> DefinitionError { DefinitionError(path.appending(key), message) }

    func string(_ key: String) throws(DefinitionError) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.stringValue else { throw error(key, "must be a string") }
        return text
    }

    /// A non-empty string.
    func requiredString(_ key: String) throws(DefinitionError) -> String {
        guard let text = try string(key), !text.isEmpty else { throw error(key, "is required") }
        return text
    }

    /// A number inside `range`; anything else (a string, an infinity, a value out of range) names the range.
    func number(_ key: String, in range: NumberRange) throws(DefinitionError) -> Double? {
        guard let value = value(key) else { return nil }
        guard let number = value.numberValue, range.contains(number) else { throw error(key, range.requirement) }
        return number
    }

    func bool(_ key: String) throws(DefinitionError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case let .bool(flag) = value else { throw error(key, "must be true or false") }
        return flag
    }

    func strings(_ key: String) throws(DefinitionError) -> [String]? {
        guard let value = value(key) else { return nil }
        guard let items = value.arrayValue else { throw error(key, "must be an array of strings") }
        var result: [String] = []
        for item in items {
            guard let text = item.stringValue else { throw error(key, "must be an array of strings") }
            result.append(text)
        }
        return result
    }

    func array(_ key: String) throws(DefinitionError) -> [JSONValue]? {
        guard let value = value(key) else { return nil }
        guard let items = value.arrayValue else { throw error(key, "must be an array") }
        return items
    }

    func object(_ key: String) throws(DefinitionError) -> DefinitionFields? {
        guard let value = value(key) else { return nil }
        return try DefinitionFields(value, at: path.appending(key))
    }

    /// Refuses a member whose name is not in `allowed` (a typo in a configuration file must not be ignored).
    func rejectUnknown(allowed: Set<String>) throws(DefinitionError) {
        if let unknown = members.first(where: { !allowed.contains($0.0) }) {
            throw error(unknown.0, "unknown field (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
    }
}
