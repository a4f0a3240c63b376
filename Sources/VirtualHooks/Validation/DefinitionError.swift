/// A field of a webhook or connection definition (a request body or a configuration file entry) that breaks a rule.
///
/// The message does not repeat the field: the management API sends `"\(field) \(message)"` with `field` in its
/// 400 body, the configuration file prints `FILE:LINE: field: message`. Both get the same error from the same rule.
struct DefinitionError: Error, Hashable, Sendable, CustomStringConvertible {
    var path: FieldPath
    /// What is wrong, worded to follow the field's name: "must be a string", "is required".
    var message: String

    init(_ path: FieldPath, _ message: String) {
        self.path = path
        self.message = message
    }

    var field: String { path.description }

    var description: String { field.isEmpty ? message : "\(field) \(message)" }
}
