import Emitter
import Foundation
import Logging
import Pollers
import Sandbox
import Store
import VirtualHooks

/// The product path: a fresh store, one `include_all` webhook, and the clock running until the subscriber has
/// verified INITIAL-COMPLETE.
enum EndToEnd {
    static func run(
        providerURL: String, hookURL: String, records: Int, database: String, workspaceSecret: String,
        webhookSecret: String, subscriber: RecordingSubscriber, logger: Logger
    ) async throws -> Measurement {
        var configuration = ServeConfiguration()
        configuration.database = database
        configuration.minimumIntervalMinutes = 0.01
        configuration.workspaceSecret = workspaceSecret
        configuration.allowPrivateTargets = true  // the provider and the subscriber are on loopback
        configuration.connections = [Connection(id: "conn_bench", integrationType: "sandbox", apiURL: providerURL)]
        configuration.webhooks = [
            WebhookDeclaration(
                id: "wh_bench", connectionID: "conn_bench", objectType: "crm_contact", event: .updated,
                hookURL: hookURL, interval: 60, pageMaxLimit: 100, includeAll: true,
                isPaused: ProcessInfo.processInfo.environment["BENCH_POLL_ONLY"] != nil, secret: webhookSecret)
        ]
        var delivery = EmitterConfiguration()
        delivery.batchWait = .milliseconds(50)
        let start = ContinuousClock.now
        let cpuAtStart = processCPUSeconds()
        let app = try await Application(
            configuration: configuration, catalog: .builtin(), delivery: delivery, logger: logger,
            pollObserver: { run in
                let seconds = Double(run.finishedAt.microseconds - run.startedAt.microseconds) / 1e6
                let line = String(
                    format: "  (poll run: %d pages, %d records, %d events in %.2f s = %.0f records/s; %d delivered by then)\n",
                    run.pages, run.records, run.events, seconds, Double(run.records) / max(seconds, 1e-9),
                    subscriber.summary().records)
                FileHandle.standardError.write(Data(line.utf8))
            })
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            defer { group.cancelAll() }
            let deadline = ContinuousClock.now + .seconds(600)
            while true {
                let summary = subscriber.summary()
                if subscriber.received().contains(where: { $0.type == "INITIAL-COMPLETE" }) {
                    let seconds = elapsedSeconds(since: start)
                    guard summary.unverified == 0 else {
                        throw BenchUsageError(message: "\(summary.unverified) payloads did not verify")
                    }
                    guard summary.records == records else {
                        throw BenchUsageError(message: "subscriber got \(summary.records) records, expected \(records)")
                    }
                    return Measurement(
                        records: records, seconds: seconds, requests: summary.payloads,
                        cpuSeconds: processCPUSeconds() - cpuAtStart)
                }
                guard ContinuousClock.now < deadline else {
                    throw BenchUsageError(message: "backfill did not finish in 10 minutes (\(summary.records) records)")
                }
                try await Task.sleep(for: .milliseconds(5))
            }
        }
    }
}
