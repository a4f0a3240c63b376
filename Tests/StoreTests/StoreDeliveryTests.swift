import Testing

@testable import Store

@Suite struct StoreDeliveryTests {
    private func message(
        _ id: String, webhook: String = "w1", first: Int64, last: Int64, type: PayloadType = .virtual
    ) -> DeliveryMessage {
        DeliveryMessage(
            id: id, webhookID: webhook, firstSeq: first, lastSeq: last, type: type, body: Array("{\"\(id)\":1}".utf8),
            nonce: "nonce_\(id)", recordCount: Int(last - first + 1), createdAt: Timestamp(microseconds: 1_000 + first))
    }

    private func attempt(
        _ messageID: String, number: Int, at start: Int64, status: Int?, webhook: String = "w1"
    ) -> DeliveryAttempt {
        DeliveryAttempt(
            messageID: messageID, webhookID: webhook, number: number, startedAt: Timestamp(microseconds: start),
            durationMicroseconds: 250, url: "http://127.0.0.1:9999/hook", statusCode: status,
            errorClass: status == 200 ? nil : (status == nil ? "timeout" : "http"),
            error: status == 200 ? nil : "failed", responseBody: status == 200 ? Array("ok".utf8) : [],
            nextAttemptAt: status == 200 ? nil : Timestamp(microseconds: start + 5_000_000))
    }

    @Test func aLateIncludeAllWebhookSnapshotsTheStreamAtItsCreation() async throws {
        try await StoreFixtures.withStore { store, _ in
            var baseline = StoreFixtures.page(0, count: 4)
            try await store.saveWebhook(StoreFixtures.webhook(id: "early", includeAll: true))
            baseline.checkpoint.baselineComplete = true
            _ = try await store.commitPage(baseline)
            var changes = StoreFixtures.page(1, count: 2, revision: 2, kind: .updated)
            changes.checkpoint.baselineComplete = true
            _ = try await store.commitPage(changes)
            try await store.saveWebhook(StoreFixtures.webhook(id: "late", includeAll: true))
            _ = try await store.commitPage(StoreFixtures.page(2, count: 1, revision: 3, kind: .updated))

            let head = try await store.headSeq(StoreFixtures.stream)
            #expect(head == 7)
            #expect(try await store.deliveryCursor(webhookID: "early")?.snapshotSeq == nil)
            let late = try #require(try await store.deliveryCursor(webhookID: "late"))
            #expect(late == DeliveryCursor(webhookID: "late", builtSeq: 0, initialPhase: .pending, snapshotSeq: 6))

            // One event per record, the latest at or before position 6, in log order; the later change is not in it.
            let snapshot = try await store.snapshotEvents(StoreFixtures.stream, asOf: 6, afterSeq: 0, limit: 10)
            #expect(snapshot.map(\.seq) == [1, 4, 5, 6])
            #expect(snapshot.map(\.revision) == [1, 1, 2, 2])
            #expect(Set(snapshot.map(\.recordID)).count == 4)
            #expect(try await store.snapshotEvents(StoreFixtures.stream, asOf: 6, afterSeq: 4, limit: 10).map(\.seq) == [5, 6])
            #expect(try await store.snapshotEvents(StoreFixtures.stream, asOf: 6, afterSeq: 0, limit: 2).map(\.seq) == [1, 4])
            #expect(try await store.reader.snapshotEvents(StoreFixtures.stream, asOf: 6, afterSeq: 6, limit: 10).isEmpty)
        }
    }

