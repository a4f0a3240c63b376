import Testing

@testable import Store

@Suite struct StoreCRUDTests {
    @Test func settingsRoundTripAndWorkspaceSecretIsStable() async throws {
        try await StoreFixtures.withStore { store, path in
            #expect(try await store.setting("missing") == nil)
            try await store.setSetting("a", "1")
            try await store.setSetting("a", "2")
            #expect(try await store.setting("a") == "2")

            let secret = try await store.workspaceSecret()
            #expect(secret.count == 64)
            #expect(secret.allSatisfy { "0123456789abcdef".contains($0) })
            #expect(try await store.workspaceSecret() == secret)
            #expect(try await store.setting("workspace_secret") == secret)

            let other = try Store(path: path, logger: StoreFixtures.logger)
            #expect(try await other.workspaceSecret() == secret)
            await other.close()
        }
    }

    @Test func connectionRoundTripUpdateAndList() async throws {
        try await StoreFixtures.withStore { store, _ in
            var connection = StoreFixtures.connection()
            connection.token = nil
            try await store.saveConnection(connection)
            #expect(try await store.connection(id: connection.id) == connection)

            connection.token = "rotated"
            connection.isPaused = true
            connection.isHealthy = false
            connection.categories = []
            try await store.saveConnection(connection)
            #expect(try await store.connection(id: connection.id) == connection)

            var second = StoreFixtures.connection(id: "ffffffffffffffffffffffff")
            second.createdAt = Timestamp(microseconds: connection.createdAt.microseconds + 1)
            try await store.saveConnection(second)
            #expect(try await store.connections() == [connection, second])
            #expect(try await store.connection(id: "nope") == nil)
        }
    }

    @Test func webhookRoundTripUpdateListAndStreamFilter() async throws {
        try await StoreFixtures.withStore { store, _ in
            var first = StoreFixtures.webhook(id: "w1")
            first.fields = nil
            first.filters = [:]
            var second = StoreFixtures.webhook(
                id: "w2", stream: StreamKey(connectionID: StoreFixtures.stream.connectionID, objectType: "crm_deal"),
                event: .deleted, includeAll: true,
                createdAt: Timestamp(microseconds: first.createdAt.microseconds + 10))
            second.checkedAt = Timestamp(microseconds: 42)
            second.isPaused = true
            try await store.saveWebhook(first)
            try await store.saveWebhook(second)
            #expect(try await store.webhook(id: "w1") == first)
            #expect(try await store.webhook(id: "w2") == second)
            #expect(try await store.webhooks() == [first, second])
            #expect(try await store.webhooks(stream: StoreFixtures.stream) == [first])

            first.hookURL = "http://127.0.0.1:1/changed"
            first.filters = ["a/b": "c\"d"]
            first.interval = 1.25
            first.isHealthy = false
            try await store.saveWebhook(first)
            #expect(try await store.webhook(id: "w1") == first)
            #expect(try await store.webhook(id: "none") == nil)
        }
    }

