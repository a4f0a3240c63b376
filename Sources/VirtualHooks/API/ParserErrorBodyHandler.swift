import HTTPTypes
import HummingbirdCore
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import Store

/// Gives the 400 Hummingbird writes for a request its HTTP parser refuses (a malformed request line or header, broken
/// chunked framing after the route answered) the API's JSON error body, so every 4xx a client sees is an ``APIError``.
///
/// Hummingbird answers a parser error with an empty `400` and closes; this handler, placed after its HTTP codec,
/// notes the parser error on the way in and fills in that one response's body on the way out. Every other response
/// passes untouched.
final class ParserErrorBodyHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var parserError: HTTPParserError?

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? HTTPParserError { parserError = error }
        context.fireErrorCaught(error)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard let error = parserError, case .head(var head) = unwrapOutboundIn(data), head.status == .badRequest,
            head.headerFields[.contentLength] == "0"
        else {
            context.write(data, promise: promise)
            return
        }
        parserError = nil
        let body = JSWriter.serialize(APIError.badRequest("the request is not valid HTTP/1.1 (\(error))").json)
        head.headerFields[.contentType] = "application/json; charset=utf-8"
        head.headerFields[.contentLength] = String(body.count)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(context.channel.allocator.buffer(bytes: body))), promise: promise)
    }
}
