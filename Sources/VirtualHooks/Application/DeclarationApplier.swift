import Store

/// Creates or updates the connections and webhooks a configuration file declares, so restarting with the same
/// file changes nothing and editing it updates what it names. Entries created over the API are left alone.
struct DeclarationApplier {
    let store: Store

    func apply(_ configuration: ServeConfiguration) async throws {
        if let secret = configuration.workspaceSecret {
            try await store.setSetting("workspace_secret", secret)
        }
        for declared in configuration.connections {
            var connection = declared
            if let existing = try await store.connection(id: declared.id) {
                connection.createdAt = existing.createdAt
                connection.workspaceID = existing.workspaceID
                // Re-declaring a connection is how an operator says "fixed": it is healthy again.
                connection.isHealthy = true
                if existing == connection { continue }
            }
            connection.updatedAt = .now()
            try await store.saveConnection(connection)
        }
        for declared in configuration.webhooks {
            let existing = try await store.webhook(id: declared.id)
            var webhook =
                existing
                ?? Webhook(
                    id: declared.id, connectionID: declared.connectionID, objectType: declared.objectType,
                    event: declared.event, hookURL: declared.hookURL,
                    secret: declared.secret ?? RandomID.webhookSecret(), idSalt: RandomID.messageIDSalt())
            webhook.connectionID = declared.connectionID
            webhook.objectType = declared.objectType
            webhook.event = declared.event
            webhook.hookURL = declared.hookURL
            webhook.interval = declared.interval
            webhook.fields = declared.fields
            webhook.filters = declared.filters
            webhook.pageMaxLimit = declared.pageMaxLimit
            webhook.includeAll = declared.includeAll
            webhook.isPaused = declared.isPaused
            if let secret = declared.secret { webhook.secret = secret }
            if let existing, existing == webhook { continue }
            webhook.updatedAt = .now()
            try await store.saveWebhook(webhook)
        }
    }
}
