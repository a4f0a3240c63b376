import Hummingbird
import Logging

/// The outermost layer of the management API's router: every answer is JSON. An ``APIError`` becomes its reply; a
/// request the router found no endpoint for is 405 with `Allow` when its path is served with other methods, else
/// 404; anything else is the server's fault, logged and answered 500.
struct APIFallbackMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    /// The declared routes, for the methods a path allows.
    let routes: [APIRoute]
    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return APIReply.error(error)
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as HTTPError where error.status == .notFound {
            // The router's own answer when no endpoint matched (handlers throw APIError for unknown ids).
            return unrouted(request)
        } catch {
            logger.error(
                "management API request failed",
                metadata: ["http.method": "\(request.method)", "http.path": "\(request.uri.path)", "vh.error": "\(error)"])
            return APIReply.error(APIError(status: .internalServerError, message: "internal error: \(error)"))
        }
    }

    /// 405 naming the methods the path is served with, or 404. Matched on the raw segments, as the router does.
    private func unrouted(_ request: Request) -> Response {
        let segments = request.uri.path.split(separator: "/").map(String.init)
        let allowed = routes.filter { $0.match(segments) != nil }.map(\.method)
        guard !allowed.isEmpty else { return APIReply.error(APIError.notFound("no route for \(request.uri.path)")) }
        let list = allowed.joined(separator: ", ")
        var response = APIReply.error(
            APIError(
                status: .methodNotAllowed,
                message: "\(request.method) is not allowed on \(request.uri.path) (allowed: \(list))"))
        response.headers[.allow] = list
        return response
    }
}
