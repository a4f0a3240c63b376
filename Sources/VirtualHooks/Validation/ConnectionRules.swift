import Pollers

/// The one owner of what a connection definition may say, used by the management API (``ConnectionInput``) and by
/// the configuration file alike.
struct ConnectionRules: Sendable {
    let catalog: ConnectorCatalog
    /// Whether `api_url` may point at private, loopback, link-local or reserved addresses.
    var allowPrivateTargets: Bool

    /// Reads every member present and checks its type, the connector name and the `api_url` target rule.
    /// - Parameters:
    ///   - auth: where `api_url` and `token` (or `access_token`) sit: the API's `auth` object, a file entry itself.
    ///   - requireAll: `integration_type` and `api_url` must be present (create, PUT, a file entry).
    func read(_ fields: DefinitionFields, auth: DefinitionFields, requireAll: Bool) throws(DefinitionError)
        -> ConnectionDefinition
    {
        var definition = ConnectionDefinition()
        if requireAll || fields.has("integration_type") {
            let type = try fields.requiredString("integration_type")
            guard catalog.spec(type) != nil else {
                throw fields.error(
                    "integration_type",
                    "must name a known connector (\(catalog.specs.keys.sorted().joined(separator: ", "))), not '\(type)'")
            }
            definition.integrationType = type
        }
        if requireAll || auth.has("api_url") {
            let url = try auth.requiredString("api_url")
            if let reason = TargetURLRule(allowPrivateTargets: allowPrivateTargets).reason(against: url) {
                throw auth.error("api_url", reason)
            }
            definition.apiURL = url
        }
        definition.token = try auth.string("token")
        if definition.token == nil { definition.token = try auth.string("access_token") }
        definition.categories = try fields.strings("categories")
        definition.permissions = try fields.strings("permissions")
        definition.isPaused = try fields.bool("is_paused")
        definition.environment = try fields.string("environment")
        definition.externalXref = try fields.string("external_xref")
        definition.integrationName = try fields.string("integration_name")
        definition.authName = try auth.string("name")
        definition.authEmails = try auth.strings("emails")
        return definition
    }
}
