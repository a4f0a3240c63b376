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
    /// With `{id}` for the id segment, as Hummingbird's router and the OpenAPI document write it.
    var path: String
    var access: Access
    var handler: Handler

    /// The method and path as the OpenAPI check and the 405 reply see them.
    var route: APIRoute { APIRoute(method.rawValue, path) }

    init(_ method: HTTPRequest.Method, _ path: String, _ access: Access = .token, handler: @escaping Handler) {
        self.method = method
        self.path = path
        self.access = access
        self.handler = handler
    }
}
