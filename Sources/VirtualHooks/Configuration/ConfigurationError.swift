/// A configuration file that cannot be used: which file, which field, which line, and what is wrong.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// `webhooks[1].interval`; empty for a problem with the whole file.
    public var field: String
    public var line: Int?
    public var message: String

    public init(file: String, field: String, line: Int?, message: String) {
        self.file = file
        self.field = field
        self.line = line
        self.message = message
    }

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return field.isEmpty ? "\(location): \(message)" : "\(location): \(field): \(message)"
    }
}
