import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// One `vhooks serve` per database, with real processes: a second one on the same file refuses to start (exit 75)
/// naming the file and the holder's pid, the local commands keep working beside the server, and a SIGKILLed server
/// does not block the next start.
@Suite struct ServeLockTests {
    @Test func aSecondServeOnTheSameDatabaseRefusesAndAKilledOneDoesNotBlockARestart() async throws {
        try await withTemporaryDirectory(prefix: "serve-lock") { dir in
            let db = dir.path("vhooks.db")
            let config = dir.path("config.json")
            try Data(#"{"database": "\#(db)", "listen": "127.0.0.1:0"}"#.utf8).write(to: URL(fileURLWithPath: config))
            func serve(_ name: String) throws -> VhooksProcess {
                try VhooksProcess(["serve", "--config", config], outputFile: URL(fileURLWithPath: dir.path(name)))
            }
            func waitUntilListening(_ process: VhooksProcess) async throws {
                try await waitUntil("serve listens", timeout: .seconds(30)) {
                    process.output.contains("management API listening") || !process.isRunning
                }
                #expect(process.isRunning, "\(process.output)")
            }

            let first = try serve("first.log")
            try await waitUntilListening(first)

            let second = try serve("second.log")
            let status = await second.waitForExit(timeout: .seconds(30))
            #expect(status == 75, "second serve: status \(String(describing: status)); \(second.output)")
            #expect(
                second.output.contains("another vhooks serve (pid \(first.pid)) is using \(db)"), "\(second.output)")
            #expect(first.isRunning)

            // A local command beside the running server.
            let token = try VhooksProcess(
                ["token", "create", "--name", "beside", "--db", db], outputFile: URL(fileURLWithPath: dir.path("t.log")))
            #expect(await token.waitForExit() == 0, "\(token.output)")
            #expect(token.output.contains("vh_"), "\(token.output)")

            // The kernel drops a SIGKILLed holder's lock: the next serve starts.
            first.send(SIGKILL)
            _ = await first.waitForExit()
            let third = try serve("third.log")
            try await waitUntilListening(third)
            third.send(SIGTERM)
            #expect(await third.waitForExit() == 0, "\(third.output)")
        }
    }
}
