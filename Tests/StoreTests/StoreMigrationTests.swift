import Testing

@testable import Store

@Suite struct StoreMigrationTests {
    private static let tables = [
        "api_tokens", "attempts", "connections", "event_log", "messages", "poll_runs", "record_state", "settings", "streams",
        "webhooks",
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
