import Crypto
import Emitter
import Foundation
import Pollers
import Store

extension ServeConfiguration {
    /// Reads and validates a JSON configuration file.
    /// - Parameter minimumIntervalMinutes: the command line's `--min-interval`, which replaces the file's
    ///   `min_interval_minutes` before the webhooks are checked against it.
    /// - Throws: ``ConfigurationError`` naming the field and the line of the first problem found.
    public static func load(file: String, catalog: ConnectorCatalog, minimumIntervalMinutes: Double? = nil) throws
        -> ServeConfiguration
    {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigurationError(file: file, field: "", line: nil, message: "cannot read the file")
        }
        return try parse(Array(data), file: file, catalog: catalog, minimumIntervalMinutes: minimumIntervalMinutes)
    }

    /// Validates a configuration document; `file` only names it in errors.
    ///
    /// Connections and webhooks are held to the management API's rules (``ConnectionRules``, ``WebhookRules``):
    /// same defaults, same ranges, same field names in errors. Every number has a range (README, "Configuration
    /// reference"), and ids must be unique.
    public static func parse(
        _ bytes: [UInt8], file: String, catalog: ConnectorCatalog, minimumIntervalMinutes: Double? = nil
    ) throws -> ServeConfiguration {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ConfigurationError(
                file: file, field: "", line: JSONLocator.line(atOffset: error.offset, in: bytes),
                message: "not valid JSON: \(error.reason)")
        }
        let reader = ConfigReader(minimumIntervalOverride: minimumIntervalMinutes)
        do {
            return try reader.read(root, catalog: catalog)
        } catch {
            throw ConfigurationError(file: file, error, in: bytes)
        }
    }
}

extension ConfigurationError {
    /// `error` at the line of its field, or of the nearest enclosing value the file has (a missing field is
    /// reported at the object that lacks it).
    init(file: String, _ error: DefinitionError, in bytes: [UInt8]) {
        var steps = error.path.steps[...]
        var line = JSONLocator.line(of: Array(steps), in: bytes)
        while line == nil, !steps.isEmpty {
            steps = steps.dropLast()
            line = JSONLocator.line(of: Array(steps), in: bytes)
        }
        self.init(file: file, field: error.field, line: line, message: error.message)
    }
}

/// Walks the parsed document; every error is a ``DefinitionError`` naming its field's path.
private struct ConfigReader {
    let minimumIntervalOverride: Double?

    func read(_ root: JSONValue, catalog: ConnectorCatalog) throws(DefinitionError) -> ServeConfiguration {
        let top = try DefinitionFields(root, at: .root)
        try top.rejectUnknown(allowed: [
            "database", "min_interval_minutes", "connectors_dir", "workspace_secret", "lookback_seconds",
            "safety_lag_seconds", "connections", "webhooks", "listen", "allow_private_targets", "retry_schedule",
        ])
        var config = ServeConfiguration()
        if let database = try top.string("database") {
            guard !database.isEmpty else { throw top.error("database", "must not be empty") }
            config.database = database
        }
        let fileMinimum = try top.number("min_interval_minutes", in: .minimumIntervalMinutes)
        config.minimumIntervalMinutes = minimumIntervalOverride ?? fileMinimum ?? 1
        config.connectorsDirectory = try top.string("connectors_dir")
        config.workspaceSecret = try top.string("workspace_secret")
        config.lookbackSeconds = try top.number("lookback_seconds", in: .lookbackSeconds)
        config.safetyLagSeconds = try top.number("safety_lag_seconds", in: .safetyLagSeconds)
        config.listen = ListenAddress.defaultAddress
        if let text = try top.string("listen") {
            guard let address = ListenAddress(text) else {
                throw top.error("listen", "must be host:port with a port from 0 to 65535 (e.g. 127.0.0.1:8080)")
            }
            config.listen = address
        }
        config.allowPrivateTargets = try top.bool("allow_private_targets") ?? false
        config.retryDelays = try retrySchedule(top)

        var catalog = catalog
        if let dir = config.connectorsDirectory {
            do { try catalog.load(directory: dir) } catch { throw top.error("connectors_dir", "\(error)") }
        }
        // Private targets are checked by `validateTargets(file:)` once the command line had its say.
        let connectionRules = ConnectionRules(catalog: catalog, allowPrivateTargets: true)
        var connectionIndex: [String: Int] = [:]
        for (index, value) in try (top.array("connections") ?? []).enumerated() {
            let entry = try DefinitionFields(value, at: top.path.appending("connections").appending(index: index))
            let connection = try self.connection(entry, rules: connectionRules)
            try Self.requireUnique(connection.id, of: "connections", at: index, in: &connectionIndex, entry)
            config.connections.append(connection)
        }
        let webhookRules = WebhookRules(
            minimumIntervalMinutes: config.minimumIntervalMinutes, allowPrivateTargets: true)
        var webhookIndex: [String: Int] = [:]
        for (index, value) in try (top.array("webhooks") ?? []).enumerated() {
            let entry = try DefinitionFields(value, at: top.path.appending("webhooks").appending(index: index))
            let webhook = try self.webhook(entry, rules: webhookRules, connections: config.connections, catalog)
            try Self.requireUnique(webhook.id, of: "webhooks", at: index, in: &webhookIndex, entry)
            config.webhooks.append(webhook)
        }
        return config
    }

