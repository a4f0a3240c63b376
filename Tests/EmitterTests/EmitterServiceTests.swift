import CurlHTTP
@testable import Emitter
import Foundation
import Sandbox
import Store
import Testing

/// The `Service`: a deliverer per webhook with work under a task group, started by the commits of its stream and by
/// changes to it, ended when idle or deleted, delivering to different webhooks concurrently, stopping on cancellation.
@Suite struct EmitterServiceTests {
    @Test func runDeliversNewEventsAndPicksUpWebhooksAsTheyComeAndGo() async throws {
        let fixture = try await EmitterFixture()
        try await withReceiver(fixture) { subscriber, client in
            let first = try await fixture.makeWebhook(on: subscriber, path: "/first")
            let emitter = fixture.emitter(client: client)
            let service = Task { try await emitter.run() }

            try await fixture.append(EmitterFixture.contacts(3))
            #expect(try await eventually { subscriber.received().flatMap(\.recordIDs).count == 3 })
            // With everything delivered the deliverer ends: an idle webhook holds no task.
            #expect(try await eventually { emitter.running.withLockedValue { $0.isEmpty } })

            // A webhook created while running is picked up; only events after its creation reach it. The commit
            // starts both deliverers again.
            let second = try await fixture.makeWebhook(on: subscriber, path: "/second")
            try await fixture.append(EmitterFixture.contacts(2, from: 3))
            #expect(try await eventually {
                let paths = subscriber.received().map(\.path)
                return paths.filter { $0 == "/first" }.count == 2 && paths.filter { $0 == "/second" }.count == 1
            })

            // A deleted webhook's deliverer ends; the others keep going.
            #expect(try await fixture.store.deleteWebhook(id: second.id))
            #expect(try await eventually { emitter.running.withLockedValue { $0[second.id] == nil } })
            try await fixture.append(EmitterFixture.contacts(1, from: 5))
            #expect(try await eventually { subscriber.received().filter { $0.path == "/first" }.count == 3 })
            #expect(subscriber.received().filter { $0.path == "/second" }.count == 1)
            #expect(subscriber.received().allSatisfy { $0.isVerified })
            #expect(subscriber.received().filter { $0.path == "/first" }.flatMap(\.recordIDs) == (1...6).map { "c_\($0)" })
            _ = first

            // Cancellation stops the service and every deliverer (the wait for it is the test's time limit).
            service.cancel()
            try await service.value
            #expect(emitter.running.withLockedValue { $0.isEmpty })
        }
        await fixture.close()
    }

    @Test func differentWebhooksAreDeliveredConcurrently() async throws {
        let fixture = try await EmitterFixture()
        let gate = Gate()
        let client = ScriptedHTTPClient { request in
            if request.url.hasSuffix("/slow") { await gate.wait() }
            return HTTPResponse(status: 200)
        }
        let slow = try await fixture.makeWebhook(url: "http://127.0.0.1:9/slow")
        let fast = try await fixture.makeWebhook(url: "http://127.0.0.1:9/fast")
        try await fixture.append(EmitterFixture.contacts(1))
        let reports = ReportLog()
        let emitter = fixture.emitter(client: client, reports: reports)
        let service = Task { try await emitter.run() }

        // The fast webhook is delivered while the slow one's POST is still held open.
        #expect(try await eventually { reports.all.contains { $0.webhookID == fast.id && $0.status == .delivered } })
        #expect(!reports.all.contains { $0.webhookID == slow.id })
        #expect(client.requests.contains { $0.url.hasSuffix("/slow") })
        await gate.open()
        #expect(try await eventually { reports.all.contains { $0.webhookID == slow.id && $0.status == .delivered } })
        service.cancel()
        try await service.value
        await fixture.close()
    }

    @Test func requestsCarryTheDeliveryHeadersAndLimits() async throws {
        let fixture = try await EmitterFixture()
        let client = ScriptedHTTPClient { _ in HTTPResponse(status: 204) }
        let webhook = try await fixture.makeWebhook(url: "http://127.0.0.1:9/hook")
        try await fixture.append(EmitterFixture.contacts(1))
        try await fixture.emitter(client: client).deliverPending(webhookID: webhook.id)

        let request = try #require(client.requests.first)
        #expect(client.requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.url == webhook.hookURL)
        #expect(!request.followRedirects)
        #expect(request.connectTimeout == .seconds(2) && request.timeout == .seconds(5))
        #expect(request.maxResponseBytes == 20 * 1024)
        #expect(request.header("content-type") == "application/json")
        #expect(request.header("user-agent") == "VirtualHooks/0.1")
        let message = try #require(try await fixture.store.messages(webhookID: webhook.id, limit: 1).first)
        #expect(request.header("webhook-id") == message.id)
        let timestamp = fixture.clock.now().microseconds / 1_000_000
        #expect(request.header("webhook-timestamp") == String(timestamp))
        let body = try #require(request.body)
        #expect(body == message.body)
        try StandardWebhooksSigner(secret: webhook.secret).verify(
            messageID: request.header("webhook-id"), timestamp: request.header("webhook-timestamp"),
            signature: request.header("webhook-signature"), body: body, now: timestamp)
        await fixture.close()
    }

    @Test func abortMessageMovesOnAndTransportErrorsAreRetried() async throws {
        let fixture = try await EmitterFixture()
        let calls = Counter()
        let client = ScriptedHTTPClient { request in
            switch calls.next() {
            case 1: throw CurlHTTPError(kind: .connect, message: "refused", url: request.url)
            case 2: return HTTPResponse(status: 422, headers: [HTTPHeader("webhook-delivery", "abort-message")])
            default: return HTTPResponse(status: 200)
            }
        }
        let webhook = try await fixture.makeWebhook(url: "http://127.0.0.1:9/hook", pageMaxLimit: 1)
        try await fixture.append(EmitterFixture.contacts(2))
        let reports = ReportLog()
        try await fixture.emitter(client: client, reports: reports).deliverPending(webhookID: webhook.id)

        #expect(reports.all.map(\.status) == [.pending, .aborted, .delivered])
        #expect(reports.all.map(\.errorClass) == ["connect", "http", nil])
        #expect(reports.all.map(\.attempt) == [1, 2, 1])
        #expect(Set(reports.all.prefix(2).map(\.messageID)).count == 1)
        #expect(try await fixture.store.webhook(id: webhook.id)?.isHealthy == true)
        let messages = try await fixture.store.messages(webhookID: webhook.id, limit: 5)
        #expect(messages.map(\.status) == [.delivered, .aborted])
        await fixture.close()
    }

    @Test func deliverPendingRejectsUnknownWebhooks() async throws {
        let fixture = try await EmitterFixture()
        let emitter = fixture.emitter(client: ScriptedHTTPClient { _ in HTTPResponse(status: 200) })
        await #expect(throws: EmitterError.unknownWebhook(id: "nope")) { try await emitter.deliverPending(webhookID: "nope") }
        await #expect(throws: EmitterError.unknownWebhook(id: "nope")) { try await emitter.resume(webhookID: "nope") }
        await fixture.close()
    }
}

/// A one-shot barrier for scripted clients.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        guard !isOpen else { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters = []
    }
}

/// A thread-safe call counter (1, 2, 3, …).
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func next() -> Int { lock.withLock { value += 1; return value } }
}
