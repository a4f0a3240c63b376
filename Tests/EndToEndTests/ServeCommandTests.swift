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
