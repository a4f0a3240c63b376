import CurlHTTP
import Foundation
import Logging
import Store

/// The management API as the CLI speaks it: one base URL, one bearer token, JSON in and out.
///
/// Every call either returns the parsed 2xx body or throws an ``APIClientError`` saying what failed and where: the
/// server's `message`/`error` and `field` for a 4xx/5xx, "not reachable" when no connection could be made.
struct APIClient: Sendable {
    /// `http(s)://host:port`, without a trailing slash.
    let baseURL: String
    let token: String?
    private let http: CurlHTTPClient

    private init(baseURL: String, token: String?, http: CurlHTTPClient) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.token = token
        self.http = http
    }

    /// Runs `body` with a client, then shuts its HTTP loop down (also when `body` throws).
    static func with<Result>(
        baseURL: String, token: String?, logger: Logger, _ body: (APIClient) async throws -> Result
    ) async throws -> Result {
        let http = CurlHTTPClient(maxConnectionsPerHost: 1, userAgent: "vhooks-cli/0.1", logger: logger)
        let client = APIClient(baseURL: baseURL, token: token, http: http)
        do {
            let result = try await body(client)
            await http.shutdown()
            return result
        } catch {
            await http.shutdown()
            throw error
        }
    }

    /// Sends one request; `path` is appended to the base URL (its segments already escaped with ``escape(_:)``).
    /// - Returns: the response body (possibly empty) of a 2xx response.
    func send(
        _ method: String, _ path: String, query: [(String, String)] = [], body: JSONValue? = nil
    ) async throws -> [UInt8] {
        var url = baseURL + path
        if !query.isEmpty {
            url += "?" + query.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&")
        }
        var headers = [HTTPHeader("accept", "application/json")]
        if let token { headers.append(HTTPHeader("authorization", "bearer \(token)")) }
        let bytes = body.map(JSWriter.serialize)
        if bytes != nil { headers.append(HTTPHeader("content-type", "application/json")) }
        let request = HTTPRequest(
            method: method, url: url, headers: headers, body: bytes, connectTimeout: .seconds(5),
            timeout: .seconds(30), maxResponseBytes: 64 << 20, followRedirects: false)
        let response: HTTPResponse
        do {
            response = try await http.execute(request)
        } catch let error as CurlHTTPError {
            switch error.kind {
            case .connect, .dns, .timeout, .tls:
                throw APIClientError.unreachable(baseURL: baseURL, reason: error.message)
            default:
                throw APIClientError.transport(method: method, url: url, reason: error.description)
            }
        }
        guard (200..<300).contains(response.status) else {
            throw APIClientError.failure(
                status: response.status, method: method, path: path, body: try? JSONParser.parse(response.body),
                text: String(decoding: response.body.prefix(500), as: UTF8.self))
        }
        return response.body
    }

    /// Like ``send(_:_:query:body:)``, and parses the body as JSON.
    func json(
        _ method: String, _ path: String, query: [(String, String)] = [], body: JSONValue? = nil
    ) async throws -> (value: JSONValue, bytes: [UInt8]) {
        let bytes = try await send(method, path, query: query, body: body)
        do {
            return (try JSONParser.parse(bytes), bytes)
        } catch {
            throw APIClientError.invalidResponse(method: method, path: path, reason: "\(error)")
        }
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters: safe for a path segment and a query value.
    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
