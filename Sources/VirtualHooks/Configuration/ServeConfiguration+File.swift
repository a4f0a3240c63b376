import Crypto
import Emitter
import Foundation
import Pollers
import Store

extension ServeConfiguration {
    /// Reads and validates a JSON configuration file.
    /// - Throws: ``ConfigurationError`` naming the field and the line of the first problem found.
    public static func load(file: String, catalog: ConnectorCatalog) throws -> ServeConfiguration {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigurationError(file: file, field: "", line: nil, message: "cannot read the file")
        }
        return try parse(Array(data), file: file, catalog: catalog)
    }

    /// Validates a configuration document; `file` only names it in errors.
    public static func parse(_ bytes: [UInt8], file: String, catalog: ConnectorCatalog) throws -> ServeConfiguration {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ConfigurationError(
                file: file, field: "", line: JSONLocator.line(atOffset: error.offset, in: bytes),
                message: "not valid JSON: \(error.reason)")
        }
        var reader = ConfigReader(file: file, bytes: bytes)
        return try reader.read(root, catalog: catalog)
    }
}

/// Walks the parsed document, remembering the path so every error names its field and line.
private struct ConfigReader {
    let file: String
    let bytes: [UInt8]

    mutating func read(_ root: JSONValue, catalog: ConnectorCatalog) throws -> ServeConfiguration {
        let top = try object(root, at: [])
        try rejectUnknown(
            top, at: [],
            allowed: [
                "database", "min_interval_minutes", "connectors_dir", "workspace_secret",
                "lookback_seconds", "safety_lag_seconds", "connections", "webhooks", "listen",
                "allow_private_targets", "retry_schedule",
            ])
        var config = ServeConfiguration()
        config.database = try string(top, "database", at: []) ?? config.database
        config.minimumIntervalMinutes = try number(top, "min_interval_minutes", at: []) ?? 1
        config.connectorsDirectory = try string(top, "connectors_dir", at: [])
        config.workspaceSecret = try string(top, "workspace_secret", at: [])
        config.lookbackSeconds = try number(top, "lookback_seconds", at: [])
        config.safetyLagSeconds = try number(top, "safety_lag_seconds", at: [])
        if config.minimumIntervalMinutes <= 0 {
            throw error(at: [.key("min_interval_minutes")], "must be greater than 0")
        }
        config.listen = ListenAddress.defaultAddress
        if let text = try string(top, "listen", at: []) {
            guard let address = ListenAddress(text) else {
                throw error(at: [.key("listen")], "must be host:port (e.g. 127.0.0.1:8080)")
            }
            config.listen = address
        }
        config.allowPrivateTargets = try bool(top, "allow_private_targets", at: []) ?? false
        config.retryDelays = try retrySchedule(top)

        var catalog = catalog
        if let dir = config.connectorsDirectory {
            do { try catalog.load(directory: dir) } catch {
                throw self.error(at: [.key("connectors_dir")], "\(error)")
            }
        }
        for (index, value) in try array(top, "connections", at: []).enumerated() {
            config.connections.append(try connection(value, at: [.key("connections"), .index(index)], catalog))
        }
        let ids = Set(config.connections.map(\.id))
        if ids.count != config.connections.count {
            throw error(at: [.key("connections")], "two connections share one id")
        }
        for (index, value) in try array(top, "webhooks", at: []).enumerated() {
            config.webhooks.append(
                try webhook(
                    value, at: [.key("webhooks"), .index(index)], connections: config.connections, catalog,
                    minimumInterval: config.minimumIntervalMinutes))
        }
        return config
    }

    private func connection(_ value: JSONValue, at path: [JSONLocator.Step], _ catalog: ConnectorCatalog) throws
        -> Connection
    {
        let members = try object(value, at: path)
        try rejectUnknown(
            members, at: path,
            allowed: ["id", "integration_type", "api_url", "token", "categories", "permissions", "is_paused"])
        let id = try required(string(members, "id", at: path), "id", at: path)
        let type = try required(string(members, "integration_type", at: path), "integration_type", at: path)
        guard catalog.spec(type) != nil else {
            throw error(
                at: path + [.key("integration_type")],
                "no connector named '\(type)' (known: \(catalog.specs.keys.sorted().joined(separator: ", ")))")
        }
        let url = try required(string(members, "api_url", at: path), "api_url", at: path)
        guard Self.isHTTPURL(url) else {
            throw error(at: path + [.key("api_url")], "must be an http:// or https:// URL")
        }
        return Connection(
            id: id, integrationType: type, apiURL: url, token: try string(members, "token", at: path),
            categories: try strings(members, "categories", at: path),
            permissions: try strings(members, "permissions", at: path),
            isPaused: try bool(members, "is_paused", at: path) ?? false)
    }

