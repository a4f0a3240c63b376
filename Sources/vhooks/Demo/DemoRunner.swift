import Emitter
import Foundation
import Logging
import Pollers
import Sandbox
import Store
import VirtualHooks

/// Starts the sandbox provider, the recording subscriber and the bridge on free loopback ports with a temporary
/// database, subscribes one `include_all` webhook to the contacts, and narrates what arrives.
struct DemoRunner: Sendable {
    let contacts: Int
    /// How long to keep changing records after the backfill; `nil` = until cancelled.
    let liveDuration: Duration?
    let changeEvery: Duration
    let seed: UInt64
    let logger: Logger

    /// What the demo saw; `failure` is set when a payload did not verify.
    struct Result {
        var failure: String?
    }

    func run() async throws -> Result {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vhooks-demo-\(RandomID.hex(bytes: 6))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let workspaceSecret = RandomID.hex(bytes: 32)
        let webhookSecret = RandomID.webhookSecret()
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .warning)
        let provider = SandboxProvider(
            configuration: SandboxConfiguration(seed: seed, contacts: contacts, companies: 0, deals: 0),
            logger: quiet)
        let subscriber = RecordingSubscriber(
            configuration: SubscriberConfiguration(
                workspaceSecret: workspaceSecret, defaultWebhookSecret: webhookSecret,
                capacity: max(10_000, contacts / 50 + 1_000), keepBodies: true),
            logger: quiet)

        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await provider.run() }
            group.addTask { try await subscriber.run() }
            let providerPort = try await provider.waitUntilRunning()
            let subscriberPort = try await subscriber.waitUntilRunning()

            var configuration = ServeConfiguration()
            configuration.database = directory.appendingPathComponent("vhooks.db").path
            configuration.minimumIntervalMinutes = 0.01
            configuration.workspaceSecret = workspaceSecret
            configuration.allowPrivateTargets = true  // the demo's provider and subscriber are on loopback
            configuration.connections = [
                Connection(
                    id: "conn_demo_sandbox", integrationType: "sandbox",
                    apiURL: "http://127.0.0.1:\(providerPort)", token: "demo-token")
            ]
            configuration.webhooks = [
                WebhookDeclaration(
                    id: "wh_demo_contacts", connectionID: "conn_demo_sandbox", objectType: "crm_contact",
                    event: .updated, hookURL: "http://127.0.0.1:\(subscriberPort)/hook", interval: 0.05,
                    pageMaxLimit: 100, includeAll: true, secret: webhookSecret)
            ]
            var polling = PollerConfiguration()
            polling.minimumInterval = .seconds(1)
            var delivery = EmitterConfiguration()
            delivery.batchWait = .milliseconds(200)
            let app = try await Application(
                configuration: configuration, catalog: .builtin(), polling: polling, delivery: delivery,
                logger: quiet)
            let narrator = DemoNarrator(subscriber: subscriber, contacts: contacts)
            narrator.header(providerPort: providerPort, subscriberPort: subscriberPort)
            // The bridge runs in its own group so it can be stopped before the servers it talks to.
            let result = try await withThrowingTaskGroup(of: Void.self) { bridge in
                bridge.addTask { try await app.run() }
                defer { bridge.cancelAll() }
                return try await narrate(narrator, provider: provider)
            }
            provider.shutdown()
            subscriber.shutdown()
            try await group.waitForAll()
            return result
        }
    }

    private func narrate(_ narrator: DemoNarrator, provider: SandboxProvider) async throws -> Result {
        let clock = ContinuousClock()
        // Backfill: print pages as they arrive until INITIAL-COMPLETE (bounded: 10 minutes).
        let backfillDeadline = clock.now + .seconds(600)
        while !narrator.sawInitialComplete {
            guard clock.now < backfillDeadline else {
                return Result(failure: "the backfill did not complete within 10 minutes")
            }
            narrator.drain()
            try await Task.sleep(for: .milliseconds(100))
        }
        narrator.drain()
        narrator.backfillDone()

        // Live: change a few records every few seconds and show each delivery with its latency.
        let liveEnd = liveDuration.map { clock.now + $0 }
        var nextChange = clock.now
        while liveEnd.map({ clock.now < $0 }) ?? true {
            if clock.now >= nextChange {
                let mutation = provider.mutate(
                    .contacts, updates: Int.random(in: 1...3), creates: Int.random(in: 0...1))
                narrator.changed(mutation)
                nextChange = clock.now + changeEvery
            }
            narrator.drain()
            try await Task.sleep(for: .milliseconds(100))
        }
        // Let the last round arrive.
        let settle = clock.now + .seconds(8)
        while narrator.pendingChanges > 0 && clock.now < settle {
            narrator.drain()
            try await Task.sleep(for: .milliseconds(100))
        }
        narrator.drain()
        return Result(failure: narrator.summary())
    }
}
