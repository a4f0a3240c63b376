import Pollers
import Store

/// Turns a Webhook request body (unified.md §1, §4) into a validated ``Webhook``, by ``WebhookRules`` (the rules a
/// configuration file's webhooks follow too).
///
/// Create requires `connection_id`, `object_type`, `event` and `hook_url`, PUT `hook_url`; PUT resets absent optional
/// fields to their defaults; PATCH changes only what is present. On PUT/PATCH, `connection_id`, `object_type` and
/// `event` are read-only (the OpenAPI document says so): they may be sent only with the stored values (delete and
/// recreate instead), and `environment` and `webhook_type` are ignored (but held to their declared type).
struct WebhookInput {
    enum Mode {
        case create(includeAll: Bool)
        case replace(Webhook)
        case merge(Webhook)
    }

    let store: Store
    let catalog: ConnectorCatalog
    let settings: ManagementAPISettings

    var rules: WebhookRules {
        WebhookRules(
            minimumIntervalMinutes: settings.minimumIntervalMinutes, allowPrivateTargets: settings.allowPrivateTargets)
    }

    func webhook(from body: BodyFields, mode: Mode, now: Timestamp = .now()) async throws -> Webhook {
        let fields = DefinitionFields(members: body.members)
        var webhook: Webhook
        switch mode {
        case let .create(includeAll):
            let definition = try read(fields, requireStream: true)
            guard let (connectionID, objectType, event) = definition.stream else {
                throw APIError.badRequest("connection_id, object_type and event are required", field: "connection_id")
            }
            webhook = Webhook(
                id: RandomID.objectID(), connectionID: connectionID, objectType: objectType, event: event,
                hookURL: "", includeAll: includeAll, secret: RandomID.webhookSecret(), createdAt: now, updatedAt: now,
                idSalt: RandomID.messageIDSalt())
            webhook.environment = try body.string("environment") ?? "Production"
            let spec = try await checked {
                try rules.checkStream(
                    connectionID: connectionID, objectType: objectType, event: event,
                    connection: try await store.connection(id: connectionID), catalog: catalog, in: fields)
            }
            webhook.webhookType = try Self.webhookType(try body.string("webhook_type"))
            apply(definition, to: &webhook, resetAbsent: true)
            try checkFilters(of: webhook, spec: spec, in: fields)
        case let .replace(existing), let .merge(existing):
            webhook = existing
            _ = try body.string("environment")
            let isPut: Bool
            if case .replace = mode { isPut = true } else { isPut = false }
            let definition = try read(fields, requireStream: false, requireHookURL: isPut)
            try Self.requireUnchanged("connection_id", definition.connectionID, existing.connectionID)
            try Self.requireUnchanged("object_type", definition.objectType, existing.objectType)
            try Self.requireUnchanged("event", definition.event?.rawValue, existing.event.rawValue)
            apply(definition, to: &webhook, resetAbsent: isPut)
            if webhook.filters != existing.filters {
                let spec = try await checked {
                    try rules.spec(
                        connectionID: webhook.connectionID,
                        connection: try await store.connection(id: webhook.connectionID), catalog: catalog, in: fields)
                }
                try checkFilters(of: webhook, spec: spec, in: fields)
            }
            webhook.updatedAt = now
        }
        return webhook
    }

    private func read(_ fields: DefinitionFields, requireStream: Bool, requireHookURL: Bool = false) throws(APIError)
        -> WebhookDefinition
    {
        do {
            return try rules.read(fields, requireStream: requireStream, requireHookURL: requireHookURL)
        } catch { throw APIError(error) }
    }

    private func checkFilters(of webhook: Webhook, spec: ConnectorSpec, in fields: DefinitionFields) throws(APIError) {
        do {
            try rules.checkFilters(webhook.filters, objectType: webhook.objectType, spec: spec, in: fields)
        } catch { throw APIError(error) }
    }

    /// Runs a rule that needs the store, turning its ``DefinitionError`` into the 400.
    private func checked<Result>(_ body: () async throws -> Result) async throws -> Result {
        do { return try await body() } catch let error as DefinitionError { throw APIError(error) }
    }

    /// The writable fields; with `resetAbsent`, an absent field takes its default (create, PUT).
    private func apply(_ definition: WebhookDefinition, to webhook: inout Webhook, resetAbsent: Bool) {
        if let url = definition.hookURL { webhook.hookURL = url }
        if let interval = definition.interval {
            webhook.interval = interval
        } else if resetAbsent {
            webhook.interval = rules.defaultIntervalMinutes
        }
        if let limit = definition.pageMaxLimit {
            webhook.pageMaxLimit = limit
        } else if resetAbsent {
            webhook.pageMaxLimit = WebhookRules.defaultPageMaxLimit
        }
        if definition.fields != nil || resetAbsent { webhook.fields = definition.fields }
        if let filters = definition.filters {
            webhook.filters = filters
        } else if resetAbsent {
            webhook.filters = [:]
        }
        if let paused = definition.isPaused {
            webhook.isPaused = paused
        } else if resetAbsent {
            webhook.isPaused = false
        }
        if definition.dbType != nil || resetAbsent { webhook.database.type = definition.dbType }
        if definition.dbURL != nil || resetAbsent { webhook.database.url = definition.dbURL }
        if definition.dbSchema != nil || resetAbsent { webhook.database.schema = definition.dbSchema }
        if definition.dbNamePrefix != nil || resetAbsent { webhook.database.namePrefix = definition.dbNamePrefix }
    }

    private static func webhookType(_ text: String?) throws(APIError) -> String {
        switch text {
        case nil, "virtual": return "virtual"
        case "native":
            throw .badRequest("no connector has native webhooks yet; use webhook_type virtual", field: "webhook_type")
        case let other?: throw .badRequest("webhook_type must be virtual or native, not '\(other)'", field: "webhook_type")
        }
    }

    /// PUT and PATCH may repeat the stream fields but not change them.
    private static func requireUnchanged(_ key: String, _ value: String?, _ stored: String) throws(APIError) {
        guard let value, value != stored else { return }
        throw .badRequest("\(key) cannot change (it is '\(stored)'); delete and recreate the webhook", field: key)
    }
}
