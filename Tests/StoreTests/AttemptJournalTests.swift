import Foundation
import Testing

@testable import Store

/// The attempt journal of a serving store (README, "Delivery guarantees"): attempts answered before a crash are in
/// the next serving store's database, once, and nothing of it is left behind.
@Suite struct AttemptJournalTests {
    private func message(_ id: String, first: Int64) -> DeliveryMessage {
        DeliveryMessage(
            id: id, webhookID: "w1", firstSeq: first, lastSeq: first, type: .virtual, body: Array("{\"\(id)\":1}".utf8),
            nonce: "nonce_\(id)", recordCount: 1, createdAt: Timestamp(microseconds: 1_000 + first))
    }

    private func record(
        _ messageID: String, number: Int = 1, status: MessageStatus, code: Int?, retryAt: Timestamp? = nil
    ) -> AttemptRecord {
        AttemptRecord(
            attempt: DeliveryAttempt(
                messageID: messageID, webhookID: "w1", number: number,
                startedAt: Timestamp(microseconds: 1_764_000_000_123_456), durationMicroseconds: 2_500,
                url: "http://127.0.0.1:9999/hook?q=\"x\"", statusCode: code, errorClass: code == 200 ? nil : "http",
                error: code == 200 ? nil : "HTTP 503 \u{1F600}\n", responseBody: [0, 255, 10, 13, 34, 92],
                nextAttemptAt: retryAt),
            status: status, nextAttemptAt: retryAt)
    }

    private func journalFiles(_ path: String) -> [UInt64] { AttemptJournal.generations(beside: path) }

    /// A serving store with webhook w1 and two built messages, msg_a and msg_b.
    private func servingStoreWithTwoMessages(_ path: String) async throws -> Store {
        let store = try Store(path: path, logger: StoreFixtures.logger, serving: true)
        try await store.saveWebhook(StoreFixtures.webhook(id: "w1"))
        try await store.appendMessages(
            [message("msg_a", first: 1), message("msg_b", first: 2)],
            cursor: DeliveryCursor(webhookID: "w1", builtSeq: 2, initialPhase: .none))
        return store
    }

    @Test func attemptsJournaledBeforeACrashAreLoggedByTheNextServingStore() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory + "/vhooks.db"
            let first = try await servingStoreWithTwoMessages(path)
            let journal = try #require(first.attemptJournal)
            let retryAt = Timestamp(microseconds: 1_764_000_300_000_000)
            let delivered = record("msg_a", status: .delivered, code: 200)
            let retried = record("msg_b", status: .pending, code: 503, retryAt: retryAt)
            _ = try journal.append(delivered)
            _ = try journal.append(retried)
            // The crash: the attempts never reach SQLite (no record, no settle), and the journal stays.
            await first.close()
            #expect(journalFiles(path).count == 1)

            // Tools that open the database beside a server neither replay nor keep a journal.
            let tool = try Store(path: path, logger: StoreFixtures.logger)
            #expect(tool.attemptJournal == nil)
            #expect(try await tool.openMessage(webhookID: "w1")?.id == "msg_a")
            await tool.close()

            let second = try Store(path: path, logger: StoreFixtures.logger, serving: true)
            #expect(try await second.attempts(messageID: "msg_a") == [delivered.attempt])
            #expect(try await second.attempts(messageID: "msg_b") == [retried.attempt])
            let head = try #require(try await second.openMessage(webhookID: "w1"))
            #expect(head.id == "msg_b")
            #expect(head.status == .pending)
            #expect(head.nextAttemptAt == retryAt)
            // The replayed generation is gone; the new store writes a later one.
            let generations = journalFiles(path)
            #expect(generations.count == 1 && generations[0] > 0, "journal generations: \(generations)")
            await second.close()
            #expect(journalFiles(path).isEmpty, "a clean close leaves no journal behind")
        }
    }

    @Test func anAttemptAlreadyLoggedIsNotLoggedTwiceAndATornLineIsSkipped() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory + "/vhooks.db"
            let first = try await servingStoreWithTwoMessages(path)
            let journal = try #require(first.attemptJournal)
            let delivered = record("msg_a", status: .delivered, code: 200)
            _ = try journal.append(delivered)
            // Logged in SQLite, killed before the journal was settled.
            try await first.recordAttempts([delivered])
            await first.close()
            // And a line torn by a power loss after it.
            let file = try #require(FileHandle(forWritingAtPath: AttemptJournal.path(path, 0)))
            try file.seekToEnd()
            try file.write(contentsOf: Array("{\"m\":\"msg_b\",\"w\":\"w".utf8))
            try file.close()

            let second = try Store(path: path, logger: StoreFixtures.logger, serving: true)
            #expect(try await second.attempts(messageID: "msg_a") == [delivered.attempt])
            #expect(try await second.attempts(messageID: "msg_b").isEmpty)
            #expect(try await second.openMessage(webhookID: "w1")?.id == "msg_b")
            await second.close()
        }
    }

    @Test func settledGenerationsAreDeletedAndTheCurrentOneAtClose() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory + "/vhooks.db"
            // Generations of 1 byte: every append after the first starts a new file.
            let journal = try AttemptJournal(databasePath: path, firstGeneration: 7, generationBytes: 1)
            var tickets: [AttemptJournal.Ticket] = []
            for number in 1...4 {
                tickets.append(try journal.append(record("msg_a", number: number, status: .pending, code: 500)))
            }
            #expect(journalFiles(path) == [7, 8, 9, 10])
            journal.settle(Array(tickets[1...2]))
            #expect(journalFiles(path) == [7, 10])
            journal.settle([tickets[0], tickets[3]])
            #expect(journalFiles(path) == [10], "the current generation stays until the journal closes")
            journal.shutDown()
            #expect(journalFiles(path).isEmpty)
        }
    }

    @Test func anEntryReadsBackAsTheRecordItWasWrittenFrom() {
        let retryAt = Timestamp(microseconds: 1_764_000_300_000_001)
        for original in [
            record("msg_a", status: .delivered, code: 200),
            record("msg_b", number: 3, status: .pending, code: 503, retryAt: retryAt),
            record("msg_c", number: 9, status: .failed, code: nil),
        ] {
            let line = AttemptJournalEntry.encode(original)
            #expect(!line.contains(UInt8(ascii: "\n")), "an entry is one line")
            let decoded = AttemptJournalEntry.decode(line[...])
            #expect(decoded != nil, "\(String(decoding: line, as: UTF8.self))")
            #expect(decoded?.attempt == original.attempt)
            #expect(decoded?.status == original.status)
            #expect(decoded?.nextAttemptAt == original.nextAttemptAt)
        }
        #expect(AttemptJournalEntry.decode(Array("{\"m\":1}".utf8)[...]) == nil)
        #expect(AttemptJournalEntry.decode(Array("not json".utf8)[...]) == nil)
    }
}
