import Foundation

/// The connectors this process knows: the built-in ones plus any spec files a user points at.
public struct ConnectorCatalog: Sendable {
    public private(set) var specs: [String: ConnectorSpec]

    /// The connectors compiled into the binary (`sandbox`, `sandbox-offset`, `unified`).
    public static func builtin() -> ConnectorCatalog {
        var specs: [String: ConnectorSpec] = [:]
        for (name, json) in BuiltinConnectors.specs {
            // The built-in specs are part of the binary and covered by tests; failing here is a build defect.
            guard let spec = try? JSONDecoder().decode(ConnectorSpec.self, from: Data(json.utf8)) else {
                preconditionFailure("built-in connector spec '\(name)' does not decode")
            }
            specs[spec.name] = spec
        }
        return ConnectorCatalog(specs: specs)
    }

    public init(specs: [String: ConnectorSpec]) {
        self.specs = specs
    }

    /// Adds (or replaces) connectors from every `*.json` file in `directory`.
    /// - Throws: ``ConnectorSpecError`` naming the file and what is wrong with it.
    public mutating func load(directory: String) throws {
        let url = URL(fileURLWithPath: directory)
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw ConnectorSpecError(file: directory, reason: "cannot list the folder: \(error.localizedDescription)")
        }
        for file in files {
            try add(file: file.path)
        }
    }

    /// Adds (or replaces) the connector in one spec file.
    public mutating func add(file: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw ConnectorSpecError(file: file, reason: "cannot read: \(error.localizedDescription)")
        }
        do {
            let spec = try JSONDecoder().decode(ConnectorSpec.self, from: data)
            specs[spec.name] = spec
        } catch let error as DecodingError {
            throw ConnectorSpecError(file: file, reason: error.readableDescription)
        } catch {
            throw ConnectorSpecError(file: file, reason: "\(error)")
        }
    }

    /// The connector named by a connection's `integration_type`.
    public func spec(_ integrationType: String) -> ConnectorSpec? { specs[integrationType] }
}

/// A connector spec file that cannot be used, and why.
public struct ConnectorSpecError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String

    public var description: String { "connector spec \(file): \(reason)" }
}

extension DecodingError {
    /// "field a.b: what is wrong", readable by someone fixing a JSON file.
    public var readableDescription: String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch self {
        case let .keyNotFound(key, context):
            let parent = path(context.codingPath)
            return "missing field '\(parent.isEmpty ? key.stringValue : parent + "." + key.stringValue)'"
        case let .typeMismatch(type, context):
            return "field '\(path(context.codingPath))' should be \(type): \(context.debugDescription)"
        case let .valueNotFound(type, context):
            return "field '\(path(context.codingPath))' must not be null (expected \(type))"
        case let .dataCorrupted(context):
            let where_ = path(context.codingPath)
            let underlying = (context.underlyingError as NSError?)?.userInfo["NSDebugDescription"] as? String
            let detail = underlying ?? context.debugDescription
            return where_.isEmpty ? detail : "field '\(where_)': \(detail)"
        @unknown default:
            return "\(self)"
        }
    }
}
