import Testing

@testable import Store

/// Quiet finishes (a poll that found nothing) are written in batches; nothing may ever observe the database
/// without them, and none may be lost by a clean close.
@Suite struct StoreQuietFinishTests {
    static let finished = Timestamp(microseconds: 1_800_000_000_000_000)

    /// The last page of a poll that found nothing, with its run.
    static func quietFinish(watermark: Timestamp, finishedAt: Timestamp = finished) -> PageCommit {
        var checkpoint = StreamState(stream: StoreFixtures.stream)
        checkpoint.baselineComplete = true
        checkpoint.watermark = watermark
        let run = PollRun(
            stream: StoreFixtures.stream, startedAt: finishedAt - .seconds(1), finishedAt: finishedAt, status: .ok,
            pages: 1, records: 0, events: 0)
        return PageCommit(events: [], checkpoint: checkpoint, finishedRun: run)
    }

    @Test func aQuietFinishIsHeldThenWrittenBeforeTheNextRead() async throws {
        try await StoreFixtures.withStore { store, _ in
            try await store.saveWebhook(StoreFixtures.webhook(id: "w1"))
            let watermark = Timestamp(microseconds: 1_799_999_000_000_000)
            let commit = Self.quietFinish(watermark: watermark)
            #expect(commit.isQuietFinish)
            let result = try await store.commitPage(commit)
            #expect(result.insertedEvents == 0)
            // Held, not written: nothing was read back.
            #expect(result.headSeq == nil)
            // Shown in memory at once.
            #expect(store.cachedStreamState(StoreFixtures.stream)?.watermark == watermark)
            #expect(store.definitions.webhooks["w1"]?.checkedAt == Self.finished)
            // Any read writes the batch first and then sees it.
            let runs = try await store.pollRuns(StoreFixtures.stream, limit: 5)
            #expect(store.heldQuietFinishCount == 0)
            #expect(runs.map(\.finishedAt) == [Self.finished])
            #expect(try await store.streamState(StoreFixtures.stream).watermark == watermark)
            #expect(try await store.webhook(id: "w1")?.checkedAt == Self.finished)
        }
    }

    @Test func pagesWithEventsAndBaselinesAreNeverHeld() async throws {
        var withEvents = StoreFixtures.page(0, count: 2)
        withEvents.checkpoint.runPageToken = nil
        withEvents.finishedRun = Self.quietFinish(watermark: Self.finished).finishedRun
        #expect(!withEvents.isQuietFinish)
        var baseline = Self.quietFinish(watermark: Self.finished)
        baseline.completesBaseline = true
        #expect(!baseline.isQuietFinish)
        var midRun = Self.quietFinish(watermark: Self.finished)
        midRun.checkpoint.runPageToken = "after_100"
        #expect(!midRun.isQuietFinish)
        var noRun = Self.quietFinish(watermark: Self.finished)
        noRun.finishedRun = nil
        #expect(!noRun.isQuietFinish)
    }

    @Test func aLaterCommitOfTheSameStreamWinsOverTheHeldOne() async throws {
        try await StoreFixtures.withStore { store, path in
            let early = Timestamp(microseconds: 1_799_000_000_000_000)
            _ = try await store.commitPage(Self.quietFinish(watermark: early))
            var later = StoreFixtures.page(0, count: 3)
            later.checkpoint.baselineComplete = true
            later.checkpoint.runPageToken = nil
            later.checkpoint.watermark = Self.finished
            let result = try await store.commitPage(later)
            #expect(result.insertedEvents == 3)
            #expect(result.headSeq == 3)
            await store.close()
            let reopened = try Store(path: path, logger: StoreFixtures.logger)
            #expect(try await reopened.streamState(StoreFixtures.stream).watermark == Self.finished)
            #expect(try await reopened.pollRuns(StoreFixtures.stream, limit: 5).count == 1)
            await reopened.close()
        }
    }

    @Test func aCleanCloseWritesTheHeldFinishes() async throws {
        try await StoreFixtures.withStore { store, path in
            let watermark = Timestamp(microseconds: 1_799_999_500_000_000)
            _ = try await store.commitPage(Self.quietFinish(watermark: watermark))
            await store.close()
            let reopened = try Store(path: path, logger: StoreFixtures.logger)
            #expect(try await reopened.streamState(StoreFixtures.stream).watermark == watermark)
            #expect(try await reopened.pollRuns(StoreFixtures.stream, limit: 5).map(\.finishedAt) == [Self.finished])
            await reopened.close()
        }
    }

    /// Held without the store's thread, a finish could otherwise slip in after the close wrote the last batch and
    /// be lost: it is refused instead.
    @Test func aQuietFinishAfterCloseIsRefused() async throws {
        try await StoreFixtures.withStore { store, _ in
            await store.close()
            await #expect(throws: StoreError.self) {
                try await store.commitPage(Self.quietFinish(watermark: Self.finished))
            }
            #expect(store.heldQuietFinishCount == 0)
        }
    }

    @Test func theBatchIsWrittenWithoutAnyOtherCall() async throws {
        try await StoreFixtures.withStore { store, _ in
            _ = try await store.commitPage(Self.quietFinish(watermark: Self.finished))
            // The timer writes it about a second later; wait for that with a generous cap, timing nothing.
            var waited = 0
            while store.heldQuietFinishCount > 0, waited < 600 {
                try await Task.sleep(for: .milliseconds(100))
                waited += 1
            }
            #expect(store.heldQuietFinishCount == 0, "the held finish was still not written after 60 s")
        }
    }
}
