import Emitter
import Foundation
import Pollers
import Sandbox
import Store
import TestSupport
import Testing
import VirtualHooks

/// `webhook-id`s never repeat across databases: a webhook declared with the same id in two fresh databases gets a
/// random salt in each, so the same events (same log positions) give different message ids; within one database
/// the id is stable, on a retry and after a restart.
@Suite struct MessageIDSaltTests {
    /// The application tests' file: connection `conn_app`, one include_all webhook `wh_app` of 50-record pages.
    func configuration(database: String, providerURL: String, hookURL: String, secret: String) -> ServeConfiguration {
        ApplicationTests().configuration(database: database, providerURL: providerURL, hookURL: hookURL, secret: secret)
    }

    @Test func theSameDeclaredWebhookInTwoFreshDatabasesSendsDifferentWebhookIDs() async throws {
        try await withTemporaryDirectory { dir in
            try await withSandbox(SandboxConfiguration(seed: 31, contacts: 30, companies: 0, deals: 0)) { sandbox in
                let secret = RandomID.webhookSecret()
                try await withSubscriber(
                    SubscriberConfiguration(workspaceSecret: "application-test-secret", defaultWebhookSecret: secret)
                ) { subscriber in
                    let receiver = subscriber.subscriber
                    var polling = PollerConfiguration()
                    polling.minimumInterval = .milliseconds(200)
                    var delivery = EmitterConfiguration()
                    delivery.batchWait = .milliseconds(50)
                    delivery.allowPrivateTargets = true
                    delivery.retryDelays = [.zero, .milliseconds(100), .milliseconds(100)]

                    /// Runs the application on `database` until the initial sync's one page was accepted; returns
                    /// what the subscriber got meanwhile and the webhook's stored salt.
                    func initialSync(_ database: String) async throws -> (payloads: [ReceivedPayload], salt: String) {
                        let before = receiver.received().last?.sequence ?? 0
                        let config = configuration(
                            database: database, providerURL: sandbox.baseURL, hookURL: subscriber.hookURL(),
                            secret: secret)
                        let app = try await Application(
                            configuration: config, catalog: .builtin(), polling: polling, delivery: delivery,
                            logger: .test("app"))
                        let salt = try #require(try await app.store.webhook(id: "wh_app")).idSalt
                        try await withThrowingTaskGroup(of: Void.self) { group in
                            group.addTask { try await app.run() }
                            try await waitUntil("the initial sync is accepted", timeout: .seconds(30)) {
                                receiver.received(since: before).contains {
                                    $0.type == "INITIAL-COMPLETE" && $0.wasAccepted
                                }
                            }
                            group.cancelAll()
                        }
                        return (receiver.received(since: before), salt)
                    }

                    // The first database's first attempt fails: the retry carries the same webhook-id.
                    receiver.failNext(1, status: 503)
                    let first = try await initialSync(dir.path("first.db"))
                    #expect(first.payloads.map(\.respondedStatus) == [503, 200], "\(first.payloads)")
                    let firstIDs = Set(first.payloads.compactMap(\.messageID))
                    #expect(firstIDs.count == 1, "a retry changed the webhook-id: \(firstIDs)")
                    #expect(first.salt.count == 32, "salt '\(first.salt)'")

                    // The same events (log positions 1...30) from a fresh database with the same file.
                    let second = try await initialSync(dir.path("second.db"))
                    let secondIDs = Set(second.payloads.compactMap(\.messageID))
                    #expect(second.payloads.map(\.recordCount) == [30], "\(second.payloads)")
                    #expect(secondIDs.count == 1)
                    #expect(secondIDs.isDisjoint(with: firstIDs), "webhook-id reused across databases: \(secondIDs)")
                    #expect(second.salt != first.salt)

                    // Restarting on the first database re-applies the file and keeps its salt, so ids derive alike.
                    let app = try await Application(
                        configuration: configuration(
                            database: dir.path("first.db"), providerURL: sandbox.baseURL,
                            hookURL: subscriber.hookURL(), secret: secret),
                        catalog: .builtin(), logger: .test("app"))
                    #expect(try await app.store.webhook(id: "wh_app")?.idSalt == first.salt)
                    await app.store.close()
                }
            }
        }
    }

    @Test func webhooksCreatedOverTheAPIGetTheirOwnSaltAndKeepItThroughUpdates() async throws {
        try await withAPI { api in
            let connectionID = try await api.createConnection()
            var salts: [String] = []
            var ids: [String] = []
            for _ in 0..<2 {
                let created = try await api.createWebhook(connectionID: connectionID)
                #expect(created.status == 200, "\(created.text)")
                let id = try #require(try created.json().value(atPath: "id")?.stringValue)
                ids.append(id)
                salts.append(try #require(try await api.app.store.webhook(id: id)).idSalt)
            }
            #expect(salts.allSatisfy { $0.count == 32 } && salts[0] != salts[1], "salts \(salts)")
            #expect(!(try await api.send("GET", "/unified/webhook/\(ids[0])").text.contains(salts[0])))

            let patched = try await api.send(
                "PATCH", "/unified/webhook/\(ids[0])", json: .object([("hook_url", .string("http://127.0.0.1:9/other"))]))
            #expect(patched.status == 200, "\(patched.text)")
            #expect(try await api.app.store.webhook(id: ids[0])?.idSalt == salts[0])
        }
    }
}
