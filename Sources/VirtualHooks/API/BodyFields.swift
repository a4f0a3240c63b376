import Store

/// Typed access to the members of a JSON request body; every failure is a 400 naming its field.
///
/// A member that is absent or `null` reads as `nil` (unified.md §4: any optional field may be null).
struct BodyFields {
    let members: [(String, JSONValue)]

    init(_ value: JSONValue) throws(APIError) {
        guard let members = value.objectMembers else { throw .badRequest("the request body must be a JSON object") }
        self.members = members
    }

    init(members: [(String, JSONValue)]) { self.members = members }

    func has(_ key: String) -> Bool { value(key) != nil }

    func value(_ key: String) -> JSONValue? {
        guard let value = members.last(where: { $0.0 == key })?.1, value != .null else { return nil }
        return value
    }

    func string(_ key: String, prefix: String = "") throws(APIError) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.stringValue else { throw .badRequest("\(prefix + key) must be a string", field: prefix + key) }
        return text
    }

    func requiredString(_ key: String, prefix: String = "") throws(APIError) -> String {
        guard let text = try string(key, prefix: prefix), !text.isEmpty else {
            throw .badRequest("\(prefix + key) is required", field: prefix + key)
        }
        return text
    }

    func number(_ key: String) throws(APIError) -> Double? {
        guard let value = value(key) else { return nil }
        guard let number = value.numberValue, number.isFinite else {
            throw .badRequest("\(key) must be a number", field: key)
        }
        return number
    }

    func bool(_ key: String) throws(APIError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case let .bool(flag) = value else { throw .badRequest("\(key) must be true or false", field: key) }
        return flag
    }

    func strings(_ key: String, prefix: String = "") throws(APIError) -> [String]? {
        guard let value = value(key) else { return nil }
        let field = prefix + key
        guard let items = value.arrayValue else { throw .badRequest("\(field) must be an array of strings", field: field) }
        var result: [String] = []
        for item in items {
            guard let text = item.stringValue else {
                throw .badRequest("\(field) must be an array of strings", field: field)
            }
            result.append(text)
        }
        return result
    }

    func object(_ key: String) throws(APIError) -> BodyFields? {
        guard let value = value(key) else { return nil }
        guard let members = value.objectMembers else { throw .badRequest("\(key) must be a JSON object", field: key) }
        return BodyFields(members: members)
    }
}
