import CurlHTTP
@testable import Emitter
import Sandbox
import Store
import Testing

/// Delivery through the real store (SQLite in a temp dir) to the Sandbox's recording subscriber on 127.0.0.1,
/// which verifies `sig`, `sig256` and the Standard Webhooks signature of every POST.
@Suite struct DeliveryTests {
    @Test func eventsAreBatchedAtPageMaxLimit() async throws {
        let fixture = try await EmitterFixture()
        try await withReceiver(fixture) { subscriber, client in
            let webhook = try await fixture.makeWebhook(on: subscriber, pageMaxLimit: 100)
            try await fixture.append(EmitterFixture.contacts(250))
            let reports = ReportLog()
            try await fixture.emitter(client: client, reports: reports).deliverPending(webhookID: webhook.id)

            let received = subscriber.received()
            #expect(received.map(\.recordCount) == [100, 100, 50])
            #expect(received.allSatisfy { $0.type == "VIRTUAL" && $0.isVerified && $0.webhookID == webhook.id })
            #expect(received.flatMap(\.recordIDs) == (1...250).map { "c_\($0)" })
            let messages = try await fixture.store.messages(webhookID: webhook.id, limit: 10).reversed()
            #expect(messages.map(\.id) == received.compactMap(\.messageID))
            #expect(messages.allSatisfy { $0.status == .delivered && $0.attemptCount == 1 })
            #expect(messages.map(\.id) == messages.map {
                DeliveryMessage.makeID(
                    webhookID: webhook.id, salt: webhook.idSalt, firstSeq: $0.firstSeq, lastSeq: $0.lastSeq)
            })
            #expect(reports.all.map(\.status) == [.delivered, .delivered, .delivered])
            #expect(reports.all.map(\.records) == [100, 100, 50])
            // The stored body is exactly what went over the wire.
            #expect(Array(messages).map(\.body) == received.compactMap(\.body))
            // Nothing more to send.
            try await fixture.emitter(client: client).deliverPending(webhookID: webhook.id)
            #expect(subscriber.received().count == 3)
        }
        await fixture.close()
    }

    @Test func onlyTheWebhooksEventKindsAndNothingBeforeItsCreation() async throws {
        let fixture = try await EmitterFixture()
        try await withReceiver(fixture) { subscriber, client in
            try await fixture.append(EmitterFixture.contacts(5))  // before the webhook: not delivered
            let created = try await fixture.makeWebhook(on: subscriber, path: "/created", event: .created)
            let deleted = try await fixture.makeWebhook(on: subscriber, path: "/deleted", event: .deleted)
            try await fixture.append(EmitterFixture.contacts(2, from: 10), kind: .created)
            try await fixture.append(EmitterFixture.contacts(1, from: 10), kind: .updated)
            try await fixture.append(EmitterFixture.contacts(1, from: 11), kind: .deleted)
            let emitter = fixture.emitter(client: client)
            try await emitter.deliverPending(webhookID: created.id)
            try await emitter.deliverPending(webhookID: deleted.id)
            let byPath = Dictionary(grouping: subscriber.received(), by: \.path)
            #expect(byPath["/created"]?.flatMap(\.recordIDs) == ["c_11", "c_12"])
            #expect(byPath["/deleted"]?.flatMap(\.recordIDs) == ["c_12"])
            #expect(subscriber.received().allSatisfy { $0.isVerified })
        }
        await fixture.close()
    }

    @Test func initialSyncPagesThenIncrementalBatches() async throws {
        let fixture = try await EmitterFixture()
        try await withReceiver(fixture) { subscriber, client in
            let webhook = try await fixture.makeWebhook(on: subscriber, pageMaxLimit: 100, includeAll: true)
            try await fixture.append(EmitterFixture.contacts(250), source: .backfill, kind: .created, completeBaseline: true)
            try await fixture.append(EmitterFixture.contacts(2, from: 300), source: .poll, kind: .updated)
            try await fixture.append(EmitterFixture.contacts(2, from: 400), source: .native, kind: .updated)
            try await fixture.append(EmitterFixture.contacts(1, from: 500), source: .poll, kind: .updated)
            try await fixture.emitter(client: client).deliverPending(webhookID: webhook.id)

            let received = subscriber.received()
            #expect(received.map(\.type) == [
                "INITIAL-PARTIAL", "INITIAL-PARTIAL", "INITIAL-COMPLETE", "VIRTUAL", "NATIVE", "VIRTUAL",
            ])
            #expect(received.map(\.recordCount) == [100, 100, 50, 2, 2, 1])
            #expect(received.allSatisfy { $0.isVerified })
            let cursor = try #require(try await fixture.store.deliveryCursor(webhookID: webhook.id))
            #expect(cursor.initialPhase == .complete)
            #expect(cursor.builtSeq == (try await fixture.store.headSeq(fixture.stream)))
        }
        await fixture.close()
    }

    @Test func initialSyncWaitsForFullPagesAndEndsWithAnEmptyPageWhenTheLastWasFull() async throws {
        let fixture = try await EmitterFixture()
        try await withReceiver(fixture) { subscriber, client in
            let webhook = try await fixture.makeWebhook(on: subscriber, pageMaxLimit: 100, includeAll: true)
            let emitter = fixture.emitter(client: client)
            // The baseline is still running: only full pages go out.
            try await fixture.append(EmitterFixture.contacts(150), source: .backfill, kind: .created)
            try await emitter.deliverPending(webhookID: webhook.id)
            #expect(subscriber.received().map(\.recordCount) == [100])
            try await fixture.append(EmitterFixture.contacts(50, from: 150), source: .backfill, kind: .created)
            try await emitter.deliverPending(webhookID: webhook.id)
            #expect(subscriber.received().map(\.recordCount) == [100, 100])
            #expect(subscriber.received().allSatisfy { $0.type == "INITIAL-PARTIAL" })
            // Incremental changes seen meanwhile wait behind the initial sync.
            try await fixture.completeBaseline()
            try await fixture.append(EmitterFixture.contacts(3, from: 900), source: .poll, kind: .updated)
            try await emitter.deliverPending(webhookID: webhook.id)

            let received = subscriber.received()
            #expect(received.map(\.type) == ["INITIAL-PARTIAL", "INITIAL-PARTIAL", "INITIAL-COMPLETE", "VIRTUAL"])
            #expect(received.map(\.recordCount) == [100, 100, 0, 3])
            let empty = try #require(received[2].json)
            #expect(empty["data"] == .array([]))
            #expect(received[2].isVerified)
            #expect(received.flatMap(\.recordIDs).count == 203)
            let completeMessage = try #require(
                try await fixture.store.messages(webhookID: webhook.id, limit: 10).first { $0.type == .initialComplete })
            #expect(completeMessage.firstSeq == completeMessage.lastSeq + 1)
            #expect(completeMessage.recordCount == 0)
        }
        await fixture.close()
    }

    @Test func aCompletedBaselineThatFillsTheLastPageExactlyEndsWithAnEmptyCompletePage() async throws {
        let fixture = try await EmitterFixture()
        try await withReceiver(fixture) { subscriber, client in
            let webhook = try await fixture.makeWebhook(on: subscriber, pageMaxLimit: 100, includeAll: true)
            try await fixture.append(EmitterFixture.contacts(200), source: .backfill, kind: .created, completeBaseline: true)
            try await fixture.emitter(client: client).deliverPending(webhookID: webhook.id)
            // Same sequence as when the baseline completes after the last full page went out.
            let received = subscriber.received()
            #expect(received.map(\.type) == ["INITIAL-PARTIAL", "INITIAL-PARTIAL", "INITIAL-COMPLETE"])
            #expect(received.map(\.recordCount) == [100, 100, 0])
            #expect(received.allSatisfy { $0.isVerified })
        }
        await fixture.close()
    }

    @Test func initialSyncOfAnEmptyStreamIsOneEmptyCompletePage() async throws {
        let fixture = try await EmitterFixture()
        try await withReceiver(fixture) { subscriber, client in
            let webhook = try await fixture.makeWebhook(on: subscriber, includeAll: true)
            let emitter = fixture.emitter(client: client)
            try await emitter.deliverPending(webhookID: webhook.id)
            #expect(subscriber.received().isEmpty)  // the baseline has not completed yet
            try await fixture.completeBaseline()
            try await emitter.deliverPending(webhookID: webhook.id)
            try await fixture.append(EmitterFixture.contacts(1), source: .poll, kind: .created)
            try await emitter.deliverPending(webhookID: webhook.id)
            let received = subscriber.received()
            #expect(received.map(\.type) == ["INITIAL-COMPLETE", "VIRTUAL"])
            #expect(received.map(\.recordCount) == [0, 1])
            #expect(received.allSatisfy { $0.isVerified })
        }
        await fixture.close()
    }

    @Test func aRetryResendsTheSameBodyWithTheSameWebhookID() async throws {
        let fixture = try await EmitterFixture()
        try await withReceiver(fixture) { subscriber, client in
            let webhook = try await fixture.makeWebhook(on: subscriber)
            try await fixture.append(EmitterFixture.contacts(3))
            subscriber.failNext(1, status: 500)
            let reports = ReportLog()
            let started = fixture.clock.now()
            try await fixture.emitter(client: client, reports: reports).deliverPending(webhookID: webhook.id)

            let received = subscriber.received()
            #expect(received.map(\.respondedStatus) == [500, 200])
            #expect(received[0].messageID == received[1].messageID)
            // The first POST is the body as built; the retry's is read back from the store, which kept it without
            // the records (they are in the event log) and spliced them back: the same bytes, so the same `sig` and
            // the same Standard Webhooks signature input.
            #expect(received[0].body == received[1].body)
            #expect(received[0].body != nil)
            #expect(received.allSatisfy { $0.isVerified })
            #expect(reports.all.map(\.status) == [.pending, .delivered])
            #expect(reports.all.map(\.statusCode) == [500, 200])
            // The retry waited the schedule's 5 s (jitter factor 1.0) on the injected clock.
            #expect(fixture.clock.sleeps == [started + .seconds(5)])
            let message = try #require(try await fixture.store.messages(webhookID: webhook.id, limit: 1).first)
            let attempts = try await fixture.store.attempts(messageID: message.id)
            #expect(attempts.map(\.number) == [1, 2])
            #expect(attempts.map(\.statusCode) == [500, 200])
            #expect(attempts.map(\.errorClass) == ["http", nil])
            #expect(attempts[0].nextAttemptAt == started + .seconds(5))
            #expect(attempts[1].startedAt == started + .seconds(5))
            #expect(message.status == .delivered)
            #expect(message.loggedRecords?.seqs.count == 3, "the stored message names its records in the log")
        }
        await fixture.close()
    }

    @Test func orderIsKeptUnderRetries() async throws {
        let fixture = try await EmitterFixture()
        try await withReceiver(fixture) { subscriber, client in
            let webhook = try await fixture.makeWebhook(on: subscriber, pageMaxLimit: 2)
            try await fixture.append(EmitterFixture.contacts(6))
            subscriber.failNext(3, status: 503)
            try await fixture.emitter(client: client).deliverPending(webhookID: webhook.id)

            let received = subscriber.received()
            #expect(received.map(\.respondedStatus) == [503, 503, 503, 200, 200, 200])
            let ids = received.compactMap(\.messageID)
            #expect(Set(ids.prefix(4)).count == 1)
            #expect(Set(ids).count == 3)
            // Message 2 never went out before message 1 was accepted.
            #expect(received.flatMap { $0.wasAccepted ? $0.recordIDs : [] } == (1...6).map { "c_\($0)" })
        }
        await fixture.close()
    }

    @Test func anExhaustedScheduleMakesTheWebhookUnhealthyAndResumeDeliversEverything() async throws {
        let fixture = try await EmitterFixture()
        try await withReceiver(fixture) { subscriber, client in
            let webhook = try await fixture.makeWebhook(on: subscriber, pageMaxLimit: 2)
            try await fixture.append(EmitterFixture.contacts(2))
            subscriber.failNext(8, status: 500)
            let reports = ReportLog()
            let emitter = fixture.emitter(client: client, reports: reports)
            let started = fixture.clock.now()
            try await emitter.deliverPending(webhookID: webhook.id)

            #expect(subscriber.received().count == 8)
            #expect(Set(subscriber.received().compactMap(\.messageID)).count == 1)
            #expect(reports.all.map(\.status) == Array(repeating: .pending, count: 7) + [.failed])
            // The whole schedule ran on the manual clock: 27 h 35 min 5 s of waits, no real waiting.
            let offsets = fixture.clock.sleeps.map { ($0.microseconds - started.microseconds) / 1_000_000 }
            #expect(offsets == [5, 305, 2105, 9305, 27305, 63305, 99305])
            #expect(try await fixture.store.webhook(id: webhook.id)?.isHealthy == false)
            let head = try #require(try await fixture.store.openMessage(webhookID: webhook.id))
            #expect(head.status == .failed)
            #expect(head.attemptCount == 8)

            // While unhealthy: no POST, and later events keep accumulating.
            try await fixture.append(EmitterFixture.contacts(3, from: 2))
            try await emitter.deliverPending(webhookID: webhook.id)
            #expect(subscriber.received().count == 8)

            // Resume: the failed message first (same id, fresh schedule), then the rest, in order.
            try await emitter.resume(webhookID: webhook.id)
            #expect(try await fixture.store.webhook(id: webhook.id)?.isHealthy == true)
            subscriber.failNext(1, status: 500)
            try await emitter.deliverPending(webhookID: webhook.id)
            let after = Array(subscriber.received().dropFirst(8))
            #expect(after.map(\.respondedStatus) == [500, 200, 200, 200])
            #expect(after[0].messageID == head.id && after[1].messageID == head.id)
            #expect(after.filter(\.wasAccepted).flatMap(\.recordIDs) == (1...5).map { "c_\($0)" })
            // The fresh schedule waited 5 s again after the first post-resume failure.
            let attempts = try await fixture.store.attempts(messageID: head.id)
            #expect(attempts.map(\.number) == Array(1...10))
            #expect(attempts[8].nextAttemptAt.map { $0.microseconds - attempts[8].startedAt.microseconds } == 5_000_000)
            #expect(try await fixture.store.openMessage(webhookID: webhook.id) == nil)
        }
        await fixture.close()
    }

    @Test func goneDisablesTheWebhookAtOnce() async throws {
        let fixture = try await EmitterFixture()
        try await withReceiver(fixture) { subscriber, client in
            let webhook = try await fixture.makeWebhook(on: subscriber)
            try await fixture.append(EmitterFixture.contacts(1))
            subscriber.failNext(1, status: 410)
            let reports = ReportLog()
            try await fixture.emitter(client: client, reports: reports).deliverPending(webhookID: webhook.id)
            #expect(subscriber.received().map(\.respondedStatus) == [410])
            #expect(reports.all.map(\.status) == [.failed])
            #expect(fixture.clock.sleeps.isEmpty)
            #expect(try await fixture.store.webhook(id: webhook.id)?.isHealthy == false)
            #expect(try await fixture.store.openMessage(webhookID: webhook.id)?.status == .failed)
        }
        await fixture.close()
    }

    @Test func pausedWebhooksAreNotDelivered() async throws {
        let fixture = try await EmitterFixture()
        try await withReceiver(fixture) { subscriber, client in
            var webhook = try await fixture.makeWebhook(on: subscriber)
            webhook.isPaused = true
            try await fixture.store.saveWebhook(webhook)
            try await fixture.append(EmitterFixture.contacts(2))
            let emitter = fixture.emitter(client: client)
            try await emitter.deliverPending(webhookID: webhook.id)
            #expect(subscriber.received().isEmpty)
            webhook.isPaused = false
            try await fixture.store.saveWebhook(webhook)
            try await emitter.deliverPending(webhookID: webhook.id)
            #expect(subscriber.received().flatMap(\.recordIDs) == ["c_1", "c_2"])
        }
        await fixture.close()
    }

    @Test func aChangedWorkspaceSecretIsUsedOnTheNextAttempt() async throws {
        let fixture = try await EmitterFixture()
        try await withReceiver(fixture) { subscriber, client in
            let webhook = try await fixture.makeWebhook(on: subscriber)
            try await fixture.append(EmitterFixture.contacts(2))
            subscriber.failNext(1, status: 500)
            // The first attempt fails; rotate the workspace secret before the retry.
            let emitter = fixture.emitter(client: client)
            let oldSecret = try await fixture.store.workspaceSecret()
            try await stepOnce(emitter, webhook.id)  // build
            try await stepOnce(emitter, webhook.id)  // attempt 1 → 500
            let newSecret = RandomID.hex(bytes: 32)
            try await fixture.store.setSetting("workspace_secret", newSecret)
            subscriber.setWorkspaceSecret(newSecret)
            try await emitter.deliverPending(webhookID: webhook.id)

            let received = subscriber.received()
            #expect(received.count == 2)
            #expect(received[0].isVerified)  // checked with the old secret when it arrived
            #expect(received[1].isVerified)  // re-signed with the new one
            let first = try #require(received[0].json)
            let second = try #require(received[1].json)
            #expect(first["nonce"] == second["nonce"])
            #expect(first["data"] == second["data"])
            #expect(first["sig"] != second["sig"])
            #expect(
                UnifiedSignatureVerifier.verify(payload: first, workspaceSecret: oldSecret) == .init(sig: .valid, sig256: .valid))
            #expect(
                UnifiedSignatureVerifier.verify(payload: first, workspaceSecret: newSecret)
                    == .init(sig: .invalid, sig256: .invalid))
            // The stored body stays frozen as built.
            let stored = try #require(try await fixture.store.messages(webhookID: webhook.id, limit: 1).first)
            #expect(stored.body == received[0].body)
        }
        await fixture.close()
    }

    @Test func partialBatchesWaitBrieflyForMoreEvents() async throws {
        let fixture = try await EmitterFixture()
        try await withReceiver(fixture) { subscriber, client in
            let webhook = try await fixture.makeWebhook(on: subscriber, pageMaxLimit: 4)
            var configuration = EmitterConfiguration.testing
            configuration.batchWait = .seconds(1)
            let emitter = fixture.emitter(client: client, configuration: configuration)
            var deliverer = WebhookDeliverer(webhookID: webhook.id, context: emitter.context)
            let start = fixture.clock.now()

            try await fixture.append(EmitterFixture.contacts(2))
            #expect(try await emitter.lockedStep(&deliverer) == .waitUntil(start + .seconds(1)))
            fixture.clock.advance(by: .milliseconds(400))
            try await fixture.append(EmitterFixture.contacts(1, from: 2))
            // Still partial: the wait keeps its original deadline.
            #expect(try await emitter.lockedStep(&deliverer) == .waitUntil(start + .seconds(1)))
            try await fixture.append(EmitterFixture.contacts(2, from: 3))
            // A full page is built and sent at once, without waiting for the deadline.
            #expect(try await emitter.lockedStep(&deliverer) == .progressed)
            #expect(subscriber.received().map(\.recordCount) == [4])
            // The leftover record starts a wait of its own.
            #expect(try await emitter.lockedStep(&deliverer) == .waitUntil(start + .milliseconds(1400)))
            // The leftover record waits its own second, then goes alone.
            try await emitter.deliverPending(webhookID: webhook.id)
            #expect(subscriber.received().map(\.recordCount) == [4, 1])
            #expect(fixture.clock.sleeps == [start + .milliseconds(1400)])
        }
        await fixture.close()
    }

    /// One locked step of the webhook's deliverer.
    private func stepOnce(_ emitter: Emitter, _ webhookID: String) async throws {
        var deliverer = WebhookDeliverer(webhookID: webhookID, context: emitter.context)
        _ = try await emitter.lockedStep(&deliverer)
    }
}
