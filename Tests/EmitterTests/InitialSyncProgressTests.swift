import Store
import Testing

@testable import Emitter

/// The initial sync's log lines, on injected times: the first page, then at most one line per interval, and the
/// completion with totals and rate.
@Suite struct InitialSyncProgressTests {
    @Test func firstPageThenThrottledProgressThenCompletion() {
        var progress = InitialSyncProgress()
        let start = Timestamp(microseconds: 1_000_000_000)
        func at(_ seconds: Int64) -> Timestamp { Timestamp(microseconds: start.microseconds + seconds * 1_000_000) }

        #expect(progress.delivered(.initialPartial, records: 100, sentAt: start, now: at(1))
            == .progress(pages: 1, records: 100, recordsPerSecond: 100))
        #expect(progress.delivered(.initialPartial, records: 100, sentAt: at(2), now: at(2)) == nil)
        #expect(progress.delivered(.initialPartial, records: 100, sentAt: at(5), now: at(6))
            == .progress(pages: 3, records: 300, recordsPerSecond: 50))
        #expect(progress.delivered(.virtual, records: 7, sentAt: at(7), now: at(7)) == nil)
        #expect(progress.delivered(.initialComplete, records: 20, sentAt: at(8), now: at(8))
            == .complete(pages: 4, records: 320, seconds: 8, recordsPerSecond: 40))
        // Done: live changes say nothing, a later initial sync (after a resume) counts afresh.
        #expect(progress.delivered(.virtual, records: 1, sentAt: at(9), now: at(9)) == nil)
        #expect(progress.delivered(.initialComplete, records: 0, sentAt: at(10), now: at(10))
            == .complete(pages: 1, records: 0, seconds: 0, recordsPerSecond: 0))
    }
}
