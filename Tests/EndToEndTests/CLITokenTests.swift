import Foundation
import Logging
import Store
import TestSupport
import Testing

/// The local admin commands (`vhooks token …`, `vhooks secret …`) on a temporary database, and the API client
/// commands' argument checks and unreachable-server message, all through the built executable.
@Suite struct CLITokenTests {
    /// Runs `vhooks` to completion; returns its exit status and everything it printed.
    private func vhooks(
        _ arguments: [String], environment: [String: String] = [:], in dir: TemporaryDirectory
    ) async throws -> (status: Int32?, output: String) {
        let log = URL(fileURLWithPath: dir.path("out-\(UUID().uuidString).log"))
        let process = try VhooksProcess(arguments, environment: environment, outputFile: log)
        let status = await process.waitForExit()
        return (status, process.output)
    }

    private func withStore<Result>(_ path: String, _ body: (Store) async throws -> Result) async throws -> Result {
        let store = try Store(path: path, logger: .test())
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }

    private static func token(in output: String) -> String? {
        output.split(separator: "\n").map(String.init).first { line in
            line.hasPrefix("vh_") && line.count == 43
                && line.dropFirst(3).allSatisfy { "0123456789abcdef".contains($0) }
        }
    }

    @Test func tokenCreateListRevoke() async throws {
        try await withTemporaryDirectory(prefix: "cli-token") { dir in
            let db = dir.path("vhooks.db")
            let created = try await vhooks(["token", "create", "--name", "deploy bot", "--db", db], in: dir)
            #expect(created.status == 0)
            #expect(created.output.contains("not shown again"))
            let token = try #require(Self.token(in: created.output), "no token in: \(created.output)")

            let tokens = try await withStore(db) { try await $0.apiTokens() }
            let id = try #require(tokens.first?.id)
            #expect(tokens.map(\.name) == ["deploy bot"])

            let listed = try await vhooks(["token", "list", "--db", db], in: dir)
            #expect(listed.status == 0)
            #expect(listed.output.contains(id))
            #expect(listed.output.contains("deploy bot"))
            #expect(listed.output.contains("never"))
            #expect(!listed.output.contains(token))
            #expect(!listed.output.contains(String(token.dropFirst(3))))

            try await withStore(db) { (store: Store) async throws in
                #expect(try await store.isValidAPIToken(token))
            }
            let used = try await vhooks(["token", "list", "--db", db], in: dir)
            #expect(!used.output.contains("never"), "\(used.output)")

            let revoked = try await vhooks(["token", "revoke", id, "--db", db], in: dir)
            #expect(revoked.status == 0)
            #expect(revoked.output.contains("revoked token \(id)"))
            try await withStore(db) { (store: Store) async throws in
                #expect(try await !store.isValidAPIToken(token))
                #expect(try await store.apiTokens().isEmpty)
            }

            let again = try await vhooks(["token", "revoke", id, "--db", db], in: dir)
            #expect(again.status == 1)
            #expect(again.output.contains("no API token with id \(id)"))
        }
    }

