import NIOConcurrencyHelpers
import Testing

@testable import Store

/// Every write announces what it changed, by name, and keeps the in-memory definitions equal to what SQLite holds.
@Suite struct StoreChangeFeedTests {
    /// Collects what the feed publishes.
    final class Recorder: Sendable {
        private let box = NIOLockedValueBox<[StoreChange]>([])
        var changes: [StoreChange] { box.withLockedValue { $0 } }
        func take() -> [StoreChange] {
            box.withLockedValue { changes in
                defer { changes.removeAll() }
                return changes
            }
        }
        func record(_ change: StoreChange) { box.withLockedValue { $0.append(change) } }
    }

    func withRecordedStore(_ body: (Store, Recorder) async throws -> Void) async throws {
        try await StoreFixtures.withStore { store, _ in
            let recorder = Recorder()
            let subscription = store.feed.subscribe { recorder.record($0) }
            try await body(store, recorder)
            store.feed.unsubscribe(subscription)
            #expect(store.feed.subscriberCount == 0)
        }
    }

    @Test func aCommitWithEventsNamesItsStreamAndAnEmptyOneIsSilent() async throws {
        try await withRecordedStore { store, recorder in
            _ = try await store.commitPage(
                PageCommit(events: [], checkpoint: StreamState(stream: StoreFixtures.stream)))
            #expect(recorder.take() == [])
            _ = try await store.commitPage(StoreFixtures.page(0, count: 2))
            #expect(recorder.take() == [.events(StoreFixtures.stream)])
            // The same page again (a re-read after a crash) inserts nothing and announces nothing.
            _ = try await store.commitPage(StoreFixtures.page(0, count: 2))
            #expect(recorder.take() == [])
            _ = try await store.commitPage(
                PageCommit(events: [], checkpoint: StreamState(stream: StoreFixtures.stream),
                    completesBaseline: true))
            #expect(recorder.take() == [.events(StoreFixtures.stream)])
        }
    }

    @Test func webhookWritesNameTheWebhookAndBothOfItsStreams() async throws {
        try await withRecordedStore { store, recorder in
            let contacts = StoreFixtures.stream
            let companies = StreamKey(connectionID: contacts.connectionID, objectType: "crm_company")
            var webhook = StoreFixtures.webhook(id: "wh_feed")
            try await store.saveWebhook(webhook)
            #expect(recorder.take() == [.webhook(id: "wh_feed", streams: [contacts])])
            #expect(store.definitions.webhooks["wh_feed"] == webhook)
            #expect(store.definitions.webhookIDs(on: contacts) == ["wh_feed"])

            webhook.objectType = "crm_company"
            try await store.saveWebhook(webhook)
            #expect(recorder.take() == [.webhook(id: "wh_feed", streams: [contacts, companies])])
            #expect(store.definitions.webhookIDs(on: contacts).isEmpty)
            #expect(store.definitions.webhookIDs(on: companies) == ["wh_feed"])

            try await store.setWebhookHealthy(id: "wh_feed", false, reason: "gone wrong")
            #expect(recorder.take() == [.webhook(id: "wh_feed", streams: [companies])])
            #expect(store.definitions.webhooks["wh_feed"]?.unhealthyReason == "gone wrong")

            let checked = Timestamp(microseconds: 1_800_000_000_000_000)
            try await store.setCheckedAt(stream: companies, checked)
            #expect(recorder.take() == [], "bookkeeping announces nothing")
            #expect(store.definitions.webhooks["wh_feed"]?.checkedAt == checked)

            #expect(try await store.deleteWebhook(id: "wh_feed"))
            #expect(recorder.take() == [.webhook(id: "wh_feed", streams: [companies])])
            #expect(store.definitions.webhooks.isEmpty)
            #expect(try await !store.deleteWebhook(id: "wh_feed"))
            #expect(recorder.take() == [], "deleting an unknown webhook changes nothing")
        }
    }

    @Test func connectionWritesNameTheConnectionAndDeletingOneRemovesItsWebhooks() async throws {
        try await withRecordedStore { store, recorder in
            var connection = StoreFixtures.connection()
            try await store.saveConnection(connection)
            try await store.saveWebhook(StoreFixtures.webhook(id: "wh_a"))
            _ = recorder.take()
            connection.isPaused = true
            try await store.saveConnection(connection)
            #expect(recorder.take() == [.connection(id: connection.id)])
            #expect(store.definitions.connections[connection.id]?.isPaused == true)

            #expect(try await store.deleteConnection(id: connection.id))
            #expect(
                recorder.take() == [
                    .connection(id: connection.id), .webhook(id: "wh_a", streams: [StoreFixtures.stream]),
                ])
            #expect(store.definitions.connections.isEmpty)
            #expect(store.definitions.webhooks.isEmpty)
        }
    }

    /// The copy a store loads when it opens is what an earlier process wrote.
    @Test func definitionsAreLoadedWhenTheStoreOpens() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory + "/vhooks.db"
            let first = try Store(path: path, logger: StoreFixtures.logger)
            try await first.saveConnection(StoreFixtures.connection())
            let webhook = StoreFixtures.webhook(id: "wh_kept")
            try await first.saveWebhook(webhook)
            await first.close()
            let second = try Store(path: path, logger: StoreFixtures.logger)
            #expect(second.definitions.webhooks == ["wh_kept": try #require(try await second.webhook(id: "wh_kept"))])
            #expect(second.definitions.connections.keys.sorted() == [StoreFixtures.connection().id])
            await second.close()
        }
    }
}
