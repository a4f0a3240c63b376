import Store
import Testing

/// The vectors of `signatures.json`, parsed.
enum Vectors {
    static let all: [JSONValue] = {
        guard let vectors = try? JSONParser.parse(signatureVectorsJSON)["vectors"]?.arrayValue else { return [] }
        return vectors
    }()

    /// Names of the vectors matching `filter` (test arguments stay short in the output).
    static func names(where filter: (JSONValue) -> Bool) -> [String] {
        all.filter(filter).compactMap { $0["name"]?.stringValue }
    }

    static func named(_ name: String) -> JSONValue? {
        all.first { $0["name"]?.stringValue == name }
    }
}

extension JSONValue {
    /// A string member that a vector must have; records an issue when absent.
    func text(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        guard let value = value(atPath: path)?.keyText else {
            Issue.record("vector member \(path) is missing", sourceLocation: sourceLocation)
            return ""
        }
        return value
    }
}
