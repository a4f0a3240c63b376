import CurlHTTP
import Emitter
import Foundation
import Logging
import Pollers
import Sandbox
import Store
import VirtualHooks

/// `make bench`: backfills N sandbox records end to end (fetch, diff, store, sign, deliver, verify) and prints
/// records/s against two loopback baselines measured in the same run on the same data: GET of the same pages
/// and POST of the same payload bodies to the same subscriber.
@main
struct BackfillBenchmark {
    static func main() async throws {
        let options = try BenchOptions.parse(CommandLine.arguments.dropFirst())
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let records = options.records

        let provider = SandboxProvider(
            configuration: SandboxConfiguration(seed: 2026, contacts: records, companies: 0, deals: 0), logger: logger)
        let workspaceSecret = RandomID.hex(bytes: 32)
        let webhookSecret = RandomID.webhookSecret()
        let subscriber = RecordingSubscriber(
            configuration: SubscriberConfiguration(
                workspaceSecret: workspaceSecret, defaultWebhookSecret: webhookSecret, capacity: 100,
                keepBodies: false),
            logger: logger)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vhooks-bench-\(RandomID.hex(bytes: 6))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        try await withThrowingTaskGroup(of: Void.self) { servers in
            servers.addTask { try await provider.run() }
            servers.addTask { try await subscriber.run() }
            let providerURL = "http://127.0.0.1:\(try await provider.waitUntilRunning())"
            let hookURL = "http://127.0.0.1:\(try await subscriber.waitUntilRunning())/hook"
            let client = CurlHTTPClient(logger: logger)
            print("VirtualHooks backfill benchmark: \(records) records, pages of 1000 fetched, 100 delivered")
            let rssBeforeBridge = currentRSSMiB()

            // Each repetition: GET baseline, end to end on a fresh store, POST baseline with that run's bodies.
            var runs: [BenchRun] = []
            for run in 1...options.runs {
                let database = directory.appendingPathComponent("bench-\(run).db").path
                subscriber.clearReceived()
                let get = try await Baselines.getPages(client: client, baseURL: providerURL, records: records)
                let e2e = try await EndToEnd.run(
                    providerURL: providerURL, hookURL: hookURL, records: records, database: database,
                    workspaceSecret: workspaceSecret, webhookSecret: webhookSecret, subscriber: subscriber,
                    logger: logger)
                let post = try await Baselines.postBodies(
                    client: client, hookURL: hookURL, database: database, logger: logger)
                runs.append(BenchRun(endToEnd: e2e, getBaseline: get, postBaseline: post))
                // Each run starts from the same conditions: the previous store is not left for the kernel to write
                // back while the next run is measured.
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
                print(
                    String(
                        format: "  run %d: end to end %.0f records/s, %.2f CPU-seconds in %.2f s (%.0f%% of one core)",
                        run, e2e.recordsPerSecond, e2e.cpuSeconds, e2e.seconds, 100 * e2e.cpuSeconds / e2e.seconds))
            }
            await client.shutdown()

            BenchReport(records: records, runs: runs, rssBeforeBridge: rssBeforeBridge).print()
            provider.shutdown()
            subscriber.shutdown()
            try await servers.waitForAll()
        }
    }
}
