import Testing

@testable import Store

@Suite struct StoreMigrationTests {
    private static let tables = [
        "api_tokens", "attempts", "connections", "event_log", "messages", "poll_runs", "settings", "stream_numbers",
        "streams", "webhooks",
    ]

    private func tableNames(_ path: String) throws -> [String] {
        let database = try Database(path: path)
        defer { database.close() }
        return try database.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).map { $0.string(at: 0) }
    }

    @Test func freshFileGetsTheLatestSchemaInWALMode() async throws {
        try await StoreFixtures.withStore { _, path in
            let database = try Database(path: path)
            defer { database.close() }
            #expect(try Migrator.version(of: database) == Migration.latestVersion)
            #expect(Migration.latestVersion >= 1)
            let mode = try database.prepare("PRAGMA journal_mode").first { $0.string(at: 0) }
            #expect(mode == "wal")
            #expect(try tableNames(path) == Self.tables)
        }
    }

    @Test func reopeningKeepsDataAndDoesNotReapplyMigrations() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory + "/vhooks.db"
            let first = try Store(path: path, logger: StoreFixtures.logger)
            try await first.setSetting("marker", "kept")
            try await first.saveConnection(StoreFixtures.connection())
            await first.close()

            let second = try Store(path: path, logger: StoreFixtures.logger)
            #expect(try await second.setting("marker") == "kept")
            #expect(try await second.connections().count == 1)
            await second.close()

            let database = try Database(path: path)
            defer { database.close() }
            #expect(try Migrator.version(of: database) == Migration.latestVersion)
        }
    }

    @Test func fileFromANewerBuildIsRefused() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory + "/vhooks.db"
            let database = try Database(path: path)
            try database.execute("PRAGMA user_version = 999")
            database.close()
            #expect(throws: StoreError.schemaTooNew(path: path, found: 999, supported: Migration.latestVersion)) {
                _ = try Store(path: path, logger: StoreFixtures.logger)
            }
        }
    }

    @Test func aFailingMigrationLeavesThePreviousVersion() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory + "/vhooks.db"
            let database = try Database(path: path)
            defer { database.close() }
            let migrations = Migration.all + [
                Migration(version: Migration.latestVersion + 1, name: "broken", sql: "CREATE TABLE t (a); SELECT nope FROM t")
            ]
            #expect(throws: StoreError.self) {
                try Migrator(migrations: migrations).migrate(database, logger: StoreFixtures.logger)
            }
            #expect(try Migrator.version(of: database) == Migration.latestVersion)
            #expect(try tableNames(path) == Self.tables)
        }
    }
}

/// A database written by the previous schema (version 4: text hashes, stored event ids, stream columns, a record
/// state table, whole message bodies) opens with everything readable and nothing renumbered; each record's state is
/// then its latest event.
@Suite struct StoreCompactLogMigrationTests {
    static let hash1 = "2b3302e2e0f5927422554a1cd041c1d4ca69f7bec35af7ac2d8e7a334730bff8"
    static let hash2 = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

    @Test func version4RowsReadBackAfterTheMigration() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory + "/vhooks.db"
            let stream = StoreFixtures.stream
            do {
                let database = try Database(path: path)
                defer { database.close() }
                try Migrator(migrations: Array(Migration.all.prefix(4))).migrate(database, logger: StoreFixtures.logger)
                try database.execute(
                    """
                    INSERT INTO event_log (seq, event_id, connection_id, object_type, record_id, revision, kind, source,
                        version_hash, prev_version_hash, record, occurred_at_us, detected_at_us)
                    VALUES (1, 'evt_a', '\(stream.connectionID)', 'crm_contact', 'rec_1', 1, 'created', 'backfill',
                            '\(Self.hash1)', NULL, CAST('{"id":"rec_1"}' AS BLOB), 10, 20),
                        (2, 'evt_b', '\(stream.connectionID)', 'crm_contact', 'rec_1', 2, 'updated', 'poll',
                            '\(Self.hash2)', '\(Self.hash1)', CAST('{"id":"rec_1","v":2}' AS BLOB), 11, 21),
                        (3, 'evt_c', 'conn_gone', 'crm_contact', 'rec_9', 1, 'created', 'poll',
                            '\(Self.hash1)', NULL, CAST('{"id":"rec_9"}' AS BLOB), 12, 22);
                    DELETE FROM event_log WHERE seq = 3;
                    INSERT INTO record_state (connection_id, object_type, record_id, version_hash, revision,
                        source_updated_at_us, snapshot_seq)
                    VALUES ('\(stream.connectionID)', 'crm_contact', 'rec_1', '\(Self.hash2)', 2, 11, 2);
                    """)
            }
            let store = try Store(path: path, logger: StoreFixtures.logger)
            let events = try await store.events(
                stream, afterSeq: 0, kinds: Set(EventKind.allCases), includeBackfill: true, limit: 10)
            #expect(events.map(\.seq) == [1, 2])
            #expect(events.map(\.versionHash) == [VersionHash(hex: Self.hash1), VersionHash(hex: Self.hash2)])
            #expect(events[1].previousVersionHash == VersionHash(hex: Self.hash1))
            #expect(events[1].record == Array(#"{"id":"rec_1","v":2}"#.utf8))
            let states = try await store.recordStates(stream, ids: ["rec_1"])
            #expect(states["rec_1"]?.versionHash == VersionHash(hex: Self.hash2))
            #expect(states["rec_1"]?.snapshotSeq == 2)

            // The same version seen again is no change; a new one continues after every position ever used.
            var next = StoreFixtures.page(5, count: 1)
            next.events[0].recordID = "rec_2"
            #expect(try await store.commitPage(next).insertedEvents == 1)
            let all = try await store.events(
                stream, afterSeq: 0, kinds: Set(EventKind.allCases), includeBackfill: true, limit: 10)
            #expect(all.map(\.seq) == [1, 2, 4])
            await store.close()
        }
    }
}
