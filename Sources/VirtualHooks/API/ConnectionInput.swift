import Pollers
import Store

/// Turns a Connection request body (unified.md §2) into a validated ``Connection``, by ``ConnectionRules`` (the rules
/// a configuration file's connections follow too).
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
            resetAbsent = true
        case let .replace(existing):
            connection = existing
            resetAbsent = true
        case let .merge(existing):
            connection = existing
            resetAbsent = false
        }
        let before = connection
        let definition: ConnectionDefinition
        do {
            let fields = DefinitionFields(members: body.members)
            let auth = try fields.object("auth") ?? DefinitionFields(members: [], at: FieldPath.root.appending("auth"))
            definition = try ConnectionRules(catalog: catalog, allowPrivateTargets: settings.allowPrivateTargets)
                .read(fields, auth: auth, requireAll: resetAbsent)
        } catch {
            throw APIError(error)
        }
        if let type = definition.integrationType { connection.integrationType = type }
        if let url = definition.apiURL { connection.apiURL = url }
        if definition.token != nil || resetAbsent { connection.token = definition.token }
        if let categories = definition.categories {
            connection.categories = categories
        } else if resetAbsent {
            connection.categories = []
        }
        if let permissions = definition.permissions {
            connection.permissions = permissions
        } else if resetAbsent {
            connection.permissions = []
        }
        if let paused = definition.isPaused {
            connection.isPaused = paused
        } else if resetAbsent {
            connection.isPaused = false
        }
        if case .create = mode { connection.environment = definition.environment ?? "Production" }
        if definition.externalXref != nil || resetAbsent { connection.externalXref = definition.externalXref }
        if definition.integrationName != nil || resetAbsent { connection.integrationName = definition.integrationName }
        if definition.authName != nil || resetAbsent { connection.authName = definition.authName }
        if let emails = definition.authEmails {
            connection.authEmails = emails
        } else if resetAbsent {
            connection.authEmails = []
        }
        // New credentials or a new api_url are how an operator says "fixed": polling tries again.
        if connection.apiURL != before.apiURL || connection.token != before.token { connection.isHealthy = true }
        connection.updatedAt = now
        return connection
    }
}
