import Testing

@testable import Store

/// What keeps the commit path cheap, checked by outcome: large pages commit whole, and statements are prepared once.
/// How fast it is lives in `make bench`, not here (a rate asserted in a unit test fails on a busy machine).
@Suite struct StoreThroughputTests {
    @Test func thousandRecordPagesCommitEveryEvent() async throws {
        try await StoreFixtures.withStore { store, _ in
            let pages = (0..<5).map { StoreFixtures.page($0 * 1000, count: 1000) }
            var inserted = 0
            for page in pages { inserted += try await store.commitPage(page).insertedEvents }
            #expect(inserted == 5000)
            // The same pages again are the re-read of a crash: nothing new.
            var repeated = 0
            for page in pages { repeated += try await store.commitPage(page).insertedEvents }
            #expect(repeated == 0)
        }
    }

    @Test func statementsArePreparedOncePerSQLText() async throws {
        try await StoreFixtures.withStore { store, _ in
            try await store.saveWebhook(StoreFixtures.webhook(id: "w1"))
            func exercise(_ round: Int) async throws {
                _ = try await store.commitPage(StoreFixtures.page(round * 100, count: 100))
                _ = try await store.recordStates(StoreFixtures.stream, ids: ["rec_1", "rec_2"])
                _ = try await store.events(
                    StoreFixtures.stream, afterSeq: 0, kinds: [.created], includeBackfill: false, limit: 10)
                _ = try await store.deliveryCursor(webhookID: "w1")
                _ = try await store.openMessage(webhookID: "w1")
            }
            try await exercise(0)
            let prepared = await store.cachedStatementCount
            #expect(prepared > 0)
            for round in 1..<5 { try await exercise(round) }
            #expect(await store.cachedStatementCount == prepared)
        }
    }
}
