import Testing

@testable import Store

@Suite struct StorePageCommitTests {
    @Test func commitStoresStatesEventsAndCheckpoint() async throws {
        try await StoreFixtures.withStore { store, _ in
            let page = StoreFixtures.page(0, count: 5)
            let result = try await store.commitPage(page)
            #expect(result.insertedEvents == 5)
            #expect(result.headSeq == 5)
            #expect(try await store.headSeq(StoreFixtures.stream) == 5)
            #expect(try await store.streamState(StoreFixtures.stream) == page.checkpoint)

            let states = try await store.recordStates(StoreFixtures.stream, ids: ["rec_0", "rec_4", "rec_99"])
            #expect(states.count == 2)
            var expected0 = StoreFixtures.created(0).0
            expected0.snapshotSeq = 1
            var expected4 = StoreFixtures.created(4).0
            expected4.snapshotSeq = 5
            #expect(states["rec_0"] == expected0)
            #expect(states["rec_4"] == expected4)
            #expect(try await store.recordStates(StoreFixtures.stream, ids: []).isEmpty)
            let otherStream = StreamKey(connectionID: StoreFixtures.stream.connectionID, objectType: "crm_deal")
            #expect(try await store.recordStates(otherStream, ids: ["rec_0"]).isEmpty)

            let events = try await store.events(
                StoreFixtures.stream, afterSeq: 0, kinds: Set(EventKind.allCases), includeBackfill: true, limit: 100)
            var expected = page.events
            for index in expected.indices { expected[index].seq = Int64(index + 1) }
            #expect(events == expected)
        }
    }

    /// A record's state is its latest event: a later revision replaces it, a deletion included.
    @Test func aRecordsStateIsItsLatestEventADeletionIncluded() async throws {
        try await StoreFixtures.withStore { store, _ in
            _ = try await store.commitPage(StoreFixtures.page(0, count: 1))
            let (_, deletion) = StoreFixtures.created(0, kind: .deleted, revision: 2)
            _ = try await store.commitPage(
                PageCommit(events: [deletion], checkpoint: StreamState(stream: StoreFixtures.stream)))
            let expected = RecordState(
                recordID: "rec_0", versionHash: deletion.versionHash, revision: 2,
                sourceUpdatedAt: deletion.occurredAt, snapshotSeq: 2, deletedAt: deletion.detectedAt)
            #expect(try await store.recordStates(StoreFixtures.stream, ids: ["rec_0", "rec_9"]) == ["rec_0": expected])
            #expect(try await store.reader.recordStates(StoreFixtures.stream, ids: ["rec_0"]) == ["rec_0": expected])
        }
    }

    @Test func eachStatePointsAtTheEventCarryingItsSnapshotEvenAfterAReRead() async throws {
        try await StoreFixtures.withStore { store, _ in
            let page = StoreFixtures.page(0, count: 3)
            _ = try await store.commitPage(page)
            let events = try await store.events(
                StoreFixtures.stream, afterSeq: 0, kinds: Set(EventKind.allCases), includeBackfill: true, limit: 10)
            let states = try await store.recordStates(StoreFixtures.stream, ids: ["rec_0", "rec_1", "rec_2"])
            for event in events {
                #expect(states[event.recordID]?.snapshotSeq == event.seq)
            }
            // The same page again (a re-read after a crash): no new event, the states still name the stored ones.
            #expect(try await store.commitPage(page).insertedEvents == 0)
            let again = try await store.recordStates(StoreFixtures.stream, ids: ["rec_0", "rec_1", "rec_2"])
            #expect(again.mapValues(\.snapshotSeq) == states.mapValues(\.snapshotSeq))
        }
    }

    /// A run's last page, its record and the webhooks' checked time are one write; the run counts the events that
    /// commit inserted.
    @Test func theLastPageStoresItsRunAndMarksTheWebhooksChecked() async throws {
        try await StoreFixtures.withStore { store, _ in
            try await store.saveWebhook(StoreFixtures.webhook(id: "w1"))
            var page = StoreFixtures.page(0, count: 3)
            page.checkpoint.runPageToken = nil
            let finished = Timestamp(microseconds: 1_800_000_000_000_000)
            page.finishedRun = PollRun(
                stream: StoreFixtures.stream, startedAt: Timestamp(microseconds: 1_799_999_999_000_000),
                finishedAt: finished, status: .ok, pages: 4, records: 310, events: 7)
            #expect(try await store.commitPage(page).insertedEvents == 3)
            let runs = try await store.pollRuns(StoreFixtures.stream, limit: 5)
            #expect(runs.map(\.events) == [10])
            #expect(runs.map(\.pages) == [4])
            #expect(try await store.webhook(id: "w1")?.checkedAt == finished)
            #expect(store.definitions.webhooks["w1"]?.checkedAt == finished)
        }
    }

