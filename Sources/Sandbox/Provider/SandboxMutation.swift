import Store

/// The records a mutation changed, as the List API now serves them.
public struct SandboxMutation: Sendable, Equatable {
    /// The object that changed.
    public var object: SandboxObject
    /// Existing records given a new `updated_at` (the provider's now) and one changed field.
    public var updated: [JSONValue]
    /// New records, `created_at` = `updated_at` = now.
    public var created: [JSONValue]

    public init(object: SandboxObject, updated: [JSONValue], created: [JSONValue]) {
        self.object = object
        self.updated = updated
        self.created = created
    }

    /// Ids of the updated and then the created records.
    public var ids: [String] {
        (updated + created).compactMap { $0["id"]?.keyText }
    }
}
