extension Migration {
    /// Hardening columns (issue 7), in one migration so every piece of that work shares one schema version:
    /// - `webhooks.id_salt`: random per webhook, mixed into every message id so `webhook-id`s never repeat across
    ///   databases (a fresh database with the same config-declared webhook id). Webhooks that existed before keep
    ///   `''`, so the ids of their messages already in flight stay the same.
    /// - `webhooks.unhealthy_reason`, `connections.unhealthy_reason`: why a webhook or connection is unhealthy (a
    ///   target refused by the destination rule at start or use, retries exhausted), shown in the API.
    /// - Unified connection fields that are stored and echoed: `external_xref`, `integration_name`, `environment`,
    ///   `auth_name`, `auth_emails` (JSON array text); and the webhook's `db_*` fields (stored, no effect).
    static let v4Hardening = Migration(
        version: 4, name: "message id salt, unhealthy reasons, echoed Unified fields",
        sql: """
            ALTER TABLE webhooks ADD COLUMN id_salt TEXT NOT NULL DEFAULT '';
            ALTER TABLE webhooks ADD COLUMN unhealthy_reason TEXT;
            ALTER TABLE webhooks ADD COLUMN db_type TEXT;
            ALTER TABLE webhooks ADD COLUMN db_url TEXT;
            ALTER TABLE webhooks ADD COLUMN db_schema TEXT;
            ALTER TABLE webhooks ADD COLUMN db_name_prefix TEXT;
            ALTER TABLE connections ADD COLUMN unhealthy_reason TEXT;
            ALTER TABLE connections ADD COLUMN external_xref TEXT;
            ALTER TABLE connections ADD COLUMN integration_name TEXT;
            ALTER TABLE connections ADD COLUMN environment TEXT NOT NULL DEFAULT 'Production';
            ALTER TABLE connections ADD COLUMN auth_name TEXT;
            ALTER TABLE connections ADD COLUMN auth_emails TEXT;
            CREATE INDEX connections_by_external_xref ON connections (external_xref);
            """)
}