    @Test func anEventIsIdentifiedByStreamRecordAndRevision() async throws {
        try await StoreFixtures.withStore { store, _ in
            let (_, first) = StoreFixtures.created(7)
            var rival = first
            rival.versionHash = StoreFixtures.hash("another version")
            let checkpoint = StreamState(stream: StoreFixtures.stream)
            #expect(try await store.commitPage(PageCommit(events: [first], checkpoint: checkpoint)).insertedEvents == 1)
            // A second writer computing the same revision of the same record is ignored: one event per revision.
            #expect(try await store.commitPage(PageCommit(events: [rival], checkpoint: checkpoint)).insertedEvents == 0)
            var next = first
            next.revision = 2
            #expect(try await store.commitPage(PageCommit(events: [next], checkpoint: checkpoint)).insertedEvents == 1)
            let events = try await store.events(
                StoreFixtures.stream, afterSeq: 0, kinds: Set(EventKind.allCases), includeBackfill: true, limit: 10)
            #expect(events.map(\.eventID) == [first.eventID, next.eventID])
            #expect(first.eventID != next.eventID && first.eventID != rival.eventID)
            #expect(events.map(\.revision) == [1, 2])
        }
    }

    @Test func theSamePageTwiceInsertsNothingTheSecondTime() async throws {
        try await StoreFixtures.withStore { store, _ in
            let page = StoreFixtures.page(0, count: 10)
            #expect(try await store.commitPage(page).insertedEvents == 10)
            let again = try await store.commitPage(page)
            #expect(again.insertedEvents == 0)
            #expect(again.headSeq == 10)
            let events = try await store.events(
                StoreFixtures.stream, afterSeq: 0, kinds: [.created], includeBackfill: true, limit: 100)
            #expect(events.count == 10)
        }
    }

    @Test func seqIncreasesInPageOrderAcrossPagesAndStreams() async throws {
        try await StoreFixtures.withStore { store, _ in
            let other = StreamKey(connectionID: "c2", objectType: "crm_contact")
            _ = try await store.commitPage(StoreFixtures.page(0, count: 3))
            let otherResult = try await store.commitPage(StoreFixtures.page(0, count: 2, stream: other))
            _ = try await store.commitPage(StoreFixtures.page(3, count: 3))
            #expect(otherResult.headSeq == 5)
            #expect(try await store.headSeq(StoreFixtures.stream) == 8)
            #expect(try await store.headSeq(other) == 5)
            #expect(try await store.headSeq(StreamKey(connectionID: "none", objectType: "x")) == 0)

            let events = try await store.events(
                StoreFixtures.stream, afterSeq: 0, kinds: [.created], includeBackfill: true, limit: 100)
            #expect(events.map(\.seq) == [1, 2, 3, 6, 7, 8])
            #expect(events.map(\.recordID) == (0..<6).map { "rec_\($0)" })
            #expect(events.allSatisfy { $0.stream == StoreFixtures.stream })
        }
    }

