import Foundation
import Hummingbird
import Store

/// Lets a request through to the token-protected routes only with an API token of the store in `authorization`
/// (bare or `bearer `); otherwise ``APIError`` 401, before the handler reads anything.
struct APITokenMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let store: Store

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard var token = request.headers[.authorization]?.trimmingCharacters(in: .whitespaces), !token.isEmpty else {
            throw APIError.unauthorized("missing API token in the authorization header")
        }
        if token.lowercased().hasPrefix("bearer ") {
            token = String(token.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        }
        guard !token.isEmpty, try await store.isValidAPIToken(token) else {
            throw APIError.unauthorized("unknown API token")
        }
        return try await next(request, context)
    }
}
