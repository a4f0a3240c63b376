import Hummingbird
import Store

/// Reads a request's JSON body within the size limit, turning every way a client can frame it badly into an
/// ``APIError``: a declared or actual length over the limit is 413 (answered before reading, so a client waiting on
/// `Expect: 100-continue` hears it at once); a body that ends before its `Content-Length`, malformed chunked encoding
/// or any other failure of the body stream is 400; text that is not a JSON object is 400.
struct RequestBodyReader {
    /// Largest body accepted, in bytes.
    let limit: Int

    func fields(of request: inout Request) async throws -> BodyFields {
        if let declared = request.headers[.contentLength], let length = Int(declared), length > limit {
            throw tooLarge
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw tooLarge
        } catch {
            // The body stream fails only on the client's framing: an early end of input (a Content-Length longer
            // than what was sent) or an HTTP parser error (malformed chunked encoding).
            throw APIError.badRequest("the request body could not be read (malformed or truncated framing: \(error))")
        }
        guard buffer.readableBytes > 0 else { throw APIError.badRequest("the request body must be a JSON object") }
        let value: JSONValue
        do {
            value = try buffer.withUnsafeReadableBytes { raw in try JSONParser.parse(raw) }
        } catch {
            throw APIError.badRequest("the request body is not valid JSON: \(error)")
        }
        return try BodyFields(value)
    }

    private var tooLarge: APIError {
        APIError(status: .contentTooLarge, message: "request body exceeds \(limit) bytes")
    }
}
