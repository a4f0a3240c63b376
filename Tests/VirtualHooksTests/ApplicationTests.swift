import Emitter
import Foundation
import Pollers
import Sandbox
import Store
import TestSupport
import Testing
import VirtualHooks

/// The application wired together: declarations applied idempotently, and a full backfill then live change over
/// loopback, every payload verified.
@Suite struct ApplicationTests {
    func configuration(database: String, providerURL: String, hookURL: String, secret: String) -> ServeConfiguration {
        var configuration = ServeConfiguration()
        configuration.database = database
        configuration.minimumIntervalMinutes = 0.001
        configuration.workspaceSecret = "application-test-secret"
        configuration.allowPrivateTargets = true  // the sandbox and the subscriber are on loopback
        configuration.connections = [Connection(id: "conn_app", integrationType: "sandbox", apiURL: providerURL)]
        configuration.webhooks = [
            WebhookDeclaration(
                id: "wh_app", connectionID: "conn_app", objectType: "crm_contact", event: .updated, hookURL: hookURL,
                interval: 0.01, pageMaxLimit: 50, includeAll: true, secret: secret)
        ]
        return configuration
    }

    @Test func declarationsAreAppliedIdempotentlyAndUpdatesKeepTheDeliveryPosition() async throws {
        try await withTemporaryDirectory { dir in
            let db = dir.path("vhooks.db")
            var config = configuration(
                database: db, providerURL: "http://127.0.0.1:9", hookURL: "http://127.0.0.1:9/hook",
                secret: RandomID.webhookSecret())
            config.webhooks[0].secret = nil
            for _ in 0..<2 {
                let app = try await Application(configuration: config, catalog: .builtin(), logger: .test("app"))
                await app.store.close()
            }
            let store = try Store(path: db, logger: .test("store"))
            let first = try #require(try await store.webhook(id: "wh_app"))
            #expect(try await store.webhooks().count == 1)
            #expect(try await store.connections().count == 1)
            #expect(first.secret.hasPrefix("whsec_"))
            #expect(try await store.setting("workspace_secret") == "application-test-secret")
            await store.close()

            // Editing the file updates the webhook; its generated secret and creation time stay.
            config.webhooks[0].interval = 5
            let app = try await Application(configuration: config, catalog: .builtin(), logger: .test("app"))
            let updated = try #require(try await app.store.webhook(id: "wh_app"))
            #expect(updated.interval == 5)
            #expect(updated.secret == first.secret)
            #expect(updated.createdAt == first.createdAt)
            await app.store.close()
        }
    }

    @Test func backfillThenLiveChangeArriveVerifiedAndInOrder() async throws {
        try await withTemporaryDirectory { dir in
            try await withSandbox(SandboxConfiguration(seed: 21, contacts: 260, companies: 0, deals: 0)) { sandbox in
                let secret = RandomID.webhookSecret()
                try await withSubscriber(
                    SubscriberConfiguration(workspaceSecret: "application-test-secret", defaultWebhookSecret: secret)
                ) { subscriber in
                    let config = configuration(
                        database: dir.path("vhooks.db"), providerURL: sandbox.baseURL,
                        hookURL: subscriber.hookURL(), secret: secret)
                    var polling = PollerConfiguration()
                    polling.minimumInterval = .milliseconds(200)
                    var delivery = EmitterConfiguration()
                    delivery.batchWait = .milliseconds(50)
                    let app = try await Application(
                        configuration: config, catalog: .builtin(), polling: polling, delivery: delivery,
                        logger: .test("app"))
                    let receiver = subscriber.subscriber
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask { try await app.run() }
                        try await waitUntil("the initial sync completes", timeout: .seconds(60)) {
                            receiver.received().contains { $0.type == "INITIAL-COMPLETE" }
                        }
                        let mutation = sandbox.provider.mutate(.contacts, updates: 2, creates: 1)
                        try await waitUntil("the live change arrives", timeout: .seconds(60)) {
                            Set(receiver.received().filter { $0.type == "VIRTUAL" }.flatMap(\.recordIDs))
                                .isSuperset(of: mutation.ids)
                        }
                        group.cancelAll()
                    }
                    let payloads = receiver.received()
                    #expect(payloads.allSatisfy { $0.isVerified })
                    let types = payloads.compactMap(\.type)
                    // 260 records at 50 a page: five INITIAL-PARTIAL, then INITIAL-COMPLETE with 10, then VIRTUAL.
                    #expect(Array(types.prefix(6)) == Array(repeating: "INITIAL-PARTIAL", count: 5) + ["INITIAL-COMPLETE"])
                    #expect(payloads.prefix(6).map(\.recordCount) == [50, 50, 50, 50, 50, 10])
                    #expect(Set(payloads.prefix(6).flatMap(\.recordIDs)).count == 260)
                    #expect(types.dropFirst(6).allSatisfy { $0 == "VIRTUAL" })
                }
            }
        }
    }
}
