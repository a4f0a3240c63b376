import Store

extension JSONValue {
    /// This object with member `key` set to `value`: replaced in place when present, appended otherwise.
    /// Non-objects are returned unchanged.
    func settingMember(_ key: String, to value: JSONValue) -> JSONValue {
        guard case var .object(members) = self else { return self }
        if let index = members.lastIndex(where: { $0.0 == key }) {
            members[index].1 = value
        } else {
            members.append((key, value))
        }
        return .object(members)
    }
}
