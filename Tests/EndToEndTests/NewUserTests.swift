import Foundation
import Sandbox
import Store
import TestSupport
import Testing

/// What a new user meets first, through the built `vhooks`: help that shows defaults, usage errors that show the
/// subcommand, `token create` that will not guess a database, a log that narrates a backfill and a failing spell,
/// and a tour subscriber that verifies every webhook.
@Suite struct NewUserTests {
    private func vhooks(
        _ arguments: [String], environment: [String: String] = [:], in dir: TemporaryDirectory,
        workingDirectory: URL? = nil
    ) async throws -> (status: Int32?, output: String) {
        let log = URL(fileURLWithPath: dir.path("out-\(UUID().uuidString).log"))
        let process = try VhooksProcess(
            arguments, environment: environment, outputFile: log, workingDirectory: workingDirectory)
        let status = await process.waitForExit()
        return (status, process.output)
    }

    @Test func helpTextsShowTheDefaults() async throws {
        try await withTemporaryDirectory(prefix: "help") { dir in
            // Help wraps lines: compare with the whitespace folded.
            func folded(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            let create = try await vhooks(["webhook", "create", "--help"], in: dir)
            #expect(create.status == 0)
            #expect(folded(create.output).contains("(default on create: 60)"), "\(create.output)")
            #expect(folded(create.output).contains("(default on create: 100)"), "\(create.output)")
            let token = try await vhooks(["token", "create", "--help"], in: dir)
            #expect(folded(token.output).contains("This or --config is required"), "\(token.output)")
        }
    }

    @Test(arguments: [
        (["webhook", "create", "--connection", "c", "--object", "o", "--event", "bogus", "--hook-url", "http://h",
          "--token", "vh_x"], "vhooks webhook create"),
        (["webhook", "create", "--connection", "c", "--object", "o", "--event", "updated", "--token", "vh_x"],
         "vhooks webhook create"),
        (["token", "create"], "vhooks token create"),
        (["serve", "--config", "/nonexistent/vhooks-config.json"], "vhooks serve"),
    ])
    func validationErrorsPrintTheSubcommandsUsage(arguments: [String], usage: String) async throws {
        try await withTemporaryDirectory(prefix: "usage") { dir in
            let result = try await vhooks(arguments, in: dir)
            #expect(result.status == 64, "\(arguments): \(result.output)")
            let usageLine = result.output.split(separator: "\n").first { $0.contains("sage: ") }
            #expect(usageLine?.contains(usage) == true, "\(arguments): \(result.output)")
            #expect(!result.output.contains("<subcommand>"), "\(arguments): \(result.output)")
            #expect(result.output.contains("See '\(usage) --help'"), "\(arguments): \(result.output)")
        }
    }

    @Test func tokenCreateWithoutADatabaseRefusesAndCreatesNoFile() async throws {
        try await withTemporaryDirectory(prefix: "token-nodb") { dir in
            let result = try await vhooks(["token", "create", "--name", "x"], in: dir, workingDirectory: dir.url)
            #expect(result.status == 64, "\(result.output)")
            #expect(result.output.contains("--db PATH or --config FILE"), "\(result.output)")
            #expect(!result.output.contains("vh_"), "\(result.output)")
            let files = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
            #expect(!files.contains { $0.hasPrefix("vhooks.db") }, "\(files)")
        }
    }

    /// `vhooks serve` at its default level narrates what a person watching wants: the initial sync's progress and
    /// completion, the first failure of a spell and its recovery; single deliveries only at debug.
    @Test func serveLogsInitialSyncAndFailureSpellsAtTheDefaultLevel() async throws {
        try await withSandbox(SandboxConfiguration(seed: 9, contacts: 250, companies: 0, deals: 0)) { sandbox in
            try await withSubscriber(SubscriberConfiguration(workspaceSecret: "s3cret")) { subscriber in
                try await withTemporaryDirectory(prefix: "serve-log") { dir in
                    subscriber.subscriber.failNext(2, status: 503)
                    let config = dir.path("config.json")
                    try Data(
                        """
                        {
                          "database": "\(dir.path("vhooks.db"))",
                          "listen": "127.0.0.1:0",
                          "workspace_secret": "s3cret",
                          "allow_private_targets": true,
                          "retry_schedule": [0, 0.2, 0.2, 0.2, 0.2],
                          "connections": [{"id": "c1", "integration_type": "sandbox", "api_url": "\(sandbox.baseURL)"}],
                          "webhooks": [
                            {"id": "wh_log", "connection_id": "c1", "object_type": "crm_contact", "event": "updated",
                             "hook_url": "\(subscriber.hookURL())", "interval": 60, "include_all": true,
                             "page_max_limit": 100}
                          ]
                        }
                        """.utf8
                    ).write(to: URL(fileURLWithPath: config))
                    let serve = try VhooksProcess(
                        ["serve", "--config", config], outputFile: URL(fileURLWithPath: dir.path("serve.log")))
                    defer { serve.send(SIGKILL) }
                    try await waitUntil("the initial sync completes", timeout: .seconds(60)) {
                        serve.output.contains("initial sync complete") || !serve.isRunning
                    }
                    let log = serve.output
                    #expect(serve.isRunning, "\(log)")
                    #expect(log.contains("initial sync in progress: 1 page(s), 100 record(s) delivered"), "\(log)")
                    // 3 or 4 pages: the last may be an empty INITIAL-COMPLETE when the poll ended after it was planned.
                    #expect(log.contains(" page(s), 250 record(s) in "), "\(log)")
                    #expect(log.contains("records/s"), "\(log)")
                    // Two 503s then a success: one line for the start of the spell, one for its end.
                    #expect(log.components(separatedBy: "delivery failed; retrying").count == 2, "\(log)")
                    #expect(log.contains("delivery recovered after 2 failed attempt(s)"), "\(log)")
                    #expect(!log.contains("message delivered"), "single deliveries are debug: \(log)")
                    serve.send(SIGTERM)
                    _ = await serve.waitForExit()
                }
            }
        }
    }
    /// The tour's subscriber, given the API (`--api`, token from `$VHOOKS_TOKEN`), fetches each webhook's own
    /// Standard Webhooks secret, so webhooks made with `vhooks webhook create` verify as the config's do.
    @Test func theTourSubscriberVerifiesWebhooksCreatedFromTheCommandLine() async throws {
        try await withSandbox(SandboxConfiguration(seed: 4, contacts: 20, companies: 0, deals: 0)) { sandbox in
            try await withTemporaryDirectory(prefix: "tour") { dir in
                let config = dir.path("config.json")
                try Data(
                    """
                    {"database": "\(dir.path("vhooks.db"))", "listen": "127.0.0.1:0", "workspace_secret": "s3cret",
                     "allow_private_targets": true,
                     "connections": [{"id": "c1", "integration_type": "sandbox", "api_url": "\(sandbox.baseURL)"}]}
                    """.utf8
                ).write(to: URL(fileURLWithPath: config))
                let created = try await vhooks(["token", "create", "--config", config], in: dir)
                let token = try #require(
                    created.output.split(separator: "\n").map(String.init).first { $0.hasPrefix("vh_") }, "\(created.output)")

                let serve = try VhooksProcess(
                    ["serve", "--config", config], outputFile: URL(fileURLWithPath: dir.path("serve.log")))
                defer { serve.send(SIGKILL) }
                try await waitUntil("serve listens", timeout: .seconds(30)) {
                    serve.output.contains("management API listening") || !serve.isRunning
                }
                let apiPort = try #require(Self.port(after: "address=127.0.0.1:", in: serve.output), "\(serve.output)")
                let api = "http://127.0.0.1:\(apiPort)"

                let subscriber = try VhooksProcess(
                    ["subscriber", "--port", "0", "--workspace-secret", "s3cret", "--api", api],
                    environment: ["VHOOKS_TOKEN": token], outputFile: URL(fileURLWithPath: dir.path("subscriber.log")))
                defer { subscriber.send(SIGKILL) }
                try await waitUntil("the subscriber listens", timeout: .seconds(30)) {
                    subscriber.output.contains("recording subscriber on") || !subscriber.isRunning
                }
                let hookPort = try #require(
                    Self.port(after: "recording subscriber on http://127.0.0.1:", in: subscriber.output), "\(subscriber.output)")

                for object in ["/a", "/b"] {
                    let made = try await vhooks(
                        ["webhook", "create", "--connection", "c1", "--object", "crm_contact", "--event", "updated",
                         "--hook-url", "http://127.0.0.1:\(hookPort)/hook\(object)", "--include-all", "--interval", "1",
                         "--api", api, "--token", token], in: dir)
                    #expect(made.status == 0, "\(made.output)")
                }
                try await waitUntil("both initial syncs arrive", timeout: .seconds(60)) {
                    subscriber.output.components(separatedBy: "INITIAL-COMPLETE").count == 3
                }
                let lines = subscriber.output.split(separator: "\n").filter { $0.hasPrefix("#") }
                #expect(lines.count >= 2, "\(subscriber.output)")
                for line in lines {
                    #expect(line.contains("sig=valid") && line.contains("webhook-signature=valid"), "\(line)")
                }
            }
        }
    }

    /// The decimal port that follows `marker` in `text`.
    private static func port(after marker: String, in text: String) -> Int? {
        guard let range = text.range(of: marker) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }
}