    @Test func aFailingCheckpointWriteLeavesNothingWritten() async throws {
        try await StoreFixtures.withStore { store, path in
            let firstPage = StoreFixtures.page(0, count: 2)
            _ = try await store.commitPage(firstPage)

            // Another connection (as another process could) makes every checkpoint write fail.
            let saboteur = try Database(path: path)
            defer { saboteur.close() }
            try saboteur.execute(
                """
                CREATE TRIGGER fail_checkpoint_insert BEFORE INSERT ON streams
                BEGIN SELECT RAISE(ABORT, 'forced checkpoint failure'); END;
                CREATE TRIGGER fail_checkpoint_update BEFORE UPDATE ON streams
                BEGIN SELECT RAISE(ABORT, 'forced checkpoint failure'); END;
                """)

            let secondPage = StoreFixtures.page(2, count: 3)
            await #expect {
                _ = try await store.commitPage(secondPage)
            } throws: { error in
                guard let error = error as? SQLiteError else { return false }
                return error.isConstraintViolation && error.message.contains("forced checkpoint failure")
            }
            #expect(try await store.headSeq(StoreFixtures.stream) == 2)
            #expect(try await store.recordStates(StoreFixtures.stream, ids: ["rec_2", "rec_3", "rec_4"]).isEmpty)
            #expect(try await store.streamState(StoreFixtures.stream) == firstPage.checkpoint)

            // Once the fault is gone the same page commits in full: nothing of the failed attempt lingered.
            try saboteur.execute("DROP TRIGGER fail_checkpoint_insert; DROP TRIGGER fail_checkpoint_update")
            let result = try await store.commitPage(secondPage)
            #expect(result.insertedEvents == 3)
            #expect(result.headSeq == 5)
            #expect(try await store.streamState(StoreFixtures.stream) == secondPage.checkpoint)
        }
    }

    @Test func eventsFilterByKindBackfillPositionAndLimit() async throws {
        try await StoreFixtures.withStore { store, _ in
            let backfill = StoreFixtures.page(0, count: 3, source: .backfill)
            _ = try await store.commitPage(backfill)  // seq 1...3, created, backfill
            let pairs = [
                StoreFixtures.created(3),  // 4 created
                StoreFixtures.created(0, kind: .updated, revision: 2),  // 5 updated
                StoreFixtures.created(1, kind: .deleted, revision: 2),  // 6 deleted
                StoreFixtures.created(1, kind: .restored, revision: 3),  // 7 restored
                StoreFixtures.created(2, source: .native, kind: .updated, revision: 2),  // 8 updated (native)
            ]
            _ = try await store.commitPage(
                PageCommit(events: pairs.map(\.1), checkpoint: StreamState(stream: StoreFixtures.stream)))
            let stream = StoreFixtures.stream
            func seqs(_ kinds: Set<EventKind>, backfill: Bool, after: Int64 = 0, limit: Int = 100) async throws -> [Int64] {
                try await store.events(stream, afterSeq: after, kinds: kinds, includeBackfill: backfill, limit: limit)
                    .map(\.seq)
            }
            #expect(try await seqs(Set(EventKind.allCases), backfill: true) == [1, 2, 3, 4, 5, 6, 7, 8])
            #expect(try await seqs(WebhookEvent.updated.deliveredKinds, backfill: false) == [4, 5, 7, 8])
            #expect(try await seqs(WebhookEvent.updated.deliveredKinds, backfill: true) == [1, 2, 3, 4, 5, 7, 8])
            #expect(try await seqs(WebhookEvent.created.deliveredKinds, backfill: false) == [4, 7])
            #expect(try await seqs(WebhookEvent.deleted.deliveredKinds, backfill: true) == [6])
            #expect(try await seqs([.updated], backfill: true, after: 5) == [8])
            #expect(try await seqs(Set(EventKind.allCases), backfill: true, after: 2, limit: 3) == [3, 4, 5])
            #expect(try await seqs([], backfill: true).isEmpty)
            #expect(try await seqs(Set(EventKind.allCases), backfill: true, limit: 0).isEmpty)

            let native = try await store.events(stream, afterSeq: 7, kinds: [.updated], includeBackfill: false, limit: 1)
            #expect(native.first?.source == .native)
            #expect(native.first?.previousVersionHash == StoreFixtures.hash("hash_2_1"))
        }
    }

    @Test func recordStatesOfAThousandIdsAreReadInOneCall() async throws {
        try await StoreFixtures.withStore { store, _ in
            for first in stride(from: 0, to: 5000, by: 1000) {
                _ = try await store.commitPage(StoreFixtures.page(first, count: 1000))
            }
            let ids = (2000..<3000).map { "rec_\($0)" }
            let states = try await store.recordStates(StoreFixtures.stream, ids: ids + ["rec_missing"])
            #expect(states.count == 1000)
            #expect(states["rec_2500"]?.versionHash == StoreFixtures.hash("hash_2500_1"))
            #expect(states["rec_missing"] == nil)
        }
    }
}
