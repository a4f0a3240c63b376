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

    /// Hummingbird's router over ``endpoints``: the open routes, then a group behind ``APITokenMiddleware``, all
    /// inside ``APIFallbackMiddleware``.
    private let router: RouterResponder<Context>

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
        let handlers = APIHandlers(
            store: store, pollers: pollers, emitter: emitter, catalog: catalog, settings: settings, logger: logger)
        let router = Router(context: Context.self)
        router.add(middleware: APIFallbackMiddleware(routes: Self.routes, logger: logger))
        let open = router.group()
        let guarded = router.group().add(middleware: APITokenMiddleware(store: store))
        for endpoint in Self.endpoints {
            let group = endpoint.access == .open ? open : guarded
            group.on(RouterPath(stringLiteral: endpoint.path), method: endpoint.method) { request, context in
                var request = request
                let id = context.parameters.get("id").map { $0.removingPercentEncoding ?? $0 } ?? ""
                return try await endpoint.handler(handlers, &request, id)
            }
        }
        self.router = router.buildResponder()
    }

    /// Routes, authenticates and answers one request.
    public func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        try await router.respond(to: request, context: context)
    }
}
