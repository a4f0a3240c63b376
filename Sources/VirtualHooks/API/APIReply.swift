import Hummingbird
import Store

/// Builds the API's responses: JSON bodies with an explicit length, and empty 200s.
enum APIReply {
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        json(bytes: JSWriter.serialize(value), status: status)
    }

    /// A document that is already JSON text (the OpenAPI description), sent as it is.
    static func jsonText(_ text: String) -> Response { json(bytes: Array(text.utf8), status: .ok) }

    private static func json(bytes: [UInt8], status: HTTPResponse.Status) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.contentLength] = String(bytes.count)
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func empty() -> Response {
        var fields = HTTPFields()
        fields[.contentLength] = "0"
        return Response(status: .ok, headers: fields, body: ResponseBody())
    }

    static func error(_ error: APIError) -> Response { json(error.json, status: error.status) }
}
