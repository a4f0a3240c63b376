import Hummingbird
import Store

/// A request the management API refuses, with the HTTP status and (for 400) the field at fault.
///
/// Rendered as unified.md §3's error body: `{"status": 400, "error": "Bad Request", "message": "…", "field": "…"}`.
struct APIError: Error, CustomStringConvertible {
    var status: HTTPResponse.Status
    var message: String
    var field: String?

    static func badRequest(_ message: String, field: String? = nil) -> APIError {
        APIError(status: .badRequest, message: message, field: field)
    }

    static func notFound(_ message: String) -> APIError { APIError(status: .notFound, message: message) }

    static func unauthorized(_ message: String) -> APIError { APIError(status: .unauthorized, message: message) }

    var description: String {
        "\(status.code) \(message)" + (field.map { " (field \($0))" } ?? "")
    }

    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("status", .number(Double(status.code))),
            ("error", .string(status.reasonPhrase)),
            ("message", .string(message)),
        ]
        if let field { members.append(("field", .string(field))) }
        return .object(members)
    }
}
