import Foundation
import Testing

@testable import Store

/// API tokens (migration 2) and workspace-secret rotation.
@Suite struct StoreTokenTests {
    @Test func aCreatedTokenIsValidAndOnlyItsHashIsStored() async throws {
        try await StoreFixtures.withStore { store, path in
            let token = try await store.createAPIToken(name: "ci")
            #expect(token.hasPrefix("vh_"))
            #expect(token.count == 43)
            #expect(token.dropFirst(3).allSatisfy { "0123456789abcdef".contains($0) })
            #expect(try await store.isValidAPIToken(token))
            #expect(try await !store.isValidAPIToken(token + "0"))
            #expect(try await !store.isValidAPIToken(String(token.dropFirst(3))))
            #expect(try await !store.isValidAPIToken(""))

            let database = try Database(path: path)
            defer { database.close() }
            let stored = try database.prepare("SELECT token_hash FROM api_tokens").map { $0.string(at: 0) }
            #expect(stored == [Store.apiTokenHash(token)])
            #expect(stored[0].count == 64)
            #expect(stored[0] != token)
            let everything = try database.prepare("SELECT id, name, token_hash FROM api_tokens").map {
                [$0.string(at: 0), $0.string(at: 1), $0.string(at: 2)].joined(separator: " ")
            }
            #expect(!everything.joined().contains(token.dropFirst(3)))
        }
    }

    @Test func theHashIsLowercaseHexSHA256() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        #expect(Store.apiTokenHash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func tokensAreListedWithoutSecretsAndRevokedByID() async throws {
        try await StoreFixtures.withStore { store, _ in
            let first = try await store.createAPIToken(name: "first")
            let second = try await store.createAPIToken(name: "")
            #expect(first != second)
            let listed = try await store.apiTokens()
            #expect(listed.map(\.name) == ["first", ""])
            #expect(listed.allSatisfy { $0.id.count == 24 && $0.lastUsedAt == nil })
            #expect(Set(listed.map(\.id)).count == 2)

            #expect(try await store.revokeAPIToken(id: listed[0].id))
            #expect(try await !store.revokeAPIToken(id: listed[0].id))
            #expect(try await !store.revokeAPIToken(id: "nope"))
            #expect(try await !store.isValidAPIToken(first))
            #expect(try await store.isValidAPIToken(second))
            #expect(try await store.apiTokens().map(\.id) == [listed[1].id])
        }
    }

    @Test func lastUsedIsRecordedAtMostOnceAMinute() async throws {
        try await StoreFixtures.withStore { store, _ in
            let token = try await store.createAPIToken(name: "t")
            let start = Timestamp(seconds: 1_700_000_000)
            #expect(try await store.isValidAPIToken(token, now: start))
            #expect(try await store.apiTokens().first?.lastUsedAt == start)
            #expect(try await store.isValidAPIToken(token, now: start + .seconds(59)))
            #expect(try await store.apiTokens().first?.lastUsedAt == start)
            #expect(try await store.isValidAPIToken(token, now: start + .seconds(60)))
            #expect(try await store.apiTokens().first?.lastUsedAt == start + .seconds(60))
            #expect(try await store.isValidAPIToken(token))
            let now = try #require(try await store.apiTokens().first?.lastUsedAt)
            #expect(abs(now.seconds - Timestamp.now().seconds) < 60)
        }
    }

    @Test func aVersion1FileIsMigratedAndKeepsItsData() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory + "/v1.db"
            do {
                let database = try Database(path: path)
                defer { database.close() }
                try Migrator(migrations: [.v1Initial]).migrate(database, logger: StoreFixtures.logger)
                #expect(try Migrator.version(of: database) == 1)
                try database.execute("INSERT INTO settings (key, value) VALUES ('workspace_secret', 'old-secret')")
                let tables = try database.prepare("SELECT name FROM sqlite_schema WHERE name = 'api_tokens'").map {
                    $0.string(at: 0)
                }
                #expect(tables.isEmpty)
            }

            let store = try Store(path: path, logger: StoreFixtures.logger)
            #expect(try await store.workspaceSecret() == "old-secret")
            let token = try await store.createAPIToken(name: "after upgrade")
            #expect(try await store.isValidAPIToken(token))
            await store.close()

            let reopened = try Store(path: path, logger: StoreFixtures.logger)
            #expect(try await reopened.isValidAPIToken(token))
            #expect(try await reopened.apiTokens().map(\.name) == ["after upgrade"])
            await reopened.close()

            let database = try Database(path: path)
            defer { database.close() }
            #expect(try Migrator.version(of: database) == Migration.latestVersion)
        }
    }

    @Test func rotatingTheWorkspaceSecretStoresANewOne() async throws {
        try await StoreFixtures.withStore { store, path in
            let original = try await store.workspaceSecret()
            let rotated = try await store.rotateWorkspaceSecret()
            #expect(rotated != original)
            #expect(rotated.count == 64)
            #expect(rotated.allSatisfy { "0123456789abcdef".contains($0) })
            #expect(try await store.workspaceSecret() == rotated)
            #expect(try await store.setting("workspace_secret") == rotated)

            let other = try Store(path: path, logger: StoreFixtures.logger)
            #expect(try await other.workspaceSecret() == rotated)
            await other.close()
        }
    }
}
