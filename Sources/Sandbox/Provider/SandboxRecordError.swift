/// A record given to the provider (upsert or late write) that it cannot store, and why.
public struct SandboxRecordError: Error, Sendable, CustomStringConvertible {
    /// The object the record was meant for.
    public var object: SandboxObject
    /// What is wrong with the record.
    public var message: String

    public init(object: SandboxObject, message: String) {
        self.object = object
        self.message = message
    }

    public var description: String { "invalid \(object) record: \(message)" }
}
