import Store

/// Why a management-API call failed, worded for the person at the terminal.
enum APIClientError: Error, CustomStringConvertible {
    /// No connection could be made (refused, unresolvable host, timeout).
    case unreachable(baseURL: String, reason: String)
    /// The connection broke mid-exchange.
    case transport(method: String, url: String, reason: String)
    /// The server answered with a non-2xx status; `body` is its JSON error document when it sent one.
    case failure(status: Int, method: String, path: String, body: JSONValue?, text: String)
    /// A 2xx response whose body is not the JSON the command expects.
    case invalidResponse(method: String, path: String, reason: String)

    var description: String {
        switch self {
        case let .unreachable(baseURL, reason):
            return "the VirtualHooks API is not reachable at \(baseURL) (\(reason)); is `vhooks serve` running? "
                + "Pass --api or set VHOOKS_API"
        case let .transport(method, url, reason):
            return "\(method) \(url) failed: \(reason)"
        case let .failure(status, method, path, body, text):
            var message = "\(method) \(path) failed with HTTP \(status)"
            let detail = body?["message"]?.stringValue ?? body?["error"]?.stringValue
            if let detail {
                message += ": \(detail)"
            } else if !text.isEmpty {
                message += ": \(text)"
            }
            if let field = body?["field"]?.stringValue, !field.isEmpty { message += " (field: \(field))" }
            if status == 401 { message += "; pass a token from `vhooks token create` with --token or VHOOKS_TOKEN" }
            return message
        case let .invalidResponse(method, path, reason):
            return "\(method) \(path) returned a body that is not the expected JSON: \(reason)"
        }
    }
}
