import Foundation
import Logging
import Sandbox
import Store

/// N idle connections against the sandbox: one webhook each at a one-minute interval, nothing changing. `vhooks
/// serve` runs in its own process; the sandbox here notes every List request by connection. After the first
/// interval (every first poll must fall inside it), the bridge's CPU time, memory and polls are measured over the
/// steady-state window.
struct IdleBenchmark {
    var connections: Int
    var steadySeconds: Int
    var directory: URL
    var logger: Logger

    static let interval = 60.0

    func run() async throws -> IdleReport {
        let log = PollLog(connections: connections)
        var sandbox = SandboxConfiguration(seed: 7, contacts: 0, companies: 0, deals: 0)
        sandbox.listObserver = { _, authorization in log.record(authorization: authorization) }
        let provider = SandboxProvider(configuration: sandbox, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await provider.run() }
            defer { provider.shutdown() }
            let providerURL = "http://127.0.0.1:\(try await provider.waitUntilRunning())"
            let name = "idle-\(connections)"
            var configuration = BridgeConfiguration(minimumIntervalMinutes: 1, workspaceSecret: RandomID.hex(bytes: 32))
            configuration.connections = (0..<connections).map {
                ["id": "conn_\($0)", "integration_type": "sandbox", "api_url": providerURL, "token": "tok_\($0)"]
            }
            configuration.webhooks = (0..<connections).map {
                [
                    "id": "wh_\($0)", "connection_id": "conn_\($0)", "object_type": "crm_contact", "event": "updated",
                    "hook_url": "http://127.0.0.1:9/idle", "interval": 1,
                ]
            }
            let file = try configuration.write(to: directory.appendingPathComponent("\(name).json").path)
            print(
                "Idle benchmark: \(connections) connections, one webhook each at 1 minute, nothing changing; "
                    + "first interval, then \(steadySeconds) s of steady state")
            let started = log.now
            let bridge = try BridgeProcess(
                configuration: file, database: directory.appendingPathComponent("\(name).db").path,
                logPath: directory.appendingPathComponent("\(name).log").path)
            defer { bridge.stop() }
            // The first interval, plus a margin for start-up: every first poll should be in by then.
            try await wait(seconds: Self.interval + 10, bridge: bridge)
            let windowStart = log.now
            let cpuAtStart = bridge.cpuSeconds()
            try await wait(seconds: Double(steadySeconds), bridge: bridge)
            let cpu = bridge.cpuSeconds() - cpuAtStart
            let windowEnd = log.now
            let report = IdleReport(
                connections: connections, interval: Self.interval, started: started, windowStart: windowStart,
                windowEnd: windowEnd, cpuSeconds: cpu, rssMiB: bridge.rssMiB(), peakRSSMiB: bridge.peakRSSMiB(),
                polls: log.snapshot)
            report.print()
            return report
        }
    }

    private func wait(seconds: Double, bridge: BridgeProcess) async throws {
        let end = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while ContinuousClock.now < end {
            try bridge.checkAlive()
            try await Task.sleep(for: min(.seconds(1), end - ContinuousClock.now))
        }
    }
}
