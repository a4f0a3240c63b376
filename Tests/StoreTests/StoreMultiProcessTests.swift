import Testing

@testable import Store

/// Two `Store` instances on one file stand in for two processes (a CLI command while `serve` runs): separate
/// connections, separate threads, one WAL file.
@Suite struct StoreMultiProcessTests {
    @Test func aSecondOpenerReadsWhatTheFirstWroteAndViceVersa() async throws {
        try await StoreFixtures.withStore { first, path in
            try await first.saveConnection(StoreFixtures.connection())
            try await first.saveWebhook(StoreFixtures.webhook(id: "w1"))
            _ = try await first.commitPage(StoreFixtures.page(0, count: 3))

            let second = try Store(path: path, logger: StoreFixtures.logger)
            #expect(try await second.connections() == [StoreFixtures.connection()])
            #expect(try await second.webhook(id: "w1") != nil)
            #expect(try await second.headSeq(StoreFixtures.stream) == 3)

            // Reads on the first connection (its cached statements included) see the second one's commits.
            #expect(try await first.headSeq(StoreFixtures.stream) == 3)
            _ = try await second.commitPage(StoreFixtures.page(3, count: 2))
            try await second.setWebhookHealthy(id: "w1", false)
            #expect(try await first.headSeq(StoreFixtures.stream) == 5)
            #expect(try await first.webhook(id: "w1")?.isHealthy == false)
            await second.close()
        }
    }

    @Test func concurrentWritersFromTwoConnectionsBothSucceed() async throws {
        try await StoreFixtures.withStore { first, path in
            let second = try Store(path: path, logger: StoreFixtures.logger)
            let otherStream = StreamKey(connectionID: "c2", objectType: "crm_contact")
            async let a: Void = {
                for page in 0..<20 { _ = try await first.commitPage(StoreFixtures.page(page * 50, count: 50)) }
            }()
            async let b: Void = {
                for page in 0..<20 {
                    _ = try await second.commitPage(StoreFixtures.page(page * 50, count: 50, stream: otherStream))
                }
            }()
            try await a
            try await b
            #expect(try await first.events(StoreFixtures.stream, afterSeq: 0, kinds: [.created], includeBackfill: true, limit: 5000).count == 1000)
            #expect(try await first.events(otherStream, afterSeq: 0, kinds: [.created], includeBackfill: true, limit: 5000).count == 1000)
            #expect(max(try await first.headSeq(StoreFixtures.stream), try await first.headSeq(otherStream)) == 2000)
            await second.close()
        }
    }
}
