import Emitter
import Foundation
import Hummingbird
import Logging
import Pollers
import Store

/// What the management API's endpoints do once routed and authenticated (``ManagementAPI/endpoints``): reads and
/// writes through the store, `trigger` reaching the pollers and edits waking the emitter. Throws ``APIError`` for
/// anything the client got wrong; ``APIFallbackMiddleware`` turns it into the JSON error reply.
struct APIHandlers: Sendable {
    let store: Store
    let pollers: PollerService
    let emitter: Emitter
    let catalog: ConnectorCatalog
    let settings: ManagementAPISettings
    let logger: Logger

    // MARK: webhooks

    func createWebhook(_ body: BodyFields, includeAll: Bool) async throws -> Response {
        let input = WebhookInput(store: store, catalog: catalog, settings: settings)
        let webhook = try await input.webhook(from: body, mode: .create(includeAll: includeAll))
        try await store.saveWebhook(webhook)
        logger.info("webhook created", metadata: ["webhook.id": "\(webhook.id)", "stream": "\(webhook.stream)"])
        return try await webhookResponse(webhook)
    }

    func updateWebhook(_ id: String, _ body: BodyFields, replace: Bool) async throws -> Response {
        let existing = try await existingWebhook(id)
        let input = WebhookInput(store: store, catalog: catalog, settings: settings)
        let webhook = try await input.webhook(from: body, mode: replace ? .replace(existing) : .merge(existing))
        try await store.saveWebhook(webhook)
        emitter.wake(webhookID: id)
        return try await webhookResponse(webhook)
    }

    func listWebhooks(_ query: ListQuery) async throws -> Response {
        let integrationTypes = Dictionary(
            try await store.connections().map { ($0.id, $0.integrationType) }, uniquingKeysWith: { a, _ in a })
        let object = query.value("object")
        let connectionID = query.value("connection_id")
        let environment = query.value("env")
        let healthy = try query.bool("is_healthy")
        let integrationType = query.value("integration_type")
        let matching = try await store.webhooks().filter { webhook in
            if let object, webhook.objectType != object { return false }
            if let connectionID, webhook.connectionID != connectionID { return false }
            if let environment, webhook.environment != environment { return false }
            if let healthy, webhook.isHealthy != healthy { return false }
            if let integrationType, integrationTypes[webhook.connectionID] != integrationType { return false }
            return true
        }
        let page = query.page(
            matching, id: \.id, createdAt: \.createdAt, updatedAt: \.updatedAt, name: \.id)
        var items: [JSONValue] = []
        for webhook in page {
            items.append(try await webhookJSON(webhook, integrationType: integrationTypes[webhook.connectionID]))
        }
        return APIReply.json(.array(items))
    }

    func existingWebhook(_ id: String) async throws -> Webhook {
        guard let webhook = try await store.webhook(id: id) else { throw APIError.notFound("no webhook '\(id)'") }
        return webhook
    }

    func webhookResponse(_ webhook: Webhook) async throws -> Response {
        let integrationType = try await store.connection(id: webhook.connectionID)?.integrationType
        return APIReply.json(try await webhookJSON(webhook, integrationType: integrationType))
    }

    func webhookJSON(_ webhook: Webhook, integrationType: String?) async throws -> JSONValue {
        guard case var .object(members) = webhook.unifiedJSON(integrationType: integrationType) else {
            return webhook.unifiedJSON(integrationType: integrationType)
        }
        let runs = try await WebhookRuns(store: store).runs(of: webhook)
        members.append(("runs", .array(runs.map(JSONValue.string))))
        return .object(members)
    }

    // MARK: connections

    func listConnections(_ query: ListQuery) async throws -> Response {
        let environment = query.value("env")
        let externalXref = query.value("external_xref")
        let categories = query.value("categories").map { Set($0.split(separator: ",").map(String.init)) }
        let matching = try await store.connections().filter { connection in
            if let environment, connection.environment != environment { return false }
            if let externalXref, connection.externalXref != externalXref { return false }
            if let categories, categories.isDisjoint(with: connection.categories) { return false }
            return true
        }
        let page = query.page(
            matching, id: \.id, createdAt: \.createdAt, updatedAt: \.updatedAt, name: \.integrationType)
        return APIReply.json(.array(page.map(\.unifiedJSON)))
    }

    func existingConnection(_ id: String) async throws -> Connection {
        guard let connection = try await store.connection(id: id) else {
            throw APIError.notFound("no connection '\(id)'")
        }
        return connection
    }

    // MARK: request plumbing

    func body(_ request: inout Request) async throws -> BodyFields {
        try await RequestBodyReader(limit: settings.maximumBodyBytes).fields(of: &request)
    }
}
