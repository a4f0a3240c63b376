import Testing

@testable import Store

/// Coarse guards against pathological regressions (a transaction per row, a statement re-prepared per row). The real
/// target, ≥ 200,000 rows/s for 1,000-record pages, holds for release builds; debug builds on a shared machine get a
/// wide margin here.
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
            #expect(rowsPerSecond > 25_000, "committed \(Int(rowsPerSecond)) rows/s")
        }
    }
}
