import CurlHTTP
import Emitter
import Foundation
import Store
import Testing

/// The deliverer builds the next batch of messages while the current one is being POSTed; the queue's order and its
/// retry rules hold across those batches.
@Suite struct PipelinedDeliveryTests {
    @Test func theNextBatchIsBuiltWhileTheCurrentOneIsPosted() async throws {
        let fixture = try await EmitterFixture()
        var configuration = EmitterConfiguration.testing
        configuration.buildAhead = 8
        let webhook = try await fixture.makeWebhook(url: "http://127.0.0.1:9/hook", pageMaxLimit: 2)
        try await fixture.append(EmitterFixture.contacts(40))
        let seenDuringFirstPOST = Seen()
        let posts = Counter()
        let store = fixture.store
        let client = ScriptedHTTPClient { _ in
            if posts.next() == 1 {
                // The first POST waits (30 s at most) for the second batch of 8 to be stored beside the first.
                _ = try await eventually { try await store.messages(webhookID: webhook.id, limit: 100).count >= 16 }
                seenDuringFirstPOST.set(try await store.messages(webhookID: webhook.id, limit: 100).count)
            }
            return HTTPResponse(status: 200)
        }
        try await fixture.emitter(client: client, configuration: configuration).deliverPending(webhookID: webhook.id)
        #expect(seenDuringFirstPOST.value == 16, "messages stored while the first was being POSTed")
        #expect(client.requests.count == 20)
        let messages = try await fixture.store.messages(webhookID: webhook.id, limit: 100)
        #expect(messages.count == 20 && messages.allSatisfy { $0.status == .delivered && $0.attemptCount == 1 })
        await fixture.close()
    }

    @Test func aRetryInEitherBatchHoldsBackEverythingAfterIt() async throws {
        let fixture = try await EmitterFixture()
        var configuration = EmitterConfiguration.testing
        configuration.buildAhead = 8
        let webhook = try await fixture.makeWebhook(url: "http://127.0.0.1:9/hook", pageMaxLimit: 2)
        try await fixture.append(EmitterFixture.contacts(40))
        // POSTs 3 and 4 (message 3 of the first batch, then its first retry) and 14 (a message of the second or third
        // batch, depending on when the first one's retry ran) are refused.
        let posts = Counter()
        let client = ScriptedHTTPClient { _ in
            let number = posts.next()
            return HTTPResponse(status: [3, 4, 14].contains(number) ? 503 : 200)
        }
        let reports = ReportLog()
        try await fixture.emitter(client: client, configuration: configuration, reports: reports)
            .deliverPending(webhookID: webhook.id)

        let ids = client.requests.compactMap { $0.header("webhook-id") }
        #expect(ids.count == 23)
        // Each message is POSTed until accepted before the next one goes out: the ids never come back once left.
        var distinct: [String] = []
        for id in ids where distinct.last != id { distinct.append(id) }
        #expect(distinct.count == 20 && Set(distinct).count == 20, "ids in POST order: \(ids)")
        let messages = try await fixture.store.messages(webhookID: webhook.id, limit: 100).reversed()
        #expect(Array(messages.map(\.id)) == distinct)
        #expect(messages.allSatisfy { $0.status == .delivered })
        #expect(messages.map(\.attemptCount).reduce(0, +) == 23)
        #expect(reports.all.count == 23)
        #expect(reports.all.filter { $0.status == .pending }.count == 3)
        await fixture.close()
    }
}

/// What a scripted client's handler saw, read by the test afterwards.
private final class Seen: @unchecked Sendable {
    private var number: Int?
    private let lock = NSLock()

    var value: Int? { lock.withLock { number } }
    func set(_ value: Int) { lock.withLock { number = value } }
}
