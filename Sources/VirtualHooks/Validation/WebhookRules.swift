import Pollers
import Store

/// The one owner of what a webhook definition may say, used by the management API (``WebhookInput``) and by the
/// configuration file alike, so a webhook the file declares is one the API would accept, with the same defaults and
/// the same field names in its errors.
struct WebhookRules: Sendable {
    /// unified.md §1: `page_max_limit` when absent.
    static let defaultPageMaxLimit = 100
    /// The stream and the destination: required on create and PUT, and in a configuration file entry.
    static let streamFields = ["connection_id", "object_type", "event", "hook_url"]

    /// The server's smallest `interval`, in minutes.
    var minimumIntervalMinutes: Double
    /// Whether `hook_url` may point at private, loopback, link-local or reserved addresses.
    var allowPrivateTargets: Bool

    /// unified.md §1: 60 minutes, or the server's minimum when that is larger.
    var defaultIntervalMinutes: Double { max(60, minimumIntervalMinutes) }

    /// From the server's minimum to a year (larger values would overflow the pollers' durations).
    var intervalRange: NumberRange { .intervalMinutes(minimum: minimumIntervalMinutes) }

    /// Reads every member present and checks its type, its range and the `hook_url` target rule.
    /// - Parameters:
    ///   - requireStream: the ``streamFields`` must be present (create, a file entry); otherwise each must still be a
    ///     non-empty string when present.
    ///   - requireHookURL: `hook_url` must be present even when the stream fields need not be (PUT, where those are
    ///     read-only).
    func read(_ fields: DefinitionFields, requireStream: Bool, requireHookURL: Bool = false) throws(DefinitionError)
        -> WebhookDefinition
    {
        var definition = WebhookDefinition()
        func streamField(_ key: String) throws(DefinitionError) -> String? {
            requireStream || fields.has(key) || (requireHookURL && key == "hook_url")
                ? try fields.requiredString(key) : nil
        }
        definition.connectionID = try streamField("connection_id")
        definition.objectType = try streamField("object_type")
        if let text = try streamField("event") {
            guard let event = WebhookEvent(rawValue: text) else {
                throw fields.error("event", "must be created, updated or deleted")
            }
            definition.event = event
        }
        if let url = try streamField("hook_url") {
            if let reason = TargetURLRule(allowPrivateTargets: allowPrivateTargets).reason(against: url) {
                throw fields.error("hook_url", reason)
            }
            definition.hookURL = url
        }
        definition.interval = try fields.number("interval", in: intervalRange)
        definition.pageMaxLimit = try fields.number("page_max_limit", in: .pageMaxLimit).map { Int($0) }
        definition.fields = try fields.string("fields")
        if let filters = try fields.object("filters") {
            var parsed: [String: String] = [:]
            for (key, _) in filters.members {
                if let text = try filters.string(key) { parsed[key] = text }
            }
            definition.filters = parsed
        }
        definition.isPaused = try fields.bool("is_paused")
        if let type = try fields.string("db_type") {
            guard WebhookDatabase.types.contains(type) else {
                throw fields.error(
                    "db_type", "must be one of \(WebhookDatabase.types.joined(separator: ", ")), not '\(type)'")
            }
            definition.dbType = type
        }
        definition.dbURL = try fields.string("db_url")
        definition.dbSchema = try fields.string("db_schema")
        definition.dbNamePrefix = try fields.string("db_name_prefix")
        return definition
    }

    /// The connector of the webhook's connection must list `objectType` and detect `event`.
    /// - Parameters:
    ///   - connection: the connection `connection_id` names, `nil` when there is none.
    ///   - fields: the definition, for the error paths.
    /// - Returns: the connector spec, for ``checkFilters(_:objectType:spec:in:)``.
    func checkStream(
        connectionID: String, objectType: String, event: WebhookEvent, connection: Connection?,
        catalog: ConnectorCatalog, in fields: DefinitionFields
    ) throws(DefinitionError) -> ConnectorSpec {
        let spec = try self.spec(connectionID: connectionID, connection: connection, catalog: catalog, in: fields)
        guard spec.object(objectType) != nil else {
            throw fields.error(
                "object_type",
                "must be an object type connector '\(spec.name)' lists (\(spec.namedObjectTypes.joined(separator: ", "))), "
                    + "not '\(objectType)'")
        }
        if event == .deleted {
            throw fields.error(
                "event", "cannot be deleted: connector '\(spec.name)' has no delete detection for '\(objectType)'")
        }
        return spec
    }

    /// The connector spec of the connection a webhook names.
    func spec(connectionID: String, connection: Connection?, catalog: ConnectorCatalog, in fields: DefinitionFields)
        throws(DefinitionError) -> ConnectorSpec
    {
        guard let connection else {
            throw fields.error("connection_id", "must name an existing connection (there is no '\(connectionID)')")
        }
        guard let spec = catalog.spec(connection.integrationType) else {
            throw fields.error(
                "connection_id",
                "names connection '\(connection.id)', whose connector '\(connection.integrationType)' is unknown")
        }
        return spec
    }

    /// Every filter key must be one the connector declares for the object (`ObjectSpec.filters`): a filter that
    /// would be ignored is refused, so a subscriber never receives records it asked to exclude.
    func checkFilters(_ filters: [String: String], objectType: String, spec: ConnectorSpec, in fields: DefinitionFields)
        throws(DefinitionError)
    {
        let supported = spec.object(objectType)?.filters ?? []
        guard let unsupported = filters.keys.sorted().first(where: { !supported.contains($0) }) else { return }
        throw DefinitionError(
            fields.path.appending("filters").appending(unsupported),
            "is not a filter connector '\(spec.name)' supports on '\(objectType)' "
                + "(supported: \(supported.isEmpty ? "none" : supported.joined(separator: ", ")))")
    }
}
