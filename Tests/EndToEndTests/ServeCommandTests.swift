import Foundation
import TestSupport
import Testing

/// `vhooks serve` as a user runs it: a bad configuration file is a clear message and a non-zero exit, never a crash.
@Suite struct ServeCommandTests {
    @Test func aBadConfigurationNamesFileLineAndFieldAndExitsWithAUsageError() async throws {
        try await withTemporaryDirectory { dir in
            let config = dir.path("config.json")
            try Data(
                """
                {
                  "database": "\(dir.path("vhooks.db"))",
                  "connections": [
                    {"id": "c1", "integration_type": "sandbox", "api_url": "http://127.0.0.1:9"}
                  ],
                  "webhooks": [
                    {"connection_id": "c1", "object_type": "crm_contact", "event": "updated",
                     "hook_url": "http://127.0.0.1:9/hook", "interval": -3}
                  ]
                }
                """.utf8
            ).write(to: URL(fileURLWithPath: config))
            let process = try VhooksProcess(
                ["serve", "--config", config], outputFile: URL(fileURLWithPath: dir.path("out.log")))
            let status = await process.waitForExit()
            #expect(status == 64)
            #expect(!process.wasSignalled)
            #expect(process.output.contains("config.json:8: webhooks[0].interval: must be at least 1 minutes"))
        }
    }

    @Test func aPrivateHookURLNeedsAllowPrivateTargets() async throws {
        try await withTemporaryDirectory { dir in
            let config = dir.path("config.json")
            try Data(
                """
                {
                  "database": "\(dir.path("vhooks.db"))",
                  "listen": "127.0.0.1:0",
                  "connections": [
                    {"id": "c1", "integration_type": "sandbox", "api_url": "https://crm.example.com"}
                  ],
                  "webhooks": [
                    {"connection_id": "c1", "object_type": "crm_contact", "event": "updated",
                     "hook_url": "http://10.0.0.7/hook", "interval": 5}
                  ]
                }
                """.utf8
            ).write(to: URL(fileURLWithPath: config))
            let refused = try VhooksProcess(
                ["serve", "--config", config], outputFile: URL(fileURLWithPath: dir.path("refused.log")))
            #expect(await refused.waitForExit() == 64)
            #expect(refused.output.contains("config.json: webhooks[0].hook_url: 10.0.0.7"), "\(refused.output)")
            #expect(refused.output.contains("--allow-private-targets"))

            // With the flag the same file starts (and stops cleanly on SIGTERM).
            let allowed = try VhooksProcess(
                ["serve", "--config", config, "--allow-private-targets"],
                outputFile: URL(fileURLWithPath: dir.path("allowed.log")))
            try await waitUntil("serve listens", timeout: .seconds(60)) {
                allowed.output.contains("management API listening") || !allowed.isRunning
            }
            #expect(allowed.isRunning, "\(allowed.output)")
            allowed.send(SIGTERM)
            #expect(await allowed.waitForExit() == 0)
        }
    }

    @Test func anAPIAddressInUseStopsServeWithAMessage() async throws {
        try await withTemporaryDirectory { dir in
            try await withSubscriber { occupant in
                let config = dir.path("config.json")
                try Data(#"{"database": "\#(dir.path("vhooks.db"))"}"#.utf8).write(to: URL(fileURLWithPath: config))
                let process = try VhooksProcess(
                    ["serve", "--config", config, "--listen", "127.0.0.1:\(occupant.port)"],
                    outputFile: URL(fileURLWithPath: dir.path("out.log")))
                let status = try #require(await process.waitForExit(), "serve kept running: \(process.output)")
                #expect(status != 0, "\(process.output)")
                #expect(!process.wasSignalled)
                #expect(process.output.contains("the management API stopped"), "\(process.output)")
            }
        }
    }

    @Test func aMissingConfigurationFileIsReported() async throws {
        try await withTemporaryDirectory { dir in
            let process = try VhooksProcess(
                ["serve", "--config", dir.path("nope.json")], outputFile: URL(fileURLWithPath: dir.path("out.log")))
            let status = await process.waitForExit()
            #expect(status == 64)
            #expect(process.output.contains("nope.json: cannot read the file"))
        }
    }
}
