import Emitter
import Foundation
import Hummingbird
import Logging
import Pollers
import Store

/// The Unified-compatible management API (unified.md §3, §4): webhooks and connections over HTTP, backed by the
/// store, with `trigger` reaching the pollers and `resume` the emitter.
///
/// Guarantees: every response is JSON (or empty for delete and trigger); client input never causes a 5xx (bad
/// input is 400 naming the field, unknown ids 404, oversized bodies 413, wrong methods 405); every route except
/// `/health`, `/ready` and `/openapi.json` needs an API token in `authorization` (bare or `bearer `), else 401.
public struct ManagementAPI: HTTPResponder, Sendable {
    /// Hummingbird's basic context: the API keeps no per-request state beyond the request itself.
    public typealias Context = BasicRequestContext

    /// Every route the API serves, for documentation checks (the OpenAPI document must list exactly these).
    public static let routes: [APIRoute] = [
        APIRoute("GET", "/health"), APIRoute("GET", "/ready"), APIRoute("GET", "/openapi.json"),
        APIRoute("POST", "/unified/webhook"), APIRoute("GET", "/unified/webhook"),
        APIRoute("GET", "/unified/webhook/{id}"), APIRoute("PUT", "/unified/webhook/{id}"),
        APIRoute("PATCH", "/unified/webhook/{id}"), APIRoute("DELETE", "/unified/webhook/{id}"),
        APIRoute("PUT", "/unified/webhook/{id}/trigger"), APIRoute("PATCH", "/unified/webhook/{id}/trigger"),
        APIRoute("PUT", "/unified/webhook/{id}/resume"), APIRoute("PATCH", "/unified/webhook/{id}/resume"),
        APIRoute("GET", "/virtualhooks/webhook/{id}/secret"),
        APIRoute("POST", "/unified/connection"), APIRoute("GET", "/unified/connection"),
        APIRoute("GET", "/unified/connection/{id}"), APIRoute("PUT", "/unified/connection/{id}"),
        APIRoute("PATCH", "/unified/connection/{id}"), APIRoute("DELETE", "/unified/connection/{id}"),
    ]

    let store: Store
    let pollers: PollerService
    let emitter: Emitter
    let catalog: ConnectorCatalog
    let settings: ManagementAPISettings
    let logger: Logger

    /// - Parameters:
    ///   - store: where webhooks, connections and tokens live.
    ///   - pollers: `trigger` asks them to poll a stream now.
    ///   - emitter: `resume` restarts an unhealthy webhook's deliveries; edits wake its deliverer.
    ///   - catalog: the connectors `integration_type` may name.
    ///   - settings: minimum interval, private-target policy, body limit.
    ///   - logger: request failures that are the server's fault are logged here.
    public init(
        store: Store, pollers: PollerService, emitter: Emitter, catalog: ConnectorCatalog,
        settings: ManagementAPISettings, logger: Logger
    ) {
        self.store = store
        self.pollers = pollers
        self.emitter = emitter
        self.catalog = catalog
        self.settings = settings
        self.logger = logger
    }

