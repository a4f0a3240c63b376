import Hummingbird
import Store

extension ManagementAPI {
    /// Every route the API serves and its handler, in the order the OpenAPI document lists them.
    static let endpoints: [APIEndpoint] = [
        APIEndpoint(.get, "/health", .open) { _, _, _ in APIReply.json(.object([("status", .string("ok"))])) },
        APIEndpoint(.get, "/ready", .open) { api, _, _ in
            do {
                // Any read proves the store answers; this one touches no secret.
                _ = try await api.store.setting("ready")
                return APIReply.json(.object([("status", .string("ok"))]))
            } catch {
                return APIReply.json(
                    .object([("status", .string("unavailable")), ("error", .string("the store does not answer: \(error)"))]),
                    status: .serviceUnavailable)
            }
        },
        APIEndpoint(.get, "/openapi.json", .open) { api, _, _ in
            APIReply.jsonText(
                OpenAPIDocument.json(
                    minimumIntervalMinutes: api.settings.minimumIntervalMinutes,
                    maximumBodyBytes: api.settings.maximumBodyBytes))
        },
        APIEndpoint(.post, "/unified/webhook") { api, request, _ in
            let includeAll = try ListQuery.flag(request, "include_all") ?? false
            return try await api.createWebhook(try await api.body(&request), includeAll: includeAll)
        },
        APIEndpoint(.get, "/unified/webhook") { api, request, _ in try await api.listWebhooks(try ListQuery(request)) },
        APIEndpoint(.get, "/unified/webhook/{id}") { api, _, id in
            try await api.webhookResponse(try await api.existingWebhook(id))
        },
        APIEndpoint(.put, "/unified/webhook/{id}") { api, request, id in
            try await api.updateWebhook(id, try await api.body(&request), replace: true)
        },
        APIEndpoint(.patch, "/unified/webhook/{id}") { api, request, id in
            try await api.updateWebhook(id, try await api.body(&request), replace: false)
        },
        APIEndpoint(.delete, "/unified/webhook/{id}") { api, _, id in
            guard try await api.store.deleteWebhook(id: id) else { throw APIError.notFound("no webhook '\(id)'") }
            api.emitter.wake(webhookID: id)
            return APIReply.empty()
        },
        APIEndpoint(.put, "/unified/webhook/{id}/trigger", handler: trigger),
        APIEndpoint(.patch, "/unified/webhook/{id}/trigger", handler: trigger),
        APIEndpoint(.put, "/unified/webhook/{id}/resume", handler: resume),
        APIEndpoint(.patch, "/unified/webhook/{id}/resume", handler: resume),
        APIEndpoint(.get, "/virtualhooks/webhook/{id}/secret") { api, _, id in
            // Unified's webhook object has no secret; receivers verifying `webhook-signature` read it here
            // (delivery.md §10).
            APIReply.json(.object([("key", .string(try await api.existingWebhook(id).secret))]))
        },
        APIEndpoint(.post, "/unified/connection") { api, request, _ in
            let input = ConnectionInput(catalog: api.catalog, settings: api.settings)
            let connection = try input.connection(from: try await api.body(&request), mode: .create)
            try await api.store.saveConnection(connection)
            return APIReply.json(connection.unifiedJSON)
        },
        APIEndpoint(.get, "/unified/connection") { api, request, _ in
            try await api.listConnections(try ListQuery(request))
        },
        APIEndpoint(.get, "/unified/connection/{id}") { api, _, id in
            APIReply.json(try await api.existingConnection(id).unifiedJSON)
        },
        APIEndpoint(.put, "/unified/connection/{id}") { api, request, id in
            try await updateConnection(api, &request, id, replace: true)
        },
        APIEndpoint(.patch, "/unified/connection/{id}") { api, request, id in
            try await updateConnection(api, &request, id, replace: false)
        },
        APIEndpoint(.delete, "/unified/connection/{id}") { api, _, id in
            let webhooks = try await api.store.webhooks().filter { $0.connectionID == id }
            guard try await api.store.deleteConnection(id: id) else {
                throw APIError.notFound("no connection '\(id)'")
            }
            for webhook in webhooks { api.emitter.wake(webhookID: webhook.id) }
            return APIReply.empty()
        },
    ]

    /// Every route the API serves, for documentation checks (the OpenAPI document must list exactly these).
    public static var routes: [APIRoute] { endpoints.map(\.route) }

    /// Polls the webhook's stream now (`PUT` and `PATCH` alike, as Unified accepts both).
    private static func trigger(_ api: APIHandlers, _ request: inout Request, _ id: String) async throws -> Response {
        let webhook = try await api.existingWebhook(id)
        api.pollers.trigger(webhook.stream)
        return APIReply.empty()
    }

    /// Restarts an unhealthy webhook's deliveries and answers with the webhook.
    private static func resume(_ api: APIHandlers, _ request: inout Request, _ id: String) async throws -> Response {
        _ = try await api.existingWebhook(id)
        try await api.emitter.resume(webhookID: id)
        return try await api.webhookResponse(try await api.existingWebhook(id))
    }

    private static func updateConnection(
        _ api: APIHandlers, _ request: inout Request, _ id: String, replace: Bool
    ) async throws -> Response {
        let existing = try await api.existingConnection(id)
        let input = ConnectionInput(catalog: api.catalog, settings: api.settings)
        let connection = try input.connection(
            from: try await api.body(&request), mode: replace ? .replace(existing) : .merge(existing))
        try await api.store.saveConnection(connection)
        return APIReply.json(connection.unifiedJSON)
    }
}