    @Test func tokenCommandsFindTheDatabaseThroughTheConfigFile() async throws {
        try await withTemporaryDirectory(prefix: "cli-token-config") { dir in
            let db = dir.path("from-config.db")
            let config = dir.path("config.json")
            try Data(#"{"database": "\#(db)"}"#.utf8).write(to: URL(fileURLWithPath: config))
            let created = try await vhooks(["token", "create", "--config", config], in: dir)
            #expect(created.status == 0)
            let token = try #require(Self.token(in: created.output), "no token in: \(created.output)")
            try await withStore(db) { (store: Store) async throws in
                #expect(try await store.isValidAPIToken(token))
            }

            let missing = try await vhooks(["token", "list", "--db", dir.path("nope.db")], in: dir)
            #expect(missing.status == 64)
            #expect(missing.output.contains("no database at"))
            #expect(!FileManager.default.fileExists(atPath: dir.path("nope.db")))
        }
    }

    @Test func secretShowAndRotate() async throws {
        try await withTemporaryDirectory(prefix: "cli-secret") { dir in
            let db = dir.path("vhooks.db")
            let original = try await withStore(db) { try await $0.workspaceSecret() }

            let shown = try await vhooks(["secret", "show", "--db", db], in: dir)
            #expect(shown.status == 0)
            #expect(shown.output.split(separator: "\n").first.map(String.init) == original)

            let rotated = try await vhooks(["secret", "rotate", "--db", db], in: dir)
            #expect(rotated.status == 0)
            let secret = try #require(rotated.output.split(separator: "\n").map(String.init).first {
                $0.count == 64 && $0.allSatisfy { "0123456789abcdef".contains($0) }
            })
            #expect(secret != original)
            try await withStore(db) { (store: Store) async throws in
                #expect(try await store.workspaceSecret() == secret)
            }

            let shownAgain = try await vhooks(["secret", "show", "--db", db], in: dir)
            #expect(shownAgain.output.split(separator: "\n").first.map(String.init) == secret)
        }
    }

    @Test func rotatingWarnsWhenTheConfigFileDeclaresTheSecret() async throws {
        try await withTemporaryDirectory(prefix: "cli-secret-config") { dir in
            let db = dir.path("vhooks.db")
            let config = dir.path("config.json")
            try Data(#"{"database": "\#(db)", "workspace_secret": "declared"}"#.utf8)
                .write(to: URL(fileURLWithPath: config))
            let rotated = try await vhooks(["secret", "rotate", "--config", config], in: dir)
            #expect(rotated.status == 0)
            #expect(rotated.output.contains("writes back on start"), "\(rotated.output)")
            let secret = try await withStore(db) { try await $0.workspaceSecret() }
            #expect(secret != "declared")
            #expect(rotated.output.contains(secret))
        }
    }

    private static let webhookBase = ["webhook", "create", "--connection", "c", "--object", "o"]
    private static let validWebhook = webhookBase + ["--event", "created", "--hook-url", "http://h"]

    @Test(arguments: [
        (["webhook", "create", "--object", "o", "--event", "updated", "--hook-url", "http://h/x"], "--connection"),
        (webhookBase + ["--event", "bogus", "--hook-url", "http://h/x"], "--event"),
        (webhookBase + ["--event", "updated"], "--hook-url is required"),
        (webhookBase + ["--event", "created", "--hook-url", "ftp://h"], "--hook-url"),
        (validWebhook + ["--filter", "nokey"], "--filter must be key=value"),
        (validWebhook + ["--page-max-limit", "0"], "--page-max-limit"),
        (validWebhook + ["--interval", "0"], "--interval"),
        (["webhook", "update", "abc"], "nothing to change"),
        (["webhook", "get"], "id"),
        (["webhook", "list", "--limit", "500"], "--limit"),
        (["webhook", "list", "--api", "ftp://127.0.0.1:9"], "http(s) URL"),
        (["connection", "create", "--integration", "sandbox", "--api-url", "127.0.0.1:8181"], "--api-url"),
        (["connection", "create", "--api-url", "http://127.0.0.1:8181"], "--integration"),
    ])
    func badArgumentsAreUsageErrors(arguments: [String], message: String) async throws {
        try await withTemporaryDirectory(prefix: "cli-args") { dir in
            let result = try await vhooks(arguments + ["--token", "vh_x"], in: dir)
            #expect(result.status == 64, "\(arguments): \(result.output)")
            #expect(result.output.contains(message), "\(arguments): \(result.output)")
        }
    }

    @Test func aMissingTokenIsAUsageError() async throws {
        try await withTemporaryDirectory(prefix: "cli-no-token") { dir in
            let result = try await vhooks(
                ["connection", "list", "--api", "http://127.0.0.1:9"], environment: ["VHOOKS_TOKEN": ""], in: dir)
            #expect(result.status == 64)
            #expect(result.output.contains("an API token is needed"))
        }
    }

    @Test(arguments: [
        ["webhook", "list"], ["webhook", "get", "abc"], ["webhook", "trigger", "abc"],
        ["webhook", "update", "abc", "--paused"], ["connection", "list"], ["connection", "delete", "abc"],
        ["webhook", "create", "--connection", "c", "--object", "crm_contact", "--event", "updated", "--hook-url",
         "http://127.0.0.1:9/hook", "--include-all", "--filter", "company_id=1"],
    ])
    func anUnreachableAPIIsReportedWithItsURL(arguments: [String]) async throws {
        try await withTemporaryDirectory(prefix: "cli-unreachable") { dir in
            // Port 9 (discard) on loopback: nothing listens there on a test machine, so the connection is refused.
            let byOption = try await vhooks(arguments + ["--api", "http://127.0.0.1:9/", "--token", "vh_x"], in: dir)
            #expect(byOption.status == 1, "\(byOption.output)")
            #expect(byOption.output.contains("not reachable at http://127.0.0.1:9"), "\(byOption.output)")

            let byEnvironment = try await vhooks(
                arguments, environment: ["VHOOKS_API": "http://127.0.0.1:9", "VHOOKS_TOKEN": "vh_x"], in: dir)
            #expect(byEnvironment.status == 1, "\(byEnvironment.output)")
            #expect(byEnvironment.output.contains("not reachable at http://127.0.0.1:9"), "\(byEnvironment.output)")
        }
    }
}
