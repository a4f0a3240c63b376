import Testing

@testable import Store

/// A message whose `data` is log records byte for byte is stored without them and read back byte-identical.
@Suite struct StoreMessageBodyTests {
    /// `{"data":[r1,r2,r3],"webhook":{},"nonce":"n","sig":"s","type":"VIRTUAL"}` over the first page's records.
    func body(records: [[UInt8]]) -> (body: [UInt8], data: Range<Int>) {
        var body = Array(#"{"data":"#.utf8)
        let start = body.count
        body.append(UInt8(ascii: "["))
        for (index, record) in records.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(contentsOf: record)
        }
        body.append(UInt8(ascii: "]"))
        let data = start..<body.count
        body.append(contentsOf: Array(#","webhook":{"id":"w1"},"nonce":"n","sig":"s","type":"VIRTUAL"}"#.utf8))
        return (body, data)
    }

    @Test func loggedRecordsAreStoredOnceAndSplicedBackOnRead() async throws {
        try await StoreFixtures.withStore { store, _ in
            try await store.saveWebhook(StoreFixtures.webhook(id: "w1"))
            _ = try await store.commitPage(StoreFixtures.page(0, count: 5))
            let events = try await store.events(
                StoreFixtures.stream, afterSeq: 0, kinds: Set(EventKind.allCases), includeBackfill: true, limit: 10)
            // Records 1, 3 and 4 (a message skips what the webhook's filters leave out).
            let chosen = [events[1], events[3], events[4]]
            let (body, data) = body(records: chosen.map(\.record))
            let logged = LoggedRecords(seqs: chosen.map(\.seq), range: data)
            let message = DeliveryMessage(
                id: "m1", webhookID: "w1", firstSeq: chosen[0].seq, lastSeq: chosen[2].seq, type: .virtual, body: body,
                nonce: "n", recordCount: 3, createdAt: Timestamp(microseconds: 5), loggedRecords: logged)
            let cursor = try #require(try await store.deliveryCursor(webhookID: "w1"))
            try await store.appendMessage(message, cursor: cursor)

            let read = try #require(try await store.openMessage(webhookID: "w1"))
            #expect(read == message, "the body read back is the body built, byte for byte")
            #expect(try await store.storedBodySize(messageID: "m1") == body.count - data.count)
        }
    }

    /// Records trimmed to a webhook's `fields` are not the log's bytes: such a body is stored whole.
    @Test func aBodyWithoutLoggedRecordsIsStoredWhole() async throws {
        try await StoreFixtures.withStore { store, _ in
            try await store.saveWebhook(StoreFixtures.webhook(id: "w1"))
            let (body, _) = body(records: [Array(#"{"id":"rec_1"}"#.utf8)])
            let message = DeliveryMessage(
                id: "m1", webhookID: "w1", firstSeq: 1, lastSeq: 1, type: .virtual, body: body, nonce: "n",
                recordCount: 1, createdAt: Timestamp(microseconds: 5))
            let cursor = try #require(try await store.deliveryCursor(webhookID: "w1"))
            try await store.appendMessage(message, cursor: cursor)
            #expect(try await store.openMessage(webhookID: "w1") == message)
            #expect(try await store.storedBodySize(messageID: "m1") == body.count)
        }
    }

    @Test func positionsRoundTripThroughTheirBlob() {
        let seqs: [Int64] = [1, 2, 3, 130, 131, 1 << 40, (1 << 40) + 300]
        let blob = Store.encodeSeqs(seqs)
        #expect(Store.decodeSeqs(blob) == seqs)
        #expect(Store.encodeSeqs([5, 6, 7, 8]).count == 4, "one byte per consecutive record")
        #expect(Store.decodeSeqs(Store.encodeSeqs([])) == [])
    }
}

extension Store {
    /// The bytes of the message's `body` column.
    fileprivate func storedBodySize(messageID: String) throws -> Int? {
        try db().withStatement("SELECT length(body) FROM messages WHERE id = ?1") { statement in
            try statement.bind(messageID, at: 1)
            return try statement.first { $0.int(at: 0) }
        }
    }
}

/// What a restarted emitter starts deliverers for: only the webhooks that may have something to deliver.
@Suite struct StoreWebhooksWithWorkTests {
    @Test func onlyWebhooksWithABacklogAnInitialSyncOrAnOpenMessageAreNamed() async throws {
        try await StoreFixtures.withStore { store, _ in
            try await store.saveWebhook(StoreFixtures.webhook(id: "idle"))
            try await store.saveWebhook(StoreFixtures.webhook(id: "initial", includeAll: true))
            #expect(try await store.webhooksWithWork() == ["initial"])

            _ = try await store.commitPage(StoreFixtures.page(0, count: 2))
            #expect(try await store.webhooksWithWork() == ["idle", "initial"], "events past both cursors")

            // "idle" builds its message (cursor at the head): the open message is its work until delivered.
            var cursor = try #require(try await store.deliveryCursor(webhookID: "idle"))
            cursor.builtSeq = 2
            let message = DeliveryMessage(
                id: "m1", webhookID: "idle", firstSeq: 1, lastSeq: 2, type: .virtual, body: Array("{}".utf8), nonce: "n",
                recordCount: 2)
            try await store.appendMessage(message, cursor: cursor)
            #expect(try await store.webhooksWithWork().contains("idle"))
            try await store.updateMessageStatus(id: "m1", status: .delivered, nextAttemptAt: nil)
            #expect(try await !store.webhooksWithWork().contains("idle"))
        }
    }
}
