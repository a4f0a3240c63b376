import Foundation
import Hummingbird
import Logging

/// A loopback HTTP server that answers every request with the JSON text `answer` gives for its target (path and
/// query), and records what it received: for tests of where a client sends what (a provider's next link to another
/// origin, and whether the credential went with it).
public final class ScriptedJSONServer: @unchecked Sendable {
    /// One request as the server saw it.
    public struct ReceivedRequest: Sendable, Equatable {
        public var method: String
        /// The path and query (`/items?page=2`).
        public var target: String
        /// The `Authorization` header, `nil` if none was sent.
        public var authorization: String?
    }

    fileprivate let answer: @Sendable (String) -> String
    private let lock = NSLock()
    private var log: [ReceivedRequest] = []
    private var port: Int?

    init(answer: @escaping @Sendable (String) -> String) {
        self.answer = answer
    }

    /// Every request received so far, in arrival order.
    public var received: [ReceivedRequest] { lock.withLock { log } }

    fileprivate func record(_ request: ReceivedRequest) {
        lock.withLock { log.append(request) }
    }

    fileprivate func markRunning(port: Int) {
        lock.withLock { self.port = port }
    }

    fileprivate var boundPort: Int? { lock.withLock { port } }
}

private struct ScriptedResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let server: ScriptedJSONServer

    func respond(to request: Request, context: Context) async throws -> Response {
        let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        server.record(
            ScriptedJSONServer.ReceivedRequest(
                method: request.method.rawValue, target: target, authorization: request.headers[.authorization]))
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: server.answer(target))))
    }
}

/// Starts a ``ScriptedJSONServer`` on 127.0.0.1 with a free port, runs `body` with it and its port, then stops it.
/// - Parameter answer: the JSON body for a request target (path and query).
public func withScriptedJSONServer<Result>(
    answer: @escaping @Sendable (String) -> String,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (ScriptedJSONServer, Int) async throws -> Result
) async throws -> Result {
    let server = ScriptedJSONServer(answer: answer)
    let application = Application(
        responder: ScriptedResponder(server: server),
        configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in server.markRunning(port: channel.localAddress?.port ?? -1) },
        logger: .test("scripted-json"))
    return try await withRunningServer(
        run: { try await application.run() },
        waitUntilRunning: {
            try await waitUntil("the scripted JSON server listens", timeout: .seconds(30)) { server.boundPort != nil }
            return server.boundPort ?? -1
        },
        // Nothing to ask: the grace period ends in cancellation, which closes the server.
        shutdown: {}, grace: .milliseconds(100)
    ) { port in
        try await body(server, port)
    }
}
