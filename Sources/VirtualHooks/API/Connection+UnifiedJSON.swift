import Store

extension Connection {
    /// The connection as Unified's API shows it (unified.md §2), plus `unhealthy_reason` (ours, not Unified's) while
    /// it is unhealthy. Credentials are never echoed: `auth` carries only `api_url`, `name` and `emails`. Optional
    /// fields the client never set are omitted.
    var unifiedJSON: JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(id)),
            ("created_at", .string(createdAt.iso8601)),
            ("updated_at", .string(updatedAt.iso8601)),
            ("workspace_id", .string(workspaceID)),
            ("integration_type", .string(integrationType)),
        ]
        if let integrationName { members.append(("integration_name", .string(integrationName))) }
        if let externalXref { members.append(("external_xref", .string(externalXref))) }
        members += [
            ("environment", .string(environment)),
            ("categories", .array(categories.map(JSONValue.string))),
            ("permissions", .array(permissions.map(JSONValue.string))),
            ("is_paused", .bool(isPaused)),
            ("is_healthy", .bool(isHealthy)),
        ]
        if !isHealthy, let unhealthyReason { members.append(("unhealthy_reason", .string(unhealthyReason))) }
        var auth: [(String, JSONValue)] = [("api_url", .string(apiURL))]
        if let authName { auth.append(("name", .string(authName))) }
        if !authEmails.isEmpty { auth.append(("emails", .array(authEmails.map(JSONValue.string)))) }
        members.append(("auth", .object(auth)))
        return .object(members)
    }
}
