import Foundation
import Sandbox
import Store
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `vhooks` executable killed with SIGKILL between a page's fetch and its commit, then restarted: the page
/// is re-read and no event is stored twice (polling.md §15 case 30; DESIGN.md "Durability rule").
@Suite struct CrashRecoveryTests {
    @Test func sigkillBetweenFetchAndCommitReReadsWithoutADuplicateEvent() async throws {
        try await withTemporaryDirectory(prefix: "crash") { dir in
            try await withSandbox(SandboxConfiguration(seed: 11, contacts: 2_500, companies: 0, deals: 0)) { sandbox in
                let workspaceSecret = "crash-test-workspace-secret"
                let webhookSecret = RandomID.webhookSecret()
                try await withSubscriber(
                    SubscriberConfiguration(workspaceSecret: workspaceSecret, defaultWebhookSecret: webhookSecret)
                ) { subscriber in
                    let db = dir.path("vhooks.db")
                    let config = dir.path("config.json")
                    try Data(
                        """
                        {
                          "database": "\(db)",
                          "workspace_secret": "\(workspaceSecret)",
                          "min_interval_minutes": 0.01,
                          "allow_private_targets": true,
                          "listen": "127.0.0.1:0",
                          "connections": [
                            {"id": "conn_crash", "integration_type": "sandbox", "api_url": "\(sandbox.baseURL)"}
                          ],
                          "webhooks": [
                            {"id": "wh_crash", "connection_id": "conn_crash", "object_type": "crm_contact",
                             "event": "updated", "hook_url": "\(subscriber.hookURL())", "interval": 0.02,
                             "include_all": true, "secret": "\(webhookSecret)"}
                          ]
                        }
                        """.utf8
                    ).write(to: URL(fileURLWithPath: config))

                    // 1. Pause before committing page 2 of the baseline, then SIGKILL.
                    let marker = dir.path("paused")
                    let first = try VhooksProcess(
                        ["serve", "--config", config], environment: ["VHOOKS_FAULT_PAUSE_BEFORE_COMMIT": "2:\(marker)"],
                        outputFile: URL(fileURLWithPath: dir.path("first.log")))
                    try await waitUntil("the poller pauses before the commit", timeout: .seconds(30)) {
                        FileManager.default.fileExists(atPath: marker)
                    }
                    first.send(SIGKILL)
                    _ = await first.waitForExit()
                    #expect(first.wasSignalled, "\(first.output)")
                    let listsBeforeRestart = sandbox.provider.stats().listRequests(.contacts)
                    // Pages 1 and 2 (and page 3, prefetched while page 2 was diffed) were fetched.
                    #expect(listsBeforeRestart >= 2)

                    do {
                        let store = try Store(path: db, logger: .test("store"))
                        let stream = StreamKey(connectionID: "conn_crash", objectType: "crm_contact")
                        let state = try await store.streamState(stream)
                        #expect(state.runPageToken != nil, "page 1's checkpoint names page 2")
                        #expect(!state.baselineComplete)
                        let events = try await store.events(
                            stream, afterSeq: 0, kinds: Set(EventKind.allCases), includeBackfill: true, limit: 10_000)
                        #expect(events.count == 1_000, "only page 1 was committed")
                        await store.close()
                    }

                    // 2. Restart without the fault: the run resumes at page 2 and the backfill completes.
                    let second = try VhooksProcess(
                        ["serve", "--config", config], outputFile: URL(fileURLWithPath: dir.path("second.log")))
                    let receiver = subscriber.subscriber
                    try await waitUntil("INITIAL-COMPLETE arrives", timeout: .seconds(60)) {
                        receiver.received().contains { $0.type == "INITIAL-COMPLETE" }
                    }
                    second.send(SIGTERM)
                    let status = await second.waitForExit()
                    #expect(status == 0, "graceful stop; output: \(second.output.suffix(2000))")

                    // 3. Every record exactly once in the log; page 2 was fetched again, nothing else twice.
                    let store = try Store(path: db, logger: .test("store"))
                    let stream = StreamKey(connectionID: "conn_crash", objectType: "crm_contact")
                    let events = try await store.events(
                        stream, afterSeq: 0, kinds: Set(EventKind.allCases), includeBackfill: true, limit: 10_000)
                    await store.close()
                    #expect(events.count == 2_500)
                    #expect(Set(events.map(\.recordID)).count == 2_500)
                    #expect(Set(events.map(\.eventID)).count == 2_500)
                    #expect(sandbox.provider.stats().listRequests(.contacts) >= 4)

                    // The subscriber got every record, verified; a record seen twice came in a retried message
                    // (same webhook-id), never in two different messages.
                    let payloads = receiver.received()
                    #expect(payloads.allSatisfy { $0.isVerified })
                    var messageOfRecord: [String: String] = [:]
                    for payload in payloads {
                        for id in payload.recordIDs {
                            if let earlier = messageOfRecord[id] {
                                #expect(earlier == payload.messageID, "record \(id) in two messages")
                            }
                            messageOfRecord[id] = payload.messageID
                        }
                    }
                    #expect(messageOfRecord.count == 2_500)
                }
            }
        }
    }
}
