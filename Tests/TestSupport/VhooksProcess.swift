import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A running `vhooks` executable for end-to-end tests: started with arguments and extra environment, its output
/// captured to a file, stopped with a real signal (SIGKILL to simulate a crash, SIGTERM for a graceful stop).
public final class VhooksProcess: @unchecked Sendable {
    // Mutable state is only touched from the test that owns the process; Process itself is thread-safe enough for
    // launch/terminate/wait from one task.
    private let process = Process()
    /// Standard output and standard error, interleaved.
    public let outputFile: URL

    /// Launches `vhooks` with `arguments` (in `workingDirectory`, else the test's own).
    public init(
        _ arguments: [String], environment: [String: String] = [:], outputFile: URL, workingDirectory: URL? = nil
    ) throws {
        self.outputFile = outputFile
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let handle = try FileHandle(forWritingTo: outputFile)
        process.executableURL = try vhooksExecutable()
        process.arguments = arguments
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    /// Sends `signal` (e.g. `SIGKILL`, `SIGTERM`).
    public func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to exit (bounded); returns its termination status, `nil` if it did not exit in time.
    public func waitForExit(timeout: Duration = .seconds(20)) async -> Int32? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while process.isRunning {
            guard clock.now < deadline else { return nil }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    /// Whether it was ended by a signal (as opposed to exiting).
    public var wasSignalled: Bool { process.terminationReason == .uncaughtSignal }

    /// Everything it printed so far.
    public var output: String {
        (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
