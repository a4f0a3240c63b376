import Pollers
import Store

/// Turns a Webhook request body (unified.md §1, §4) into a validated ``Webhook``.
///
/// Create and PUT require `connection_id`, `object_type`, `event` and `hook_url`; PUT resets absent optional fields
/// to their defaults; PATCH changes only what is present. On PUT/PATCH, `connection_id`, `object_type` and `event`
/// must equal the stored values (delete and recreate instead), and `environment` and `webhook_type` are ignored.
struct WebhookInput {
    /// One year: larger intervals are surely mistakes, and would overflow the pollers' durations.
    static let maximumIntervalMinutes = 525_600.0

    enum Mode {
        case create(includeAll: Bool)
        case replace(Webhook)
        case merge(Webhook)
    }

    let store: Store
    let catalog: ConnectorCatalog
    let settings: ManagementAPISettings

    func webhook(from body: BodyFields, mode: Mode, now: Timestamp = .now()) async throws -> Webhook {
        var webhook: Webhook
        switch mode {
        case let .create(includeAll):
            let connectionID = try body.requiredString("connection_id")
            let objectType = try body.requiredString("object_type")
            let event = try Self.event(try body.requiredString("event"))
            webhook = Webhook(
                id: RandomID.objectID(), connectionID: connectionID, objectType: objectType, event: event,
                hookURL: "", includeAll: includeAll, secret: RandomID.webhookSecret(), createdAt: now, updatedAt: now,
                idSalt: RandomID.messageIDSalt())
            webhook.environment = try body.string("environment") ?? "Production"
            try await validateStream(of: webhook)
            webhook.webhookType = try Self.webhookType(try body.string("webhook_type"))
            try applyWritable(body, to: &webhook, resetAbsent: true)
            try await validateFilters(of: webhook)
        case let .replace(existing), let .merge(existing):
            webhook = existing
            let isPut: Bool
            if case .replace = mode { isPut = true } else { isPut = false }
            try Self.requireUnchanged(body, "connection_id", existing.connectionID, required: isPut)
            try Self.requireUnchanged(body, "object_type", existing.objectType, required: isPut)
            if isPut || body.has("event") {
                let event = try Self.event(try body.requiredString("event"))
                guard event == existing.event else {
                    throw APIError.badRequest(
                        "event cannot change (it is '\(existing.event.rawValue)'); delete and recreate the webhook",
                        field: "event")
                }
            }
            try applyWritable(body, to: &webhook, resetAbsent: isPut)
            if webhook.filters != existing.filters { try await validateFilters(of: webhook) }
            webhook.updatedAt = now
        }
        return webhook
    }

    /// The writable fields; with `resetAbsent`, an absent field takes its default (create, PUT).
    private func applyWritable(_ body: BodyFields, to webhook: inout Webhook, resetAbsent: Bool) throws {
        if let url = try body.string("hook_url") {
            if let problem = TargetURLRule(allowPrivateTargets: settings.allowPrivateTargets)
                .problem(with: url, field: "hook_url")
            {
                throw APIError.badRequest(problem, field: "hook_url")
            }
            webhook.hookURL = url
        } else if resetAbsent {
            throw APIError.badRequest("hook_url is required", field: "hook_url")
        }
        if let interval = try body.number("interval") {
            guard interval >= settings.minimumIntervalMinutes else {
                throw APIError.badRequest(
                    "interval must be a number >= \(JSWriter.numberText(settings.minimumIntervalMinutes))",
                    field: "interval")
            }
            guard interval <= Self.maximumIntervalMinutes else {
                throw APIError.badRequest("interval must be at most 525600 minutes (one year)", field: "interval")
            }
            webhook.interval = interval
        } else if resetAbsent {
            webhook.interval = max(60, settings.minimumIntervalMinutes)
        }
        if let limit = try body.number("page_max_limit") {
            guard limit == limit.rounded(), limit >= 1, limit <= 1000 else {
                throw APIError.badRequest("page_max_limit must be a whole number from 1 to 1000", field: "page_max_limit")
            }
            webhook.pageMaxLimit = Int(limit)
        } else if resetAbsent {
            webhook.pageMaxLimit = 100
        }
        if body.has("fields") || resetAbsent {
            webhook.fields = try body.string("fields")
        }
        if let filters = try body.object("filters") {
            var parsed: [String: String] = [:]
            for (key, value) in filters.members where value != .null {
                guard let text = value.stringValue else {
                    throw APIError.badRequest("filters.\(key) must be a string", field: "filters")
                }
                parsed[key] = text
            }
            webhook.filters = parsed
        } else if resetAbsent {
            webhook.filters = [:]
        }
        if let paused = try body.bool("is_paused") {
            webhook.isPaused = paused
        } else if resetAbsent {
            webhook.isPaused = false
        }
    }

    /// The connector spec of the webhook's connection.
    private func spec(of webhook: Webhook) async throws -> ConnectorSpec {
        guard let connection = try await store.connection(id: webhook.connectionID) else {
            throw APIError.badRequest("no connection '\(webhook.connectionID)'", field: "connection_id")
        }
        guard let spec = catalog.spec(connection.integrationType) else {
            throw APIError.badRequest(
                "connection '\(connection.id)' uses unknown connector '\(connection.integrationType)'",
                field: "connection_id")
        }
        return spec
    }

    /// Every filter key must be one the connector declares for the object (`ObjectSpec.filters`): a filter that
    /// would be ignored is refused, so a subscriber never receives records it asked to exclude.
    private func validateFilters(of webhook: Webhook) async throws {
        guard !webhook.filters.isEmpty else { return }
        let spec = try await spec(of: webhook)
        let supported = spec.object(webhook.objectType)?.filters ?? []
        if let unsupported = webhook.filters.keys.sorted().first(where: { !supported.contains($0) }) {
            let known = supported.isEmpty ? "none" : supported.joined(separator: ", ")
            throw APIError.badRequest(
                "filter '\(unsupported)' is not supported by connector '\(spec.name)' on '\(webhook.objectType)' "
                    + "(supported: \(known))",
                field: "filters")
        }
    }

    private func validateStream(of webhook: Webhook) async throws {
        let spec = try await spec(of: webhook)
        guard spec.object(webhook.objectType) != nil else {
            throw APIError.badRequest(
                "connector '\(spec.name)' cannot list '\(webhook.objectType)' (it lists: "
                    + "\(spec.namedObjectTypes.joined(separator: ", ")))",
                field: "object_type")
        }
        if webhook.event == .deleted {
            throw APIError.badRequest(
                "connector '\(spec.name)' has no delete detection for '\(webhook.objectType)'", field: "event")
        }
    }

    private static func event(_ text: String) throws(APIError) -> WebhookEvent {
        guard let event = WebhookEvent(rawValue: text) else {
            throw .badRequest("event must be created, updated or deleted", field: "event")
        }
        return event
    }

    private static func webhookType(_ text: String?) throws(APIError) -> String {
        switch text {
        case nil, "virtual": return "virtual"
        case "native":
            throw .badRequest("no connector has native webhooks yet; use webhook_type virtual", field: "webhook_type")
        case let other?: throw .badRequest("webhook_type must be virtual or native, not '\(other)'", field: "webhook_type")
        }
    }

    private static func requireUnchanged(_ body: BodyFields, _ key: String, _ stored: String, required: Bool)
        throws(APIError)
    {
        guard required || body.has(key) else { return }
        let value = try body.requiredString(key)
        guard value == stored else {
            throw .badRequest("\(key) cannot change (it is '\(stored)'); delete and recreate the webhook", field: key)
        }
    }
}
