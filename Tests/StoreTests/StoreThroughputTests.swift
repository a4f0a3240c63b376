import Testing

@testable import Store

/// Guards against pathological regressions. The real target, ≥ 200,000 rows/s for 1,000-record pages, is for release
/// builds; these bounds must also hold in debug and under ThreadSanitizer on a shared 2-core machine.
@Suite struct StoreThroughputTests {
    @Test func thousandRecordPagesCommitQuickly() async throws {
        try await StoreFixtures.withStore { store, _ in
            let pages = (0..<5).map { StoreFixtures.page($0 * 1000, count: 1000) }
            _ = try await store.commitPage(StoreFixtures.page(1_000_000, count: 10))  // prepare the statements
            let start = ContinuousClock.now
            var inserted = 0
            for page in pages { inserted += try await store.commitPage(page).insertedEvents }
            let elapsed = ContinuousClock.now - start
            #expect(inserted == 5000)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let rowsPerSecond = Double(10_000) / seconds
            #expect(rowsPerSecond > 5_000, "committed \(Int(rowsPerSecond)) rows/s")
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