    private func connection(_ entry: DefinitionFields, rules: ConnectionRules) throws(DefinitionError) -> Connection {
        try entry.rejectUnknown(allowed: [
            "id", "integration_type", "api_url", "token", "categories", "permissions", "is_paused",
        ])
        let id = try entry.requiredString("id")
        let definition = try rules.read(entry, auth: entry, requireAll: true)
        guard let type = definition.integrationType, let url = definition.apiURL else {
            throw entry.error("integration_type", "is required")
        }
        return Connection(
            id: id, integrationType: type, apiURL: url, token: definition.token,
            categories: definition.categories ?? [], permissions: definition.permissions ?? [],
            isPaused: definition.isPaused ?? false)
    }

    private func webhook(
        _ entry: DefinitionFields, rules: WebhookRules, connections: [Connection], _ catalog: ConnectorCatalog
    ) throws(DefinitionError) -> WebhookDeclaration {
        try entry.rejectUnknown(allowed: [
            "id", "connection_id", "object_type", "event", "hook_url", "interval", "fields", "filters",
            "page_max_limit", "include_all", "is_paused", "secret",
        ])
        let definition = try rules.read(entry, requireStream: true)
        guard let (connectionID, objectType, event) = definition.stream, let hookURL = definition.hookURL else {
            throw entry.error("connection_id", "is required")
        }
        let spec = try rules.checkStream(
            connectionID: connectionID, objectType: objectType, event: event,
            connection: connections.first { $0.id == connectionID }, catalog: catalog, in: entry)
        let filters = definition.filters ?? [:]
        try rules.checkFilters(filters, objectType: objectType, spec: spec, in: entry)
        let secret = try entry.string("secret")
        if let secret, !(secret.hasPrefix("whsec_") && secret.count > 30) {
            throw entry.error("secret", "must be a whsec_ secret (whsec_ + base64 of 24-64 bytes)")
        }
        let id =
            try entry.has("id") ? entry.requiredString("id")
            : Self.derivedID(connectionID: connectionID, objectType: objectType, event: event, hookURL: hookURL)
        return WebhookDeclaration(
            id: id, connectionID: connectionID, objectType: objectType, event: event, hookURL: hookURL,
            interval: definition.interval ?? rules.defaultIntervalMinutes, fields: definition.fields,
            filters: filters, pageMaxLimit: definition.pageMaxLimit ?? WebhookRules.defaultPageMaxLimit,
            includeAll: try entry.bool("include_all") ?? false, isPaused: definition.isPaused ?? false,
            secret: secret)
    }

    /// Ids name what a declaration creates or updates in the store: two entries with one id would overwrite each
    /// other on every start.
    private static func requireUnique(
        _ id: String, of list: String, at index: Int, in seen: inout [String: Int], _ entry: DefinitionFields
    ) throws(DefinitionError) {
        guard let first = seen[id] else {
            seen[id] = index
            return
        }
        if entry.has("id") {
            throw entry.error("id", "'\(id)' is already the id of \(list)[\(first)]")
        }
        throw DefinitionError(
            entry.path,
            "watches the same stream and delivers to the same hook_url as \(list)[\(first)], so both get the id "
                + "'\(id)'; give each an \"id\"")
    }

    /// `"standard"`, `"extended"` or the delays themselves in seconds (`[0, 1, 2]`: three attempts, the first at
    /// once); at most 50 attempts, each delay at most a day.
    private func retrySchedule(_ top: DefinitionFields) throws(DefinitionError) -> [Duration]? {
        guard let value = top.value("retry_schedule") else { return nil }
        switch value {
        case .string("standard"): return RetrySchedule.standardDelays
        case .string("extended"): return RetrySchedule.extendedDelays
        case let .array(items):
            guard !items.isEmpty, items.count <= 50 else { throw top.error("retry_schedule", "must list 1 to 50 delays") }
            let path = top.path.appending("retry_schedule")
            var delays: [Duration] = []
            for (index, item) in items.enumerated() {
                let range = NumberRange.retryDelaySeconds
                guard let seconds = item.numberValue, range.contains(seconds) else {
                    throw DefinitionError(path.appending(index: index), range.requirement)
                }
                delays.append(.milliseconds(Int64((seconds * 1000).rounded())))
            }
            return delays
        default:
            throw top.error("retry_schedule", "must be \"standard\", \"extended\" or an array of delays in seconds")
        }
    }

    static func derivedID(connectionID: String, objectType: String, event: WebhookEvent, hookURL: String) -> String {
        let material = [connectionID, objectType, event.rawValue, hookURL].joined(separator: "\u{1F}")
        return String(SHA256.hash(data: Array(material.utf8)).hexString.prefix(24))
    }
}
