import Foundation
import Sandbox
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Unified's official Python SDK (`unified-python-sdk`) drives `vhooks serve` as a Unified customer's code would:
/// create with `include_all`, list, get, patch, update, trigger, an unhealthy spell and resume, remove. The script
/// (`Tests/SDK/unified_sdk_e2e.py`) checks each effect at the recording subscriber and prints one line per SDK method.
@Suite struct UnifiedSDKTests {
    static let workspaceSecret = "sdk-e2e-workspace-secret"

    @Test(.enabled(if: SDKVirtualenv.isReady, Comment(rawValue: SDKVirtualenv.skipReason)), .timeLimit(.minutes(5)))
    func unifiedPythonSDKDrivesTheManagementAPI() async throws {
        try await withTemporaryDirectory(prefix: "sdk-e2e") { dir in
            try await withSandbox(SandboxConfiguration(contacts: 230)) { sandbox in
                try await withSubscriber(SubscriberConfiguration(workspaceSecret: Self.workspaceSecret)) { subscriber in
                    try await run(in: dir, sandbox: sandbox, subscriber: subscriber)
                }
            }
        }
    }

    private func run(in dir: TemporaryDirectory, sandbox: RunningSandbox, subscriber: RunningSubscriber) async throws {
        let database = dir.path("vhooks.db")
        let config = dir.path("config.json")
        // A short retry schedule turns the webhook unhealthy within a second of the subscriber failing.
        try Data(
            """
            {
              "database": "\(database)",
              "workspace_secret": "\(Self.workspaceSecret)",
              "lookback_seconds": 2,
              "safety_lag_seconds": 0,
              "retry_schedule": [0, 0.1, 0.1],
              "connections": [
                {"id": "sdk-sandbox", "integration_type": "sandbox", "api_url": "\(sandbox.baseURL)",
                 "token": "sandbox-token", "categories": ["crm"]}
              ]
            }
            """.utf8
        ).write(to: URL(fileURLWithPath: config))

        let served = try await ServedAPI.start(config: config, database: database, in: dir, tokenName: "sdk-e2e")
        let server = served.server
        defer { server.send(SIGKILL) }
        let api = served.baseURL
        let token = served.token
        #expect(try await TestHTTP.send("GET", api + "/health").status == 200)

        let result = try await SDKVirtualenv.run(
            [packageRoot.appendingPathComponent("Tests/SDK/unified_sdk_e2e.py").path],
            environment: [
                "VHOOKS_API": api, "VHOOKS_TOKEN": token, "VHOOKS_CONNECTION": "sdk-sandbox",
                "VHOOKS_HOOK_URL": subscriber.hookURL("/sdk"), "VHOOKS_SUBSCRIBER": subscriber.baseURL,
                "VHOOKS_SANDBOX": sandbox.baseURL,
            ],
            timeout: .seconds(180))
        print(result.output)
        #expect(result.status == 0, "SDK script failed:\n\(result.output)\nserver log:\n\(server.output.suffix(4000))")
        #expect(result.output.contains("ok    webhook.remove_unified_webhook"))

        // Every payload the subscriber accepted carried a `sig` that verifies with the workspace secret.
        let received = subscriber.subscriber.received()
        #expect(!received.isEmpty)
        #expect(received.allSatisfy { $0.sig == .valid }, "a payload's sig did not verify")

        server.send(SIGTERM)
        #expect(await server.waitForExit() == 0, "serve did not stop cleanly: \(server.output.suffix(2000))")
    }
}
