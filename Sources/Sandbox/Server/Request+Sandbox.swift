import Foundation
import Hummingbird
import Store

extension Request {
    /// The path split into percent-decoded segments, empty segments dropped (`/crm/contacts/` → `crm`, `contacts`).
    var pathSegments: [String] {
        uri.path.split(separator: "/").map { segment in
            String(segment).removingPercentEncoding ?? String(segment)
        }
    }

    /// The request body parsed as JSON; an empty body is `{}` so control endpoints may be called without one.
    mutating func jsonBody(limit: Int = 16 << 20) async throws -> JSONValue {
        let buffer = try await boundedBody(limit: limit)
        if buffer.readableBytes == 0 { return .object([]) }
        do {
            return try buffer.withUnsafeReadableBytes { raw in try JSONParser.parse(raw) }
        } catch {
            throw BadRequest("request body is not valid JSON: \(error)")
        }
    }
}

extension Request {
    /// The whole body, or ``BodyTooLarge`` when it exceeds `limit` bytes.
    mutating func boundedBody(limit: Int) async throws -> ByteBuffer {
        do {
            return try await collectBody(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw BodyTooLarge(limit: limit)
        }
    }
}

/// A request body above the server's limit; answered with 413.
struct BodyTooLarge: Error, CustomStringConvertible {
    var limit: Int
    var description: String { "request body exceeds \(limit) bytes" }
}

/// A client mistake in a control or List request; answered with 400 and the message.
struct BadRequest: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
