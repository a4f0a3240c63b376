import CurlHTTP
import Emitter
import Foundation
import Logging
import Sandbox
import Store
import Testing

/// A logger that drops everything (libraries log; tests do not need to read it).
let quietLogger = Logger(label: "EmitterTests", factory: { _ in SwiftLogNoOpLogHandler() })

/// A real store in a temporary directory with one connection and stream, helpers to append events and create
/// webhooks, and a manual clock.
final class EmitterFixture: Sendable {
    let directory: URL
    let store: Store
    let clock: ManualClock
    let stream = StreamKey(connectionID: "conn_sandbox", objectType: "crm_contact")

    /// - Parameter serving: open the store as `vhooks serve` does (the serve lock and the attempt journal).
    init(serving: Bool = false) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("emitter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try Store(
            path: directory.appendingPathComponent("vhooks.db").path, logger: quietLogger, serving: serving)
        clock = ManualClock()
        try await store.saveConnection(
            Connection(id: stream.connectionID, integrationType: "sandbox", apiURL: "http://127.0.0.1:1"))
    }

    func close() async {
        await store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// A webhook on the fixture's stream (saved, so its cursor starts now, or at 0 with `includeAll`).
    @discardableResult
    func makeWebhook(
        url: String, event: WebhookEvent = .updated, pageMaxLimit: Int = 100, includeAll: Bool = false,
        fields: String? = nil, id: String = RandomID.objectID()
    ) async throws -> Webhook {
        let webhook = Webhook(
            id: id, connectionID: stream.connectionID, objectType: stream.objectType, event: event, hookURL: url,
            interval: 15, fields: fields, pageMaxLimit: pageMaxLimit, includeAll: includeAll,
            secret: RandomID.webhookSecret(), workspaceID: "ws_test", idSalt: RandomID.messageIDSalt())
        try await store.saveWebhook(webhook)
        return webhook
    }

    /// Commits one page of events for `records` (JS-exact bytes), keeping the stream's baseline state unless told.
    @discardableResult
    func append(
        _ records: [JSONValue], source: EventSource = .poll, kind: EventKind = .updated,
        completeBaseline: Bool = false
    ) async throws -> PageCommitResult {
        let now = clock.now()
        // Every appended version is a new revision (the log's identity is stream, record, revision).
        let head = try await store.headSeq(stream)
        let events = records.enumerated().map { index, record in
            ChangeEvent(
                stream: stream, recordID: record["id"]?.keyText ?? "?",
                revision: head + Int64(index) + 1, kind: kind, source: source, versionHash: VersionHash(digestOf: Array(RandomID.hex(bytes: 32).utf8)), previousVersionHash: nil,
                record: JSWriter.serialize(record), occurredAt: now, detectedAt: now)
        }
        var checkpoint = try await store.streamState(stream)
        let result = try await store.commitPage(PageCommit(events: events, checkpoint: checkpoint))
        if completeBaseline {
            checkpoint.baselineComplete = true
            checkpoint.baselineCompleteSeq = result.headSeq
            _ = try await store.commitPage(PageCommit(events: [], checkpoint: checkpoint))
        }
        return result
    }

    /// Marks the stream's baseline complete at the current head.
    func completeBaseline() async throws {
        var checkpoint = try await store.streamState(stream)
        checkpoint.baselineComplete = true
        checkpoint.baselineCompleteSeq = try await store.headSeq(stream)
        _ = try await store.commitPage(PageCommit(events: [], checkpoint: checkpoint))
    }

    func emitter(
        client: any HTTPClient, configuration: EmitterConfiguration = .testing, reports: ReportLog? = nil
    ) -> Emitter {
        var observer: (@Sendable (DeliveryReport) -> Void)?
        if let reports {
            observer = { report in reports.append(report) }
        }
        return Emitter(
            store: store, client: client, configuration: configuration, clock: clock, logger: quietLogger,
            observer: observer)
    }

    /// `count` contact records `c_<offset+1>` … with a few fields.
    static func contacts(_ count: Int, from offset: Int = 0) -> [JSONValue] {
        (offset..<(offset + count)).map { index in
            .object([
                ("id", .string("c_\(index + 1)")),
                ("name", .string("Contact \(index + 1)")),
                ("emails", .array([.object([("email", .string("c\(index + 1)@example.com")), ("type", .string("WORK"))])])),
                ("updated_at", .string("2026-01-10T12:00:00.000Z")),
            ])
        }
    }
}

