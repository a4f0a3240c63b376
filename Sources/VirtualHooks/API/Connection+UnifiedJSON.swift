import Store

extension Connection {
    /// The connection as Unified's API shows it (unified.md §2), plus `unhealthy_reason` (ours, not Unified's) while
    /// it is unhealthy. Credentials are never echoed: `auth` carries only `api_url`.
    var unifiedJSON: JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(id)),
            ("created_at", .string(createdAt.iso8601)),
            ("updated_at", .string(updatedAt.iso8601)),
            ("workspace_id", .string(workspaceID)),
            ("integration_type", .string(integrationType)),
            ("environment", .string("Production")),
            ("categories", .array(categories.map(JSONValue.string))),
            ("permissions", .array(permissions.map(JSONValue.string))),
            ("is_paused", .bool(isPaused)),
            ("is_healthy", .bool(isHealthy)),
        ]
        if !isHealthy, let unhealthyReason { members.append(("unhealthy_reason", .string(unhealthyReason))) }
        members.append(("auth", .object([("api_url", .string(apiURL))])))
        return .object(members)
    }
}
