import Hummingbird
import Store

/// Builds the responses both sandbox servers send: JSON bodies written by ``JSWriter`` (no Foundation JSON, so
/// `/` and non-ASCII text reach clients exactly as JavaScript would print them).
enum HTTPReply {
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        bytes(JSWriter.serialize(value), status: status, contentType: "application/json", headers: headers)
    }

    static func bytes(
        _ bytes: [UInt8],
        status: HTTPResponse.Status = .ok,
        contentType: String,
        headers: HTTPFields = [:]
    ) -> Response {
        buffer(ByteBuffer(bytes: bytes), status: status, contentType: contentType, headers: headers)
    }

    static func buffer(
        _ buffer: ByteBuffer,
        status: HTTPResponse.Status = .ok,
        contentType: String,
        headers: HTTPFields = [:]
    ) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        fields[.contentLength] = String(buffer.readableBytes)
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: buffer))
    }

    /// `{"status":N,"error":"<reason phrase>","message":"…"}`, the error shape of the management API.
    static func error(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) -> Response {
        json(
            .object([
                ("status", .number(Double(status.code))),
                ("error", .string(status.reasonPhrase)),
                ("message", .string(message)),
            ]),
            status: status,
            headers: headers
        )
    }

    static func notFound(_ request: Request) -> Response {
        error(.notFound, "no route for \(request.method) \(request.uri.path)")
    }

    static func methodNotAllowed(_ request: Request) -> Response {
        error(.methodNotAllowed, "\(request.method) is not allowed on \(request.uri.path)")
    }
}