    private func webhook(
        _ value: JSONValue, at path: [JSONLocator.Step], connections: [Connection], _ catalog: ConnectorCatalog,
        minimumInterval: Double
    ) throws -> WebhookDeclaration {
        let members = try object(value, at: path)
        try rejectUnknown(
            members, at: path,
            allowed: [
                "id", "connection_id", "object_type", "event", "hook_url", "interval", "fields", "filters",
                "page_max_limit", "include_all", "is_paused", "secret",
            ])
        let connectionID = try required(string(members, "connection_id", at: path), "connection_id", at: path)
        guard let connection = connections.first(where: { $0.id == connectionID }) else {
            throw error(at: path + [.key("connection_id")], "no connection '\(connectionID)' is declared")
        }
        let objectType = try required(string(members, "object_type", at: path), "object_type", at: path)
        if let spec = catalog.spec(connection.integrationType), spec.object(objectType) == nil {
            throw error(
                at: path + [.key("object_type")],
                "connector '\(spec.name)' cannot list '\(objectType)' (it lists: \(spec.namedObjectTypes.joined(separator: ", ")))"
            )
        }
        let eventText = try required(string(members, "event", at: path), "event", at: path)
        guard let event = WebhookEvent(rawValue: eventText) else {
            throw error(at: path + [.key("event")], "must be created, updated or deleted")
        }
        if event == .deleted {
            throw error(
                at: path + [.key("event")],
                "connector '\(connection.integrationType)' has no delete detection for '\(objectType)'")
        }
        let hookURL = try required(string(members, "hook_url", at: path), "hook_url", at: path)
        guard Self.isHTTPURL(hookURL) else {
            throw error(at: path + [.key("hook_url")], "must be an http:// or https:// URL")
        }
        let interval = try number(members, "interval", at: path) ?? 60
        guard interval >= minimumInterval else {
            throw error(at: path + [.key("interval")], "must be at least \(JSWriter.numberText(minimumInterval)) minutes")
        }
        let limit = try number(members, "page_max_limit", at: path) ?? 100
        guard limit == limit.rounded(), limit >= 1, limit <= 1000 else {
            throw error(at: path + [.key("page_max_limit")], "must be a whole number from 1 to 1000")
        }
        var filters: [String: String] = [:]
        if let raw = members.last(where: { $0.0 == "filters" })?.1 {
            let supported = catalog.spec(connection.integrationType)?.object(objectType)?.filters ?? []
            for (key, value) in try object(raw, at: path + [.key("filters")]) {
                guard let text = value.stringValue else {
                    throw error(at: path + [.key("filters"), .key(key)], "filter values must be strings")
                }
                guard supported.contains(key) else {
                    throw error(
                        at: path + [.key("filters"), .key(key)],
                        "connector '\(connection.integrationType)' cannot filter '\(objectType)' on '\(key)' "
                            + "(supported: \(supported.isEmpty ? "none" : supported.joined(separator: ", ")))")
                }
                filters[key] = text
            }
        }
        let secret = try string(members, "secret", at: path)
        if let secret, !(secret.hasPrefix("whsec_") && secret.count > 30) {
            throw error(at: path + [.key("secret")], "must be a whsec_ secret (whsec_ + base64 of 24-64 bytes)")
        }
        let id =
            try string(members, "id", at: path)
            ?? Self.derivedID(connectionID: connectionID, objectType: objectType, event: event, hookURL: hookURL)
        return WebhookDeclaration(
            id: id, connectionID: connectionID, objectType: objectType, event: event, hookURL: hookURL,
            interval: interval, fields: try string(members, "fields", at: path), filters: filters,
            pageMaxLimit: Int(limit), includeAll: try bool(members, "include_all", at: path) ?? false,
            isPaused: try bool(members, "is_paused", at: path) ?? false, secret: secret)
    }