    /// Routes, authenticates and answers one request.
    public func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        do {
            return try await route(&request)
        } catch let error as APIError {
            return APIReply.error(error)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.error(
                "management API request failed",
                metadata: ["http.method": "\(request.method)", "http.path": "\(request.uri.path)", "vh.error": "\(error)"])
            return APIReply.error(APIError(status: .internalServerError, message: "internal error: \(error)"))
        }
    }

    private func route(_ request: inout Request) async throws -> Response {
        let segments = request.uri.path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        let method = request.method.rawValue
        let matches = Self.routes.compactMap { route in route.match(segments).map { (route, $0) } }
        guard !matches.isEmpty else { throw APIError.notFound("no route for \(request.uri.path)") }
        guard let (route, id) = matches.first(where: { $0.0.method == method }) else {
            let allowed = matches.map(\.0.method).joined(separator: ", ")
            var response = APIReply.error(
                APIError(
                    status: .methodNotAllowed,
                    message: "\(method) is not allowed on \(request.uri.path) (allowed: \(allowed))"))
            response.headers[.allow] = allowed
            return response
        }
        switch route.path {
        case "/health": return APIReply.json(.object([("status", .string("ok"))]))
        case "/ready":
            do {
                // Any read proves the store answers; this one touches no secret.
                _ = try await store.setting("ready")
                return APIReply.json(.object([("status", .string("ok"))]))
            } catch {
                return APIReply.json(
                    .object([("status", .string("unavailable")), ("error", .string("the store does not answer: \(error)"))]),
                    status: .serviceUnavailable)
            }
        case "/openapi.json":
            return APIReply.jsonText(
                OpenAPIDocument.json(
                    minimumIntervalMinutes: settings.minimumIntervalMinutes, maximumBodyBytes: settings.maximumBodyBytes))
        default: break
        }
        try await authenticate(request)
        switch (route.method, route.path) {
        case ("POST", "/unified/webhook"):
            let includeAll = try ListQuery.flag(request, "include_all") ?? false
            return try await createWebhook(try await body(&request), includeAll: includeAll)
        case ("GET", "/unified/webhook"): return try await listWebhooks(try ListQuery(request))
        case ("GET", "/unified/webhook/{id}"): return try await webhookResponse(try await existingWebhook(id))
        case ("PUT", "/unified/webhook/{id}"):
            return try await updateWebhook(id, try await body(&request), replace: true)
        case ("PATCH", "/unified/webhook/{id}"):
            return try await updateWebhook(id, try await body(&request), replace: false)
        case ("DELETE", "/unified/webhook/{id}"):
            guard try await store.deleteWebhook(id: id) else { throw APIError.notFound("no webhook '\(id)'") }
            emitter.wake(webhookID: id)
            return APIReply.empty()
        case (_, "/unified/webhook/{id}/trigger"):
            let webhook = try await existingWebhook(id)
            pollers.trigger(webhook.stream)
            return APIReply.empty()
        case (_, "/unified/webhook/{id}/resume"):
            _ = try await existingWebhook(id)
            try await emitter.resume(webhookID: id)
            return try await webhookResponse(try await existingWebhook(id))
        case ("GET", "/virtualhooks/webhook/{id}/secret"):
            // Unified's webhook object has no secret; receivers verifying `webhook-signature` read it here
            // (delivery.md §10).
            return APIReply.json(.object([("key", .string(try await existingWebhook(id).secret))]))
        case ("POST", "/unified/connection"):
            let input = ConnectionInput(catalog: catalog, settings: settings)
            let connection = try input.connection(from: try await body(&request), mode: .create)
            try await store.saveConnection(connection)
            return APIReply.json(connection.unifiedJSON)
        case ("GET", "/unified/connection"): return try await listConnections(try ListQuery(request))
        case ("GET", "/unified/connection/{id}"): return APIReply.json(try await existingConnection(id).unifiedJSON)
        case ("PUT", "/unified/connection/{id}"), ("PATCH", "/unified/connection/{id}"):
            let existing = try await existingConnection(id)
            let input = ConnectionInput(catalog: catalog, settings: settings)
            let mode: ConnectionInput.Mode = route.method == "PUT" ? .replace(existing) : .merge(existing)
            let connection = try input.connection(from: try await body(&request), mode: mode)
            try await store.saveConnection(connection)
            return APIReply.json(connection.unifiedJSON)
        case ("DELETE", "/unified/connection/{id}"):
            let webhooks = try await store.webhooks().filter { $0.connectionID == id }
            guard try await store.deleteConnection(id: id) else { throw APIError.notFound("no connection '\(id)'") }
            for webhook in webhooks { emitter.wake(webhookID: webhook.id) }
            return APIReply.empty()
        default:
            throw APIError.notFound("no route for \(method) \(request.uri.path)")
        }
    }

    // MARK: webhooks

    private func createWebhook(_ body: BodyFields, includeAll: Bool) async throws -> Response {
        let input = WebhookInput(store: store, catalog: catalog, settings: settings)
        let webhook = try await input.webhook(from: body, mode: .create(includeAll: includeAll))
        try await store.saveWebhook(webhook)
        logger.info("webhook created", metadata: ["webhook.id": "\(webhook.id)", "stream": "\(webhook.stream)"])
        return try await webhookResponse(webhook)
    }

    private func updateWebhook(_ id: String, _ body: BodyFields, replace: Bool) async throws -> Response {
        let existing = try await existingWebhook(id)
        let input = WebhookInput(store: store, catalog: catalog, settings: settings)
        let webhook = try await input.webhook(from: body, mode: replace ? .replace(existing) : .merge(existing))
        try await store.saveWebhook(webhook)
        emitter.wake(webhookID: id)
        return try await webhookResponse(webhook)
    }

    private func listWebhooks(_ query: ListQuery) async throws -> Response {
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

    private func existingWebhook(_ id: String) async throws -> Webhook {
        guard let webhook = try await store.webhook(id: id) else { throw APIError.notFound("no webhook '\(id)'") }
        return webhook
    }

    private func webhookResponse(_ webhook: Webhook) async throws -> Response {
        let integrationType = try await store.connection(id: webhook.connectionID)?.integrationType
        return APIReply.json(try await webhookJSON(webhook, integrationType: integrationType))
    }

    private func webhookJSON(_ webhook: Webhook, integrationType: String?) async throws -> JSONValue {
        guard case var .object(members) = webhook.unifiedJSON(integrationType: integrationType) else {
            return webhook.unifiedJSON(integrationType: integrationType)
        }
        let runs = try await WebhookRuns(store: store).runs(of: webhook)
        members.append(("runs", .array(runs.map(JSONValue.string))))
        return .object(members)
    }

    // MARK: connections

    private func listConnections(_ query: ListQuery) async throws -> Response {
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

    private func existingConnection(_ id: String) async throws -> Connection {
        guard let connection = try await store.connection(id: id) else {
            throw APIError.notFound("no connection '\(id)'")
        }
        return connection
    }

    // MARK: request plumbing

    private func authenticate(_ request: Request) async throws {
        guard var token = request.headers[.authorization]?.trimmingCharacters(in: .whitespaces), !token.isEmpty else {
            throw APIError.unauthorized("missing API token in the authorization header")
        }
        if token.lowercased().hasPrefix("bearer ") {
            token = String(token.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        }
        guard !token.isEmpty, try await store.isValidAPIToken(token) else {
            throw APIError.unauthorized("unknown API token")
        }
    }

    private func body(_ request: inout Request) async throws -> BodyFields {
        try await RequestBodyReader(limit: settings.maximumBodyBytes).fields(of: &request)
    }
}