    @Test func cursorStartsAtTheHeadWithoutIncludeAllAndAtZeroWithIt() async throws {
        try await StoreFixtures.withStore { store, _ in
            _ = try await store.commitPage(StoreFixtures.page(0, count: 4))
            try await store.saveWebhook(StoreFixtures.webhook(id: "live"))
            try await store.saveWebhook(StoreFixtures.webhook(id: "all", includeAll: true))
            let otherStream = StreamKey(connectionID: "c9", objectType: "crm_contact")
            try await store.saveWebhook(StoreFixtures.webhook(id: "empty", stream: otherStream))
            #expect(
                try await store.deliveryCursor(webhookID: "live")
                    == DeliveryCursor(webhookID: "live", builtSeq: 4, initialPhase: .none))
            #expect(
                try await store.deliveryCursor(webhookID: "all")
                    == DeliveryCursor(webhookID: "all", builtSeq: 0, initialPhase: .pending))
            #expect(
                try await store.deliveryCursor(webhookID: "empty")
                    == DeliveryCursor(webhookID: "empty", builtSeq: 0, initialPhase: .none))
            #expect(try await store.deliveryCursor(webhookID: "nope") == nil)

            // An update never moves the cursor, not even when include_all flips or the log has grown.
            _ = try await store.commitPage(StoreFixtures.page(4, count: 2))
            var live = try #require(try await store.webhook(id: "live"))
            live.includeAll = true
            live.hookURL = "http://127.0.0.1:9999/other"
            try await store.saveWebhook(live)
            #expect(
                try await store.deliveryCursor(webhookID: "live")
                    == DeliveryCursor(webhookID: "live", builtSeq: 4, initialPhase: .none))
            #expect(try await store.webhook(id: "live") == live)
        }
    }

    @Test func messageLifeCycle() async throws {
        try await StoreFixtures.withStore { store, _ in
            try await store.saveWebhook(StoreFixtures.webhook(id: "w1", includeAll: true))
            #expect(try await store.openMessage(webhookID: "w1") == nil)

            let first = message("msg_a", first: 1, last: 2, type: .initialPartial)
            let second = message("msg_b", first: 3, last: 2, type: .initialComplete)
            try await store.appendMessage(first, cursor: DeliveryCursor(webhookID: "w1", builtSeq: 2, initialPhase: .pending))
            try await store.appendMessage(second, cursor: DeliveryCursor(webhookID: "w1", builtSeq: 2, initialPhase: .complete))
            #expect(
                try await store.deliveryCursor(webhookID: "w1")
                    == DeliveryCursor(webhookID: "w1", builtSeq: 2, initialPhase: .complete))
            #expect(try await store.openMessage(webhookID: "w1") == first)
            #expect(try await store.messages(webhookID: "w1", limit: 10) == [second, first])
            #expect(try await store.messages(webhookID: "w1", limit: 1) == [second])

            // A rebuilt message with the same id keeps the stored one.
            var rebuilt = first
            rebuilt.body = [0]
            try await store.appendMessage(rebuilt, cursor: DeliveryCursor(webhookID: "w1", builtSeq: 2, initialPhase: .complete))
            #expect(try await store.messages(webhookID: "w1", limit: 10).count == 2)
            #expect(try await store.openMessage(webhookID: "w1")?.body == first.body)

            // First attempt fails: still the head, with its schedule.
            let retryAt = Timestamp(microseconds: 9_000_000)
            try await store.recordAttempt(attempt("msg_a", number: 1, at: 100, status: 503), status: .pending, nextAttemptAt: retryAt)
            var head = try #require(try await store.openMessage(webhookID: "w1"))
            #expect(head.id == "msg_a")
            #expect(head.attemptCount == 1)
            #expect(head.nextAttemptAt == retryAt)
            #expect(head.status == .pending)

            // The schedule runs out: failed, still the head of the queue.
            try await store.recordAttempt(attempt("msg_a", number: 2, at: 200, status: nil), status: .failed, nextAttemptAt: nil)
            head = try #require(try await store.openMessage(webhookID: "w1"))
            #expect(head.id == "msg_a")
            #expect(head.status == .failed)
            #expect(head.attemptCount == 2)
            #expect(head.nextAttemptAt == nil)

            // Resume, then delivered: the queue moves on.
            try await store.updateMessageStatus(id: "msg_a", status: .pending, nextAttemptAt: nil)
            #expect(try await store.openMessage(webhookID: "w1")?.status == .pending)
            try await store.recordAttempt(attempt("msg_a", number: 3, at: 300, status: 200), status: .delivered, nextAttemptAt: nil)
            #expect(try await store.openMessage(webhookID: "w1") == second)

            let attempts = try await store.attempts(messageID: "msg_a")
            #expect(attempts.map(\.number) == [1, 2, 3])
            #expect(attempts[0] == attempt("msg_a", number: 1, at: 100, status: 503))
            #expect(attempts[2].responseBody == Array("ok".utf8))
            #expect(attempts[1].statusCode == nil)

            try await store.recordAttempt(attempt("msg_b", number: 1, at: 400, status: 200), status: .delivered, nextAttemptAt: nil)
            #expect(try await store.openMessage(webhookID: "w1") == nil)
            let recent = try await store.recentAttempts(webhookID: "w1", limit: 3)
            #expect(recent.map(\.messageID) == ["msg_b", "msg_a", "msg_a"])
            #expect(recent.map(\.number) == [1, 3, 2])
            #expect(try await store.messages(webhookID: "w1", limit: 10).map(\.status) == [.delivered, .delivered])
            let stored = try await store.messages(webhookID: "w1", limit: 10)
            #expect(
                try await store.recordCounts(messageIDs: ["msg_a", "msg_b", "nope"])
                    == Dictionary(uniqueKeysWithValues: stored.map { ($0.id, $0.recordCount) }))
            #expect(try await store.recordCounts(messageIDs: []).isEmpty)
        }
    }

    @Test func abortedMessagesLeaveTheQueue() async throws {
        try await StoreFixtures.withStore { store, _ in
            try await store.saveWebhook(StoreFixtures.webhook(id: "w1"))
            try await store.appendMessage(message("msg_a", first: 1, last: 1), cursor: .init(webhookID: "w1", builtSeq: 1, initialPhase: .none))
            try await store.appendMessage(message("msg_b", first: 2, last: 2), cursor: .init(webhookID: "w1", builtSeq: 2, initialPhase: .none))
            try await store.recordAttempt(attempt("msg_a", number: 1, at: 1, status: 410), status: .aborted, nextAttemptAt: nil)
            #expect(try await store.openMessage(webhookID: "w1")?.id == "msg_b")
        }
    }

    @Test func unknownWebhookOrMessageIsReportedAndWritesNothing() async throws {
        try await StoreFixtures.withStore { store, _ in
            try await store.saveWebhook(StoreFixtures.webhook(id: "w1"))
            await #expect(throws: StoreError.unknownWebhook(id: "ghost")) {
                try await store.appendMessage(
                    message("msg_x", webhook: "ghost", first: 1, last: 1),
                    cursor: DeliveryCursor(webhookID: "ghost", builtSeq: 1, initialPhase: .none))
            }
            #expect(try await store.messages(webhookID: "ghost", limit: 10).isEmpty)

            await #expect(throws: StoreError.unknownMessage(id: "msg_missing")) {
                try await store.recordAttempt(attempt("msg_missing", number: 1, at: 1, status: 200), status: .delivered, nextAttemptAt: nil)
            }
            #expect(try await store.attempts(messageID: "msg_missing").isEmpty)
            await #expect(throws: StoreError.unknownMessage(id: "msg_missing")) {
                try await store.updateMessageStatus(id: "msg_missing", status: .pending, nextAttemptAt: nil)
            }
        }
    }

    @Test func aDuplicateAttemptNumberRollsBackTheStatusChange() async throws {
        try await StoreFixtures.withStore { store, _ in
            try await store.saveWebhook(StoreFixtures.webhook(id: "w1"))
            try await store.appendMessage(message("msg_a", first: 1, last: 1), cursor: .init(webhookID: "w1", builtSeq: 1, initialPhase: .none))
            try await store.recordAttempt(attempt("msg_a", number: 1, at: 1, status: 500), status: .pending, nextAttemptAt: nil)
            await #expect {
                try await store.recordAttempt(attempt("msg_a", number: 1, at: 2, status: 200), status: .delivered, nextAttemptAt: nil)
            } throws: { ($0 as? SQLiteError)?.isConstraintViolation == true }
            #expect(try await store.openMessage(webhookID: "w1")?.status == .pending)
            #expect(try await store.attempts(messageID: "msg_a").count == 1)
        }
    }
}
