import Foundation
import Sandbox
import Store
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A `vhooks serve` SIGKILLed in the middle of a backfill, then restarted: attempts answered before the kill are in
/// the attempt journal and replayed, so only the message in flight is POSTed again (at-least-once), as the README
/// promises: at most 1 repeated `webhook-id` per webhook.
@Suite struct CrashRepeatTests {
    @Test func aSigkillMidBackfillRepeatsAtMostTheMessageInFlight() async throws {
        try await withTemporaryDirectory(prefix: "crash-repeat") { dir in
            try await withSandbox(SandboxConfiguration(seed: 41, contacts: 5_000, companies: 0, deals: 0)) { sandbox in
                let workspaceSecret = "crash-repeat-workspace-secret"
                let webhookSecret = RandomID.webhookSecret()
                try await withSubscriber(
                    SubscriberConfiguration(workspaceSecret: workspaceSecret, defaultWebhookSecret: webhookSecret)
                ) { subscriber in
                    let receiver = subscriber.subscriber
                    // A slow-ish receiver (accepting after 25 ms), so the kill lands among the first messages: a
                    // provider page of up to 1,000 records makes up to 50 messages of 20, all built ahead from one
                    // read of the log and sent one after another.
                    receiver.failNext(1_000_000, status: 200, delay: .milliseconds(25))
                    let config = dir.path("config.json")
                    try Data(
                        """
                        {
                          "database": "\(dir.path("vhooks.db"))",
                          "workspace_secret": "\(workspaceSecret)",
                          "min_interval_minutes": 0.01,
                          "allow_private_targets": true,
                          "listen": "127.0.0.1:0",
                          "connections": [
                            {"id": "conn_repeat", "integration_type": "sandbox", "api_url": "\(sandbox.baseURL)"}
                          ],
                          "webhooks": [
                            {"id": "wh_repeat", "connection_id": "conn_repeat", "object_type": "crm_contact",
                             "event": "updated", "hook_url": "\(subscriber.hookURL())", "interval": 0.02,
                             "page_max_limit": 20, "include_all": true, "secret": "\(webhookSecret)"}
                          ]
                        }
                        """.utf8
                    ).write(to: URL(fileURLWithPath: config))

                    let first = try VhooksProcess(
                        ["serve", "--config", config], outputFile: URL(fileURLWithPath: dir.path("first.log")))
                    try await waitUntil("20 messages arrive", timeout: .seconds(60)) {
                        receiver.received().count >= 20 || !first.isRunning
                    }
                    first.send(SIGKILL)
                    _ = await first.waitForExit()
                    #expect(first.wasSignalled, "\(first.output.suffix(2000))")
                    let beforeRestart = receiver.received().count

                    let second = try VhooksProcess(
                        ["serve", "--config", config], outputFile: URL(fileURLWithPath: dir.path("second.log")))
                    try await waitUntil("INITIAL-COMPLETE arrives", timeout: .seconds(120)) {
                        receiver.received().contains { $0.type == "INITIAL-COMPLETE" } || !second.isRunning
                    }
                    second.send(SIGTERM)
                    #expect(await second.waitForExit() == 0, "\(second.output.suffix(2000))")

                    let payloads = receiver.received()
                    #expect(payloads.allSatisfy { $0.isVerified && $0.wasAccepted })
                    #expect(Set(payloads.flatMap(\.recordIDs)).count == 5_000)
                    // Repeated webhook-ids, per webhook.
                    var copies: [String: [String: Int]] = [:]
                    for payload in payloads {
                        copies[payload.webhookID ?? "?", default: [:]][payload.messageID ?? "?", default: 0] += 1
                    }
                    #expect(copies.keys.sorted() == ["wh_repeat"])
                    for (webhookID, ids) in copies {
                        let repeated = ids.filter { $0.value > 1 }
                        #expect(
                            repeated.count <= 1,
                            """
                            webhook \(webhookID): \(repeated.count) webhook-ids arrived more than once \
                            (\(beforeRestart) payloads before the kill, \(payloads.count) in all): \(repeated)
                            """)
                    }
                }
            }
        }
    }
}
