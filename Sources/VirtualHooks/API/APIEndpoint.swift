import Hummingbird

/// One route of the management API and what answers it: declared once in ``ManagementAPI/endpoints``, from which
/// the router is built, the OpenAPI check reads the routes and the 405 reply names a path's methods.
struct APIEndpoint: Sendable {
    /// Who may call it: anyone (health, readiness, the OpenAPI document) or a holder of an API token.
    enum Access: Sendable {
        case open
        case token
    }

    /// Answers the request; `id` is the `{id}` path segment, percent-decoded (`""` on routes without one).
    typealias Handler = @Sendable (APIHandlers, inout Request, String) async throws -> Response

    var method: HTTPRequest.Method
    var route: APIRoute
    var access: Access
    var handler: Handler

    init(_ method: HTTPRequest.Method, _ path: String, _ access: Access = .token, handler: @escaping Handler) {
        self.method = method
        self.route = APIRoute(method.rawValue, path)
        self.access = access
        self.handler = handler
    }
}
