import Hummingbird
import Logging
import Store

/// Routes the provider's HTTP API: the CRM List API under `/crm` and the control endpoints under `/sandbox`.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let state: SandboxState

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        let segments = request.pathSegments
        do {
            switch (segments.first, request.method) {
            case ("crm", .get) where segments.count == 2:
                return try await list(object(segments[1]), request: request)
            case ("crm", .get) where segments.count == 3:
                return try get(object(segments[1]), id: segments[2])
            case ("crm", _) where segments.count == 2 || segments.count == 3:
                return HTTPReply.methodNotAllowed(request)
            case ("sandbox", _) where segments.count >= 2:
                return try await control(Array(segments.dropFirst()), request: &request)
            default:
                return HTTPReply.notFound(request)
            }
        } catch let error as BadRequest {
            return HTTPReply.error(.badRequest, error.message)
        } catch let error as BodyTooLarge {
            return HTTPReply.error(.contentTooLarge, error.description)
        } catch let error as SandboxRecordError {
            return HTTPReply.error(.badRequest, error.description)
        } catch let error as UnknownObject {
            return HTTPReply.error(.notFound, "unknown object \"\(error.name)\"; the sandbox serves contacts, companies and deals")
        }
    }

    private struct UnknownObject: Error {
        var name: String
    }

    private func object(_ name: String) throws -> SandboxObject {
        guard let object = SandboxObject(name: name) else { throw UnknownObject(name: name) }
        return object
    }

    // MARK: List API

    private func list(_ object: SandboxObject, request: Request) async throws -> Response {
        state.configuration.listObserver?(object, request.headers[.authorization])
        return try await state.measuringConcurrency { try await answerList(object, request: request) }
    }

    private func answerList(_ object: SandboxObject, request: Request) async throws -> Response {
        let parameters = request.uri.queryParameters
        let query = try ListQuery(
            parameters: { name in parameters[Substring(name)].map(String.init) },
            defaultLimit: state.configuration.defaultLimit,
            maxLimit: state.configuration.maxLimit
        )
        let outcome = state.list(object, query: query)
        switch outcome.fault {
        case nil:
            return HTTPReply.buffer(outcome.page.body(), contentType: "application/json")
        case let .rateLimited(retryAfter)?:
            var headers = HTTPFields()
            if let retryAfter { headers[.retryAfter] = retryAfter }
            return HTTPReply.error(.tooManyRequests, "rate limit exceeded (sandbox fault)", headers: headers)
        case let .status(code)?:
            return HTTPReply.error(HTTPResponse.Status(code: code), "injected failure \(code) (sandbox fault)")
        case let .slow(delay)?:
            try await Task.sleep(for: delay)
            return HTTPReply.buffer(outcome.page.body(), contentType: "application/json")
        case .malformed?:
            var body = outcome.page.body()
            let truncated = body.readSlice(length: body.readableBytes / 2) ?? ByteBuffer()
            return HTTPReply.buffer(truncated, contentType: "application/json")
        case .html?:
            let page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"
            return HTTPReply.bytes(Array(page.utf8), contentType: "text/html; charset=utf-8")
        }
    }

    private func get(_ object: SandboxObject, id: String) throws -> Response {
        guard let record = state.get(object, id: id) else {
            return HTTPReply.error(.notFound, "no \(object) record with id \"\(id)\"")
        }
        return HTTPReply.json(record)
    }

    // MARK: Control API

    private func control(_ path: [String], request: inout Request) async throws -> Response {
        switch (path, request.method) {
        case (["mutate"], .post):
            let body = try await request.jsonBody()
            guard let name = body["object"]?.stringValue else { throw BadRequest("mutate needs \"object\"") }
            let mutation = state.mutate(
                try object(name),
                updates: Int(body["updates"]?.numberValue ?? 0),
                creates: Int(body["creates"]?.numberValue ?? 0)
            )
            return HTTPReply.json(
                .object([
                    ("object", .string(mutation.object.rawValue)),
                    ("updated", .array(mutation.updated)),
                    ("created", .array(mutation.created)),
                ])
            )
        case let (path, .post) where path.count == 2 && path[0] == "records":
            let record = try state.upsert(try await request.jsonBody(), into: try object(path[1]))
            return HTTPReply.json(record)
        case let (path, .delete) where path.count == 3 && path[0] == "records":
            let object = try object(path[1])
            guard state.delete(id: path[2], from: object) else {
                return HTTPReply.error(.notFound, "no \(object) record with id \"\(path[2])\"")
            }
            return Response(status: .noContent)
        case (["late-write"], .post):
            return try lateWrite(try await request.jsonBody())
        case (["late-write", "reveal"], .post):
            let body = try await request.jsonBody()
            let object = try body["object"]?.stringValue.map { try self.object($0) }
            let revealed = state.revealLateWrites(of: object)
            return HTTPReply.json(.object([("revealed", .number(Double(revealed)))]))
        case (["faults"], .post):
            state.injectFault(try SandboxFault(json: try await request.jsonBody()))
            return faultsResponse()
        case (["faults"], .get):
            return faultsResponse()
        case (["faults"], .delete):
            state.clearFaults()
            return faultsResponse()
        case (["stats"], .get):
            return HTTPReply.json(state.stats().json)
        case (["reset-stats"], .post):
            state.resetStats()
            return HTTPReply.json(state.stats().json)
        default:
            return HTTPReply.notFound(request)
        }
    }

    private func lateWrite(_ body: JSONValue) throws -> Response {
        guard let name = body["object"]?.stringValue else { throw BadRequest("late-write needs \"object\"") }
        guard let record = body["record"] else { throw BadRequest("late-write needs \"record\"") }
        let visibility: LateWriteVisibility
        if let requests = body["visible_after_requests"]?.numberValue {
            guard requests >= 0 else { throw BadRequest("visible_after_requests must not be negative") }
            visibility = .afterRequests(Int(requests))
        } else if let delay = body["visible_after_ms"]?.numberValue {
            visibility = .after(state.configuration.clock() + .milliseconds(Int64(delay)))
        } else if body["hold"] == .bool(true) {
            visibility = .whenRevealed
        } else {
            visibility = .now
        }
        let stored = try state.lateWrite(record, into: try object(name), visibility: visibility)
        return HTTPReply.json(.object([("record", stored), ("visible", .bool(visibility == .now))]))
    }

    private func faultsResponse() -> Response {
        HTTPReply.json(.object([("faults", .array(state.pendingFaults().map(\.json)))]))
    }
}
