import Hummingbird
import Logging
import Store

/// Receives webhook POSTs on any path and serves the control endpoints under `/_subscriber`.
struct SubscriberResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let state: SubscriberState
    let output: (@Sendable (String) -> Void)?

    /// Largest accepted body; deliveries stay far below (`delivery.md` caps a body at a few MiB).
    static let maxBodySize = 64 << 20

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        var request = request
        let segments = request.pathSegments
        do {
            if segments.first == "_subscriber" {
                return try await control(Array(segments.dropFirst()), request: &request)
            }
            guard request.method == .post else { return HTTPReply.methodNotAllowed(request) }
            return try await receive(&request)
        } catch let error as BadRequest {
            return HTTPReply.error(.badRequest, error.message)
        } catch let error as BodyTooLarge {
            return HTTPReply.error(.contentTooLarge, error.description)
        }
    }

    // MARK: Payloads

    private func receive(_ request: inout Request) async throws -> Response {
        let body = try await request.boundedBody(limit: Self.maxBodySize)
        let headers = request.headers
        func header(_ names: String...) -> String? {
            for name in names {
                if let field = headers.first(where: { $0.name.canonicalName == name }) { return field.value }
            }
            return nil
        }
        let configuration = state.configuration
        let payload = try? body.withUnsafeReadableBytes { raw in try JSONParser.parse(raw) }
        let webhookID = payload?["webhook"]?["id"]?.keyText
        if let webhookID, let source = configuration.webhookSecretSource, !state.hasOwnWebhookSecret(webhookID),
            let fetched = await source(webhookID)
        {
            state.setWebhookSecret(fetched, for: webhookID)
        }
        let messageID = header("webhook-id", "svix-id")
        let unified =
            payload.map {
                UnifiedSignatureVerifier.verify(
                    payload: $0, workspaceSecret: state.workspaceSecret, encoding: configuration.digestEncoding
                )
            } ?? UnifiedSignatureVerifier.Result(sig: .malformed, sig256: .malformed)
        let standardWebhooks = body.withUnsafeReadableBytes { raw in
            StandardWebhooksVerifier.verify(
                messageID: messageID,
                timestamp: header("webhook-timestamp", "svix-timestamp"),
                signature: header("webhook-signature", "svix-signature"),
                body: raw,
                secret: state.webhookSecret(for: webhookID),
                now: configuration.clock(),
                tolerance: configuration.tolerance
            )
        }
        let records = payload?["data"]?.arrayValue ?? []

        let plan = state.takePlan()
        var status = plan?.status ?? 200
        let acceptable: Set<VerificationOutcome> = [.valid, .noSecret]
        let rejected = !acceptable.contains(unified.sig) || !acceptable.contains(standardWebhooks)
            || !(acceptable.contains(unified.sig256) || unified.sig256 == .missing)
        if plan == nil, configuration.rejectUnverified, rejected { status = 401 }

        let stored = state.record(
            ReceivedPayload(
                sequence: 0,
                path: request.uri.path,
                type: payload?["type"]?.stringValue,
                webhookID: webhookID,
                messageID: messageID,
                recordIDs: records.compactMap { $0["id"]?.keyText },
                recordCount: records.count,
                sig: unified.sig,
                sig256: unified.sig256,
                standardWebhooks: standardWebhooks,
                respondedStatus: status,
                receivedAt: configuration.clock(),
                body: configuration.keepBodies ? Array(body.readableBytesView) : nil
            )
        )
        output?(stored.summaryLine)

        if let delay = plan?.delay, delay > .zero { try await Task.sleep(for: delay) }
        if (200..<300).contains(status) {
            return HTTPReply.json(.object([("ok", .bool(true)), ("sequence", .number(Double(stored.sequence)))]), status: .init(code: status))
        }
        let message = status == 401 && plan == nil ? "signature verification failed" : "injected failure"
        return HTTPReply.error(HTTPResponse.Status(code: status), message)
    }

    // MARK: Control

    private func control(_ path: [String], request: inout Request) async throws -> Response {
        switch (path, request.method) {
        case (["received"], .get):
            let parameters = request.uri.queryParameters
            let since = parameters["since"].flatMap { Int($0) } ?? 0
            let limit = parameters["limit"].flatMap { Int($0) } ?? Int.max
            let received = state.received(since: since).prefix(max(0, limit))
            let summary = state.summary()
            return HTTPReply.json(
                .object([
                    ("summary", summary.json),
                    ("received", .array(received.map(\.reportJSON))),
                ])
            )
        case (["received"], .delete):
            state.clearReceived()
            return HTTPReply.json(.object([("summary", state.summary().json)]))
        case (["summary"], .get):
            return HTTPReply.json(state.summary().json)
        case (["fail"], .post):
            let body = try await request.jsonBody()
            let status = Int(body["status"]?.numberValue ?? 500)
            guard (100...599).contains(status) else { throw BadRequest("status must be an HTTP status code") }
            let count = Int(body["count"]?.numberValue ?? 1)
            guard count >= 1 else { throw BadRequest("count must be at least 1") }
            let delay = body["delay_ms"]?.numberValue ?? 0
            state.plan(.init(status: status, delay: .milliseconds(Int64(max(0, delay))), remaining: count))
            return HTTPReply.json(.object([("planned", .number(Double(count)))]))
        case (["fail"], .delete):
            state.clearPlans()
            return HTTPReply.json(.object([("planned", .number(0))]))
        case (["secrets"], .post):
            let body = try await request.jsonBody()
            if let workspaceSecret = body["workspace_secret"] {
                state.setWorkspaceSecret(workspaceSecret.stringValue)
            }
            if let secret = body["secret"] {
                if let text = secret.stringValue, StandardWebhooksVerifier.secretKey(text) == nil {
                    throw BadRequest("secret must be whsec_ followed by base64")
                }
                state.setWebhookSecret(secret.stringValue, for: body["webhook_id"]?.keyText)
            }
            return HTTPReply.json(.object([("ok", .bool(true))]))
        default:
            return HTTPReply.notFound(request)
        }
    }
}
