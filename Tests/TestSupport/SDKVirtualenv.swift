import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The Python virtualenv `make test` prepares (`make sdk-venv`) with Unified's official SDK, an OpenAPI validator and
/// schemathesis.
///
/// Tests that need it are enabled only when it is there, and say so when it is not: a missing venv means PyPI could
/// not be reached, which must show in the test report rather than pass silently.
public enum SDKVirtualenv {
    /// `.venv-sdk/bin/python` under the package root.
    public static let python = packageRoot.appendingPathComponent(".venv-sdk/bin/python")

    /// Whether the venv exists and can import all three packages (checked once per test process).
    public static let isReady: Bool = {
        guard FileManager.default.isExecutableFile(atPath: python.path) else { return false }
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", "import unified_python_sdk, openapi_spec_validator, schemathesis"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Why SDK tests are skipped, for the test report.
    public static let skipReason =
        "the Python SDK virtualenv (.venv-sdk) is missing or incomplete: run `make sdk-venv` (needs PyPI)"

    /// Runs the venv's python with `arguments` and `environment` added; returns the exit status (`nil` when it had
    /// to be killed at `timeout`) and everything it printed, stdout and stderr interleaved.
    /// Waits without blocking a thread, so servers running in the test process keep answering the script.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil, timeout: Duration
    ) async throws -> (status: Int32?, output: String) {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("vhooks-python-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = python
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        var status: Int32? = nil
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        } else {
            status = process.terminationStatus
        }
        return (status, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }
}