    @Test func healthAndCheckedAt() async throws {
        try await StoreFixtures.withStore { store, _ in
            let webhook = StoreFixtures.webhook(id: "w1")
            try await store.saveWebhook(webhook)
            try await store.setWebhookHealthy(id: "w1", false)
            #expect(try await store.webhook(id: "w1")?.isHealthy == false)
            try await store.setWebhookHealthy(id: "w1", true)
            #expect(try await store.webhook(id: "w1")?.isHealthy == true)
            await #expect(throws: StoreError.unknownWebhook(id: "nope")) {
                try await store.setWebhookHealthy(id: "nope", false)
            }
            try await store.setCheckedAt(stream: StoreFixtures.stream, Timestamp(microseconds: 123_456))
            #expect(try await store.webhook(id: "w1")?.checkedAt == Timestamp(microseconds: 123_456))
        }
    }

    @Test func streamStateDefaultsThenRoundTrips() async throws {
        try await StoreFixtures.withStore { store, _ in
            #expect(try await store.streamState(StoreFixtures.stream) == StreamState(stream: StoreFixtures.stream))
            #expect(try await store.streams().isEmpty)
            let checkpoint = StreamState(
                stream: StoreFixtures.stream, watermark: Timestamp(microseconds: -5), watermarkRaw: "2024-01-01T00:00:00Z",
                runPageToken: "p2", runQueryFrom: "2023-12-31T23:55:00Z", runHighWater: Timestamp(microseconds: 9),
                baselineComplete: true, baselineCompleteSeq: 77, t0: Timestamp(microseconds: 3),
                lastRunAt: Timestamp(microseconds: 4))
            _ = try await store.commitPage(PageCommit(events: [], checkpoint: checkpoint))
            #expect(try await store.streamState(StoreFixtures.stream) == checkpoint)
            #expect(try await store.streams() == [checkpoint])
        }
    }

    @Test func pollRunsAreNewestFirstAndCappedPerStream() async throws {
        try await StoreFixtures.withStore { store, _ in
            let other = StreamKey(connectionID: "c2", objectType: "crm_contact")
            try await store.recordPollRun(
                PollRun(stream: other, startedAt: .init(microseconds: 1), finishedAt: .init(microseconds: 2),
                    status: .failed, pages: 0, records: 0, events: 0, error: "HTTP 500"))
            for n in 0..<(Store.pollRunsKept + 5) {
                try await store.recordPollRun(
                    PollRun(stream: StoreFixtures.stream, startedAt: .init(microseconds: Int64(n)),
                        finishedAt: .init(microseconds: Int64(n) + 1), status: .ok, pages: n, records: 2 * n, events: 1))
            }
            let all = try await store.pollRuns(StoreFixtures.stream, limit: 1000)
            #expect(all.count == Store.pollRunsKept)
            #expect(all.first?.pages == Store.pollRunsKept + 4)
            #expect(all.last?.pages == 5)
            #expect(all.first?.records == 2 * (Store.pollRunsKept + 4))
            let newest = Store.pollRunsKept + 4
            #expect(try await store.pollRuns(StoreFixtures.stream, limit: 3).map(\.pages) == [newest, newest - 1, newest - 2])
            let failed = try await store.pollRuns(other, limit: 10)
            #expect(failed.count == 1)
            #expect(failed.first?.status == .failed)
            #expect(failed.first?.error == "HTTP 500")
        }
    }

    @Test func deletingAConnectionDeletesWhatHangsOffIt() async throws {
        try await StoreFixtures.withStore { store, _ in
            let keptStream = StreamKey(connectionID: "other", objectType: "crm_contact")
            try await store.saveConnection(StoreFixtures.connection())
            try await store.saveConnection(StoreFixtures.connection(id: "other"))
            let webhook = StoreFixtures.webhook(id: "w1")
            let kept = StoreFixtures.webhook(id: "w2", stream: keptStream)
            try await store.saveWebhook(webhook)
            try await store.saveWebhook(kept)
            _ = try await store.commitPage(StoreFixtures.page(0, count: 3))
            _ = try await store.commitPage(StoreFixtures.page(0, count: 2, stream: keptStream))
            let message = DeliveryMessage(
                id: "msg_1", webhookID: "w1", firstSeq: 1, lastSeq: 3, type: .virtual, body: [1], nonce: "n",
                recordCount: 3)
            try await store.appendMessage(message, cursor: DeliveryCursor(webhookID: "w1", builtSeq: 3, initialPhase: .none))

            #expect(try await store.deleteConnection(id: StoreFixtures.stream.connectionID))
            #expect(try await store.deleteConnection(id: StoreFixtures.stream.connectionID) == false)
            #expect(try await store.connection(id: StoreFixtures.stream.connectionID) == nil)
            #expect(try await store.webhooks().map(\.id) == ["w2"])
            #expect(try await store.messages(webhookID: "w1", limit: 10).isEmpty)
            #expect(try await store.recordStates(StoreFixtures.stream, ids: ["rec_0"]).isEmpty)
            #expect(try await store.streams().map(\.stream) == [keptStream])
            #expect(try await store.headSeq(StoreFixtures.stream) == 0)
            #expect(try await store.recordStates(keptStream, ids: ["rec_0", "rec_1"]).count == 2)
            #expect(try await store.connection(id: "other") != nil)
        }
    }

    @Test func deletingAWebhookDeletesItsMessagesAndAttempts() async throws {
        try await StoreFixtures.withStore { store, _ in
            try await store.saveWebhook(StoreFixtures.webhook(id: "w1"))
            let message = DeliveryMessage(
                id: "msg_1", webhookID: "w1", firstSeq: 1, lastSeq: 1, type: .virtual, body: [1, 2], nonce: "n",
                recordCount: 1)
            try await store.appendMessage(message, cursor: DeliveryCursor(webhookID: "w1", builtSeq: 1, initialPhase: .none))
            try await store.recordAttempt(
                DeliveryAttempt(
                    messageID: "msg_1", webhookID: "w1", number: 1, startedAt: .init(microseconds: 10),
                    durationMicroseconds: 5, url: "http://127.0.0.1:9/", statusCode: 500, errorClass: "http",
                    error: "HTTP 500", responseBody: [], nextAttemptAt: .init(microseconds: 100)),
                status: .pending, nextAttemptAt: .init(microseconds: 100))
            #expect(try await store.deleteWebhook(id: "w1"))
            #expect(try await store.deleteWebhook(id: "w1") == false)
            #expect(try await store.webhook(id: "w1") == nil)
            #expect(try await store.messages(webhookID: "w1", limit: 10).isEmpty)
            #expect(try await store.attempts(messageID: "msg_1").isEmpty)
            #expect(try await store.recentAttempts(webhookID: "w1", limit: 10).isEmpty)
            #expect(try await store.deliveryCursor(webhookID: "w1") == nil)
        }
    }
}
