import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A `vhooks serve` process with its management API on a free loopback port and an API token made for it with
/// `vhooks token create`, for the tests that drive the API with a Python client.
struct ServedAPI {
    let server: VhooksProcess
    /// `http://127.0.0.1:PORT`.
    let baseURL: String
    let token: String

    /// Creates a token in `database`, then starts `serve --config config --allow-private-targets` and waits (30 s at
    /// most) for it to log its port. The caller stops the process (``server``).
    static func start(config: String, database: String, in dir: TemporaryDirectory, tokenName: String) async throws
        -> ServedAPI
    {
        let tokenRun = try VhooksProcess(
            ["token", "create", "--name", tokenName, "--db", database],
            outputFile: URL(fileURLWithPath: dir.path("token.log")))
        #expect(await tokenRun.waitForExit() == 0, "token create: \(tokenRun.output)")
        let token = try #require(
            tokenRun.output.split(separator: "\n").map(String.init).first { $0.hasPrefix("vh_") },
            "no token in: \(tokenRun.output)")
        let server = try VhooksProcess(
            ["serve", "--config", config, "--listen", "127.0.0.1:0", "--allow-private-targets"],
            outputFile: URL(fileURLWithPath: dir.path("serve.log")))
        var port: Int?
        do {
            try await waitUntil("vhooks serve logs its API port", timeout: .seconds(30)) {
                port = listeningPort(in: server.output)
                return port != nil || !server.isRunning
            }
            let found = try #require(port, "serve exited: \(server.output)")
            return ServedAPI(server: server, baseURL: "http://127.0.0.1:\(found)", token: token)
        } catch {
            server.send(SIGKILL)
            throw error
        }
    }

    /// The port from serve's "management API listening … address=127.0.0.1:PORT" log line.
    static func listeningPort(in log: String) -> Int? {
        for line in log.split(separator: "\n") where line.contains("management API listening") {
            guard let range = line.range(of: "address=127.0.0.1:") else { continue }
            let digits = line[range.upperBound...].prefix { $0.isNumber }
            if let port = Int(digits), port > 0 { return port }
        }
        return nil
    }
}
