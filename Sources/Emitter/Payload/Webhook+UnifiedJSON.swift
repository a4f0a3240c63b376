import Store

extension Webhook {
    /// The webhook as Unified's management API shows it (unified.md §1), without `runs` and without the Standard
    /// Webhooks signing secret: the `webhook` member of every payload, and (with `runs` appended) the management
    /// API's webhook object, so the two cannot drift apart. Numbers are JSON numbers (JS form when written by
    /// ``JSWriter``); `fields`, `integration_type`, `checked_at`, the `db_*` fields and `unhealthy_reason` (ours, not
    /// Unified's) are omitted when unset; filter keys are sorted so the bytes are stable.
    /// - Parameter integrationType: the connection's integration type (`hubspot`, `sandbox`), `nil` if unknown.
    public func unifiedJSON(integrationType: String?) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(id)),
            ("created_at", .string(createdAt.iso8601)),
            ("updated_at", .string(updatedAt.iso8601)),
            ("workspace_id", .string(workspaceID)),
            ("connection_id", .string(connectionID)),
            ("hook_url", .string(hookURL)),
            ("object_type", .string(objectType)),
            ("event", .string(event.rawValue)),
            ("interval", .number(interval)),
        ]
        if let fields { members.append(("fields", .string(fields))) }
        let filterMembers = filters.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }
        members.append(("filters", .object(filterMembers)))
        members.append(("page_max_limit", .number(Double(pageMaxLimit))))
        members.append(("is_healthy", .bool(isHealthy)))
        if !isHealthy, let unhealthyReason { members.append(("unhealthy_reason", .string(unhealthyReason))) }
        members.append(("is_paused", .bool(isPaused)))
        members.append(("environment", .string(environment)))
        members.append(("webhook_type", .string(webhookType)))
        if let integrationType { members.append(("integration_type", .string(integrationType))) }
        if let checkedAt { members.append(("checked_at", .string(checkedAt.iso8601))) }
        members.append(("is_beta", .bool(false)))
        let db: [(String, String?)] = [
            ("db_type", database.type), ("db_url", database.url), ("db_schema", database.schema),
            ("db_name_prefix", database.namePrefix),
        ]
        for case let (key, value?) in db { members.append((key, .string(value))) }
        return .object(members)
    }
}
