import Foundation
import Store

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A response as tests look at it: status, headers by lowercase name, raw body.
public struct TestHTTPResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Header values by lowercase name.
    public var headers: [String: String]
    /// The body bytes as received.
    public var body: [UInt8]

    /// The value of header `name` (any letter case).
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed with the product's own JSON parser (key order kept).
    public func json() throws -> JSONValue { try JSONParser.parse(body) }
}

/// A minimal HTTP client for tests that talk to the sandbox servers (Foundation's `URLSession`, so test targets
/// need no extra dependency). Non-2xx statuses are returned, not thrown; redirects are not followed.
public enum TestHTTP {
    /// GET `url`.
    public static func get(_ url: String, headers: [String: String] = [:]) async throws -> TestHTTPResponse {
        try await send("GET", url, headers: headers)
    }

    /// POST `json` (serialized as JavaScript would) with `content-type: application/json`.
    public static func post(_ url: String, json: JSONValue, headers: [String: String] = [:]) async throws -> TestHTTPResponse {
        var headers = headers
        headers["content-type"] = headers["content-type"] ?? "application/json"
        return try await send("POST", url, headers: headers, body: JSWriter.serialize(json))
    }

    /// POST raw `body` bytes exactly as given (for signature tests).
    public static func post(_ url: String, body: [UInt8], headers: [String: String] = [:]) async throws -> TestHTTPResponse {
        try await send("POST", url, headers: headers, body: body)
    }

    /// DELETE `url`.
    public static func delete(_ url: String) async throws -> TestHTTPResponse {
        try await send("DELETE", url)
    }

    /// Any request; `timeout` bounds the whole exchange.
    public static func send(
        _ method: String,
        _ url: String,
        headers: [String: String] = [:],
        body: [UInt8]? = nil,
        timeout: Duration = .seconds(10)
    ) async throws -> TestHTTPResponse {
        guard let target = URL(string: url) else { throw TestHTTPError(url: url, message: "not a URL") }
        var request = URLRequest(url: target)
        request.httpMethod = method
        request.timeoutInterval = Double(timeout.components.seconds) + 0.001
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body { request.httpBody = Data(body) }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else {
            throw TestHTTPError(url: url, message: "not an HTTP response")
        }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return TestHTTPResponse(status: http.statusCode, headers: fields, body: Array(data))
    }

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }()

    private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
        func urlSession(
            _ session: URLSession,
            task: URLSessionTask,
            willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest,
            completionHandler: @escaping @Sendable (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }
    }
}

/// A test request that could not be made.
public struct TestHTTPError: Error, CustomStringConvertible {
    /// The URL of the request.
    public var url: String
    /// What went wrong.
    public var message: String
    public var description: String { "\(url): \(message)" }
}
