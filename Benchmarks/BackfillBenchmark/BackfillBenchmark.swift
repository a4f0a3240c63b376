import CurlHTTP
import Foundation
import Logging
import Sandbox
import Store

/// `make bench`: backfills N sandbox records end to end (fetch, diff, store, sign, deliver, verify) through the real
/// `vhooks serve` in a process of its own, and prints its records/s, its own CPU-seconds per 100k records, its
/// database bytes per record and its peak RSS, against two loopback baselines measured in the same run on the same
/// data: GET of the same pages and POST of the same payload bodies to the same subscriber. The sandbox and the
/// subscriber run in this process, apart from the bridge. `--idle N` measures N idle connections instead
/// (``IdleBenchmark``).
@main
struct BackfillBenchmark {
    static func main() async throws {
        let options: BenchOptions
        do {
            options = try BenchOptions.parse(CommandLine.arguments.dropFirst())
        } catch {
            FileHandle.standardError.write(Data("BackfillBenchmark: \(error)\n".utf8))
            exit(64)
        }
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vhooks-bench-\(RandomID.hex(bytes: 6))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        if !options.idleConnections.isEmpty {
            var reports: [IdleReport] = []
            for connections in options.idleConnections {
                reports.append(
                    try await IdleBenchmark(
                        connections: connections, steadySeconds: options.idleSeconds, directory: directory,
                        logger: logger
                    ).run())
            }
            IdleReport.printLinearity(reports)
            return
        }
        try await backfill(records: options.records, runs: options.runs, directory: directory, logger: logger)
    }

    static func backfill(records: Int, runs count: Int, directory: URL, logger: Logger) async throws {
        let provider = SandboxProvider(
            configuration: SandboxConfiguration(seed: 2026, contacts: records, companies: 0, deals: 0), logger: logger)
        let workspaceSecret = RandomID.hex(bytes: 32)
        let webhookSecret = RandomID.webhookSecret()
        let subscriber = RecordingSubscriber(
            configuration: SubscriberConfiguration(
                workspaceSecret: workspaceSecret, defaultWebhookSecret: webhookSecret, capacity: 100,
                keepBodies: false),
            logger: logger)

        try await withThrowingTaskGroup(of: Void.self) { servers in
            servers.addTask { try await provider.run() }
            servers.addTask { try await subscriber.run() }
            let providerURL = "http://127.0.0.1:\(try await provider.waitUntilRunning())"
            let hookURL = "http://127.0.0.1:\(try await subscriber.waitUntilRunning())/hook"
            let client = CurlHTTPClient(logger: logger)
            print(
                "VirtualHooks backfill benchmark: \(records) records, pages of 1000 fetched, 100 delivered; "
                    + "vhooks serve in its own process")

            // Each repetition: GET baseline, end to end on a fresh store, POST baseline with that run's bodies.
            var runs: [BenchRun] = []
            for run in 1...count {
                subscriber.clearReceived()
                let get = try await Baselines.getPages(client: client, baseURL: providerURL, records: records)
                let e2e = try await EndToEnd.run(
                    providerURL: providerURL, hookURL: hookURL, records: records, directory: directory, run: run,
                    workspaceSecret: workspaceSecret, webhookSecret: webhookSecret, subscriber: subscriber)
                let post = try await Baselines.postBodies(
                    client: client, hookURL: hookURL, database: e2e.database, logger: logger)
                runs.append(BenchRun(endToEnd: e2e, getBaseline: get, postBaseline: post))
                // Each run starts from the same conditions: the previous store is not left for the kernel to write
                // back while the next run is measured.
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: e2e.database + suffix) }
                print(
                    String(
                        format:
                            "  run %d: %.0f records/s, bridge %.2f CPU-s per 100k (%.0f%% of one core), %.0f B/record in SQLite, peak RSS %.0f MiB",
                        run, e2e.recordsPerSecond, e2e.cpuSecondsPer100k, 100 * e2e.cpuSeconds / e2e.seconds,
                        Double(e2e.databaseBytes) / Double(records), e2e.peakRSSMiB))
            }
            await client.shutdown()

            BenchReport(records: records, runs: runs).print()
            provider.shutdown()
            subscriber.shutdown()
            try await servers.waitForAll()
        }
    }
}