extension EmitterConfiguration {
    /// No batching wait, a fixed jitter factor of 1.0, short timeouts, private targets allowed (the receivers are
    /// on 127.0.0.1).
    static var testing: EmitterConfiguration {
        var configuration = EmitterConfiguration(
            batchWait: .zero, connectTimeout: .seconds(2), requestTimeout: .seconds(5),
            errorBackoff: .milliseconds(20), unitRandom: { 0.5 })
        configuration.allowPrivateTargets = true
        return configuration
    }
}

/// Collects observer reports.
final class ReportLog: @unchecked Sendable {
    private var reports: [DeliveryReport] = []
    private let lock = NSLock()

    func append(_ report: DeliveryReport) { lock.withLock { reports.append(report) } }
    var all: [DeliveryReport] { lock.withLock { reports } }
}

/// Runs `body` with a recording subscriber on 127.0.0.1 that checks signatures against the store's secrets and the
/// manual clock, and a real curl client; both are shut down afterwards, also on failure.
func withReceiver<T: Sendable>(
    _ fixture: EmitterFixture, _ body: (RecordingSubscriber, CurlHTTPClient) async throws -> T
) async throws -> T {
    let clock = fixture.clock
    let subscriber = RecordingSubscriber(
        configuration: SubscriberConfiguration(
            workspaceSecret: try await fixture.store.workspaceSecret(), clock: { clock.now() }),
        logger: quietLogger)
    let client = CurlHTTPClient(logger: quietLogger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await subscriber.run() }
        do {
            _ = try await subscriber.waitUntilRunning()
            let result = try await body(subscriber, client)
            subscriber.shutdown()
            await client.shutdown()
            try await group.waitForAll()
            return result
        } catch {
            subscriber.shutdown()
            await client.shutdown()
            group.cancelAll()
            throw error
        }
    }
}

extension EmitterFixture {
    /// A webhook whose hook URL is the subscriber's `path`, its Standard Webhooks secret registered there.
    func makeWebhook(
        on subscriber: RecordingSubscriber, path: String = "/hook", event: WebhookEvent = .updated,
        pageMaxLimit: Int = 100, includeAll: Bool = false, fields: String? = nil
    ) async throws -> Webhook {
        let url = try #require(subscriber.url(path: path))
        let webhook = try await makeWebhook(
            url: url, event: event, pageMaxLimit: pageMaxLimit, includeAll: includeAll, fields: fields)
        subscriber.setWebhookSecret(webhook.secret, forWebhook: webhook.id)
        return webhook
    }
}

/// An HTTP client answering from a closure, recording every request: for outcomes the recording subscriber cannot
/// produce (control headers) and for holding one endpoint while another is served.
final class ScriptedHTTPClient: HTTPClient, @unchecked Sendable {
    private let handler: @Sendable (HTTPRequest) async throws -> HTTPResponse
    private var recorded: [HTTPRequest] = []
    private let lock = NSLock()

    init(_ handler: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse) {
        self.handler = handler
    }

    func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { recorded.append(request) }
        return try await handler(request)
    }

    var requests: [HTTPRequest] { lock.withLock { recorded } }
}

extension HTTPRequest {
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// Polls `condition` every 10 ms until it holds or `limit` passes; returns whether it held.
func eventually(within limit: Duration = .seconds(30), _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(10))
    }
    return try await condition()
}
