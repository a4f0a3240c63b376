import Foundation

/// The bridge under measurement: the real `vhooks serve` executable in a process of its own, so its CPU time, memory
/// and writes are its own and not the sandbox's or the subscriber's.
final class BridgeProcess {
    let process = Process()
    let logPath: String

    /// Starts `vhooks serve` (the executable beside this benchmark) on `configuration`, logging errors to `logPath`.
    init(configuration: String, database: String, logPath: String) throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("vhooks")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw BenchUsageError(
                message: "\(executable.path) is missing: build it with `swift build -c release --product vhooks`")
        }
        self.logPath = logPath
        FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = executable
        process.arguments = [
            "serve", "--config", configuration, "--db", database, "--allow-private-targets", "--log-level", "error",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// User + system CPU seconds the bridge has used so far (`/proc/PID/stat`).
    func cpuSeconds() -> Double { ProcessStats.cpuSeconds(pid: pid) }

    /// Resident memory now and at its peak, in MiB.
    func rssMiB() -> Double { ProcessStats.statusMiB("VmRSS:", pid: pid) }
    func peakRSSMiB() -> Double { ProcessStats.statusMiB("VmHWM:", pid: pid) }

    /// Fails with the bridge's own log when it has exited.
    func checkAlive() throws {
        guard !process.isRunning else { return }
        let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        throw BenchUsageError(message: "vhooks serve exited with status \(process.terminationStatus):\n\(log)")
    }

    /// SIGTERM (a graceful stop that closes the store), then waits for the exit.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
