import Pollers
import Store

/// Turns a Connection request body (unified.md §2) into a validated ``Connection``.
///
/// `integration_type` must name a connector of the catalog; `auth.token` and `auth.api_url` map to the provider
/// credential and base URL (`api_url` is required on create and PUT and passes the same URL rules as `hook_url`).
/// PUT resets absent optional fields; PATCH changes only what is present (and, inside `auth`, only its present keys).
/// `external_xref`, `integration_name`, `auth.name` and `auth.emails` are stored and echoed; `environment` is taken on
/// create (default `"Production"`) and ignored on update, as for webhooks (Unified's SDK sends its default every time).
struct ConnectionInput {
    enum Mode {
        case create
        case replace(Connection)
        case merge(Connection)
    }

    let catalog: ConnectorCatalog
    let settings: ManagementAPISettings

    func connection(from body: BodyFields, mode: Mode, now: Timestamp = .now()) throws -> Connection {
        var connection: Connection
        let resetAbsent: Bool
        switch mode {
        case .create:
            connection = Connection(
                id: RandomID.objectID(), integrationType: "", apiURL: "", createdAt: now, updatedAt: now)
            connection.environment = try body.string("environment") ?? "Production"
            resetAbsent = true
        case let .replace(existing):
            connection = existing
            resetAbsent = true
        case let .merge(existing):
            connection = existing
            resetAbsent = false
        }
        // Ignored on update, but held to its declared type all the same.
        if case .create = mode {} else { _ = try body.string("environment") }
        let before = connection
        if resetAbsent || body.has("integration_type") {
            let type = try body.requiredString("integration_type")
            guard catalog.spec(type) != nil else {
                throw APIError.badRequest(
                    "no connector named '\(type)' (known: \(catalog.specs.keys.sorted().joined(separator: ", ")))",
                    field: "integration_type")
            }
            connection.integrationType = type
        }
        let auth = try body.object("auth")
        if let url = try auth?.string("api_url", prefix: "auth.") {
            if let problem = TargetURLRule(allowPrivateTargets: settings.allowPrivateTargets)
                .problem(with: url, field: "auth.api_url")
            {
                throw APIError.badRequest(problem, field: "auth.api_url")
            }
            connection.apiURL = url
        } else if resetAbsent {
            throw APIError.badRequest("auth.api_url is required (the provider's base URL)", field: "auth.api_url")
        }
        if let token = try auth?.string("token", prefix: "auth.") {
            connection.token = token
        } else if let token = try auth?.string("access_token", prefix: "auth.") {
            connection.token = token
        } else if resetAbsent {
            connection.token = nil
        }
        if let categories = try body.strings("categories") {
            connection.categories = categories
        } else if resetAbsent {
            connection.categories = []
        }
        if let permissions = try body.strings("permissions") {
            connection.permissions = permissions
        } else if resetAbsent {
            connection.permissions = []
        }
        if let paused = try body.bool("is_paused") {
            connection.isPaused = paused
        } else if resetAbsent {
            connection.isPaused = false
        }
        // New credentials or a new api_url are how an operator says "fixed": polling tries again.
        if connection.apiURL != before.apiURL || connection.token != before.token { connection.isHealthy = true }
        if body.has("external_xref") || resetAbsent { connection.externalXref = try body.string("external_xref") }
        if body.has("integration_name") || resetAbsent {
            connection.integrationName = try body.string("integration_name")
        }
        if auth?.has("name") == true || resetAbsent { connection.authName = try auth?.string("name", prefix: "auth.") }
        if let emails = try auth?.strings("emails", prefix: "auth.") {
            connection.authEmails = emails
        } else if resetAbsent {
            connection.authEmails = []
        }
        connection.updatedAt = now
        return connection
    }
}