    /// `"standard"`, `"extended"` or the delays themselves in seconds (`[0, 1, 2]`: three attempts, the first at
    /// once); at most 50 attempts, each delay at most a day.
    private func retrySchedule(_ top: [(String, JSONValue)]) throws -> [Duration]? {
        let path: [JSONLocator.Step] = [.key("retry_schedule")]
        guard let value = member(top, "retry_schedule") else { return nil }
        switch value {
        case .string("standard"): return RetrySchedule.standardDelays
        case .string("extended"): return RetrySchedule.extendedDelays
        case let .array(items):
            guard !items.isEmpty, items.count <= 50 else { throw error(at: path, "must list 1 to 50 delays") }
            return try items.enumerated().map { index, item in
                guard let seconds = item.numberValue, seconds >= 0, seconds <= 86_400 else {
                    throw error(at: path + [.index(index)], "must be a number of seconds from 0 to 86400")
                }
                return .milliseconds(Int64((seconds * 1000).rounded()))
            }
        default:
            throw error(at: path, "must be \"standard\", \"extended\" or an array of delays in seconds")
        }
    }

    static func isHTTPURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty
        else { return false }
        return scheme == "http" || scheme == "https"
    }

    static func derivedID(connectionID: String, objectType: String, event: WebhookEvent, hookURL: String) -> String {
        let material = [connectionID, objectType, event.rawValue, hookURL].joined(separator: "\u{1F}")
        return String(SHA256.hash(data: Array(material.utf8)).hexString.prefix(24))
    }

    // MARK: typed field access, each failure naming its field

    private func error(at path: [JSONLocator.Step], _ message: String) -> ConfigurationError {
        ConfigurationError(
            file: file, field: Self.render(path), line: JSONLocator.line(of: path, in: bytes), message: message)
    }

    private static func render(_ path: [JSONLocator.Step]) -> String {
        var out = ""
        for step in path {
            switch step {
            case let .key(key): out += out.isEmpty ? key : ".\(key)"
            case let .index(index): out += "[\(index)]"
            }
        }
        return out
    }

    private func object(_ value: JSONValue, at path: [JSONLocator.Step]) throws -> [(String, JSONValue)] {
        guard let members = value.objectMembers else { throw error(at: path, "must be a JSON object") }
        return members
    }

    private func rejectUnknown(_ members: [(String, JSONValue)], at path: [JSONLocator.Step], allowed: Set<String>)
        throws
    {
        if let unknown = members.first(where: { !allowed.contains($0.0) }) {
            throw error(
                at: path + [.key(unknown.0)],
                "unknown field (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    private func member(_ members: [(String, JSONValue)], _ key: String) -> JSONValue? {
        guard let value = members.last(where: { $0.0 == key })?.1, value != .null else { return nil }
        return value
    }

    private func required<T>(_ value: T?, _ key: String, at path: [JSONLocator.Step]) throws -> T {
        guard let value else { throw error(at: path, "missing required field '\(key)'") }
        return value
    }

    private func string(_ members: [(String, JSONValue)], _ key: String, at path: [JSONLocator.Step]) throws
        -> String?
    {
        guard let value = member(members, key) else { return nil }
        guard let text = value.stringValue else { throw error(at: path + [.key(key)], "must be a string") }
        return text
    }

    private func number(_ members: [(String, JSONValue)], _ key: String, at path: [JSONLocator.Step]) throws
        -> Double?
    {
        guard let value = member(members, key) else { return nil }
        guard let number = value.numberValue else { throw error(at: path + [.key(key)], "must be a number") }
        return number
    }

    private func bool(_ members: [(String, JSONValue)], _ key: String, at path: [JSONLocator.Step]) throws -> Bool? {
        guard let value = member(members, key) else { return nil }
        guard case let .bool(flag) = value else { throw error(at: path + [.key(key)], "must be true or false") }
        return flag
    }

    private func strings(_ members: [(String, JSONValue)], _ key: String, at path: [JSONLocator.Step]) throws
        -> [String]
    {
        guard let value = member(members, key) else { return [] }
        guard let items = value.arrayValue else { throw error(at: path + [.key(key)], "must be an array of strings") }
        return try items.enumerated().map { index, item in
            guard let text = item.stringValue else {
                throw error(at: path + [.key(key), .index(index)], "must be a string")
            }
            return text
        }
    }

    private func array(_ members: [(String, JSONValue)], _ key: String, at path: [JSONLocator.Step]) throws
        -> [JSONValue]
    {
        guard let value = member(members, key) else { return [] }
        guard let items = value.arrayValue else { throw error(at: path + [.key(key)], "must be an array") }
        return items
    }
}
