import Foundation
import Logging
import Testing

@testable import Store

/// Shared fixtures of the Store test suites: a temporary directory per test and model values with sensible defaults.
enum StoreFixtures {
    static let logger = Logger(label: "vhooks.store.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Runs `body` with a fresh directory under the system temporary directory, removed afterwards.
    static func withTemporaryDirectory<Result>(_ body: (String) async throws -> Result) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vhooks-store-tests-\(RandomID.hex(bytes: 8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try await body(directory)
    }

    /// Runs `body` with a store opened on a new file in a temporary directory, then closes it.
    static func withStore<Result>(_ body: (Store, String) async throws -> Result) async throws -> Result {
        try await withTemporaryDirectory { directory in
            let path = directory + "/vhooks.db"
            let store = try Store(path: path, logger: logger)
            do {
                let result = try await body(store, path)
                await store.close()
                return result
            } catch {
                await store.close()
                throw error
            }
        }
    }

    static let stream = StreamKey(connectionID: "0123456789abcdef01234567", objectType: "crm_contact")

    static func connection(id: String = stream.connectionID) -> Connection {
        Connection(
            id: id, integrationType: "sandbox", apiURL: "http://127.0.0.1:8181", token: "tok_1",
            categories: ["crm"], permissions: ["crm_contact_read", "webhook"], isPaused: false, isHealthy: true,
            workspaceID: "ws_1", createdAt: Timestamp(microseconds: 1_700_000_000_000_001),
            updatedAt: Timestamp(microseconds: 1_700_000_000_000_002))
    }

    static func webhook(
        id: String = RandomID.objectID(), stream: StreamKey = stream, event: WebhookEvent = .updated,
        includeAll: Bool = false, createdAt: Timestamp = Timestamp(microseconds: 1_700_000_000_000_000)
    ) -> Webhook {
        Webhook(
            id: id, connectionID: stream.connectionID, objectType: stream.objectType, event: event,
            hookURL: "http://127.0.0.1:9999/hook", interval: 0.5, fields: "id,name",
            filters: ["email": "a@example.com", "status": "active"], pageMaxLimit: 50, includeAll: includeAll,
            secret: RandomID.webhookSecret(), workspaceID: "ws_1", createdAt: createdAt, updatedAt: createdAt,
            checkedAt: nil)
    }

    /// A version hash named by a fixture (the hash of the name).
    static func hash(_ name: String) -> VersionHash { VersionHash(digestOf: Array(name.utf8)) }

    /// A record state and the matching `created` event for record `n` of `stream`.
    static func created(
        _ n: Int, stream: StreamKey = stream, source: EventSource = .poll, kind: EventKind = .created,
        revision: Int64 = 1
    ) -> (RecordState, ChangeEvent) {
        let recordID = "rec_\(n)"
        let hash = Self.hash("hash_\(n)_\(revision)")
        let json = Array(#"{"id":"\#(recordID)","name":"Record \#(n)"}"#.utf8)
        let state = RecordState(
            recordID: recordID, versionHash: hash, revision: revision,
            sourceUpdatedAt: Timestamp(microseconds: 1_000_000 + Int64(n)))
        let event = ChangeEvent(
            stream: stream,
            recordID: recordID, revision: revision, kind: kind, source: source, versionHash: hash,
            previousVersionHash: revision > 1 ? Self.hash("hash_\(n)_\(revision - 1)") : nil, record: json,
            occurredAt: Timestamp(microseconds: 1_000_000 + Int64(n)), detectedAt: Timestamp(microseconds: 2_000_000))
        return (state, event)
    }

    /// A page of `count` new records starting at `first`, with a checkpoint naming the next page.
    static func page(
        _ first: Int, count: Int, stream: StreamKey = stream, source: EventSource = .poll, revision: Int64 = 1,
        kind: EventKind = .created
    ) -> PageCommit {
        let pairs = (first..<(first + count)).map { created($0, stream: stream, source: source, kind: kind, revision: revision) }
        var checkpoint = StreamState(stream: stream)
        checkpoint.runPageToken = "after_\(first + count)"
        checkpoint.runHighWater = Timestamp(microseconds: 1_000_000 + Int64(first + count - 1))
        return PageCommit(events: pairs.map(\.1), checkpoint: checkpoint)
    }
}

extension Store {
    /// The OS name of the thread isolated code runs on (Foundation's name where /proc is missing).
    fileprivate func isolatedThreadName() -> String? {
        let osName = try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)
        return osName?.trimmingCharacters(in: .whitespacesAndNewlines) ?? Thread.current.name
    }
}

@Suite struct StoreOpenCloseTests {
    @Test func isolatedCodeRunsOnTheStoreThreadNotThePool() async throws {
        try await StoreFixtures.withStore { store, _ in
            let first = await store.isolatedThreadName()
            #expect(first == "vhooks.store")
            async let a = store.isolatedThreadName()
            async let b = store.isolatedThreadName()
            let concurrent = await [a, b]
            #expect(concurrent == ["vhooks.store", "vhooks.store"])
        }
    }

    @Test func closeIsIdempotentAndLaterCallsThrowClosed() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let store = try Store(path: directory + "/vhooks.db", logger: StoreFixtures.logger)
            try await store.setSetting("k", "v")
            await store.close()
            await store.close()
            await #expect(throws: StoreError.closed(path: directory + "/vhooks.db")) {
                _ = try await store.setting("k")
            }
        }
    }

    @Test func randomIDsHaveTheirFormats() {
        let id = RandomID.objectID()
        #expect(id.count == 24)
        #expect(id.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(RandomID.hex(bytes: 3).count == 6)
        #expect(RandomID.bytes(0).isEmpty)
        // Drawn eight bytes per word: every position of a 13-byte draw (a whole word and a part) varies.
        let draws = (0..<64).map { _ in RandomID.bytes(13) }
        #expect(draws.allSatisfy { $0.count == 13 })
        for position in 0..<13 { #expect(Set(draws.map { $0[position] }).count > 8, "byte \(position)") }
        #expect(RandomID.objectID() != RandomID.objectID())
        let secret = RandomID.webhookSecret()
        #expect(secret.hasPrefix("whsec_"))
        #expect(Data(base64Encoded: String(secret.dropFirst(6)))?.count == 32)
    }
}
