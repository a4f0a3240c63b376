import Foundation
import Sandbox

/// The product path: `vhooks serve` in its own process on a fresh store, one `include_all` webhook, and the clock
/// running until the subscriber (in this process, beside the sandbox) has verified INITIAL-COMPLETE.
enum EndToEnd {
    static func run(
        providerURL: String, hookURL: String, records: Int, directory: URL, run: Int, workspaceSecret: String,
        webhookSecret: String, subscriber: RecordingSubscriber
    ) async throws -> Measurement {
        let database = directory.appendingPathComponent("bench-\(run).db").path
        var configuration = BridgeConfiguration(minimumIntervalMinutes: 0.01, workspaceSecret: workspaceSecret)
        configuration.connections = [["id": "conn_bench", "integration_type": "sandbox", "api_url": providerURL]]
        configuration.webhooks = [
            [
                "id": "wh_bench", "connection_id": "conn_bench", "object_type": "crm_contact", "event": "updated",
                "hook_url": hookURL, "interval": 60, "page_max_limit": 100, "include_all": true,
                "is_paused": ProcessInfo.processInfo.environment["BENCH_POLL_ONLY"] != nil, "secret": webhookSecret,
            ]
        ]
        let file = try configuration.write(to: directory.appendingPathComponent("bench-\(run).json").path)
        let start = ContinuousClock.now
        let bridge = try BridgeProcess(
            configuration: file, database: database, logPath: directory.appendingPathComponent("bench-\(run).log").path)
        defer { bridge.stop() }
        let deadline = ContinuousClock.now + .seconds(600)
        while true {
            let summary = subscriber.summary()
            if subscriber.received().contains(where: { $0.type == "INITIAL-COMPLETE" }) {
                let seconds = elapsedSeconds(since: start)
                let cpu = bridge.cpuSeconds()
                let peak = bridge.peakRSSMiB()
                guard summary.unverified == 0 else {
                    throw BenchUsageError(message: "\(summary.unverified) payloads did not verify")
                }
                guard summary.records == records else {
                    throw BenchUsageError(message: "subscriber got \(summary.records) records, expected \(records)")
                }
                bridge.stop()
                return Measurement(
                    records: records, seconds: seconds, requests: summary.payloads, cpuSeconds: cpu,
                    peakRSSMiB: peak, databaseBytes: ProcessStats.databaseBytes(database), database: database)
            }
            try bridge.checkAlive()
            guard ContinuousClock.now < deadline else {
                throw BenchUsageError(message: "backfill did not finish in 10 minutes (\(summary.records) records)")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}
