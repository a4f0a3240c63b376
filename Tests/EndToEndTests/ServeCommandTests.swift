import Foundation
import TestSupport
import Testing

/// `vhooks serve` as a user runs it: a bad configuration file is a clear message and a non-zero exit, never a crash.
@Suite struct ServeCommandTests {
    @Test func aBadConfigurationNamesFileLineAndFieldAndExitsWithAUsageError() async throws {
        try await withTemporaryDirectory { dir in
            let config = dir.path("config.json")
            try Data(
                """
                {
                  "database": "\(dir.path("vhooks.db"))",
                  "connections": [
                    {"id": "c1", "integration_type": "sandbox", "api_url": "http://127.0.0.1:9"}
                  ],
                  "webhooks": [
                    {"connection_id": "c1", "object_type": "crm_contact", "event": "updated",
                     "hook_url": "http://127.0.0.1:9/hook", "interval": -3}
                  ]
                }
                """.utf8
            ).write(to: URL(fileURLWithPath: config))
            let process = try VhooksProcess(
                ["serve", "--config", config], outputFile: URL(fileURLWithPath: dir.path("out.log")))
            let status = await process.waitForExit()
            #expect(status == 64)
            #expect(!process.wasSignalled)
            #expect(
                process.output.contains(
                    "config.json:8: webhooks[0].interval: must be a number of minutes from 1 to 525600"),
                "\(process.output)")
        }
    }

    @Test func aPrivateHookURLNeedsAllowPrivateTargets() async throws {
        try await withTemporaryDirectory { dir in
            let config = dir.path("config.json")
            try Data(
                """
                {
                  "database": "\(dir.path("vhooks.db"))",
                  "listen": "127.0.0.1:0",
                  "connections": [
                    {"id": "c1", "integration_type": "sandbox", "api_url": "https://crm.example.com"}
                  ],
                  "webhooks": [
                    {"connection_id": "c1", "object_type": "crm_contact", "event": "updated",
                     "hook_url": "http://10.0.0.7/hook", "interval": 5}
                  ]
                }
                """.utf8
            ).write(to: URL(fileURLWithPath: config))
            let refused = try VhooksProcess(
                ["serve", "--config", config], outputFile: URL(fileURLWithPath: dir.path("refused.log")))
            #expect(await refused.waitForExit() == 64)
            #expect(refused.output.contains("config.json: webhooks[0].hook_url: 10.0.0.7"), "\(refused.output)")
            #expect(refused.output.contains("--allow-private-targets"))

            // With the flag the same file starts (and stops cleanly on SIGTERM).
            let allowed = try VhooksProcess(
                ["serve", "--config", config, "--allow-private-targets"],
                outputFile: URL(fileURLWithPath: dir.path("allowed.log")))
            try await waitUntil("serve listens", timeout: .seconds(60)) {
                allowed.output.contains("management API listening") || !allowed.isRunning
            }
            #expect(allowed.isRunning, "\(allowed.output)")
            allowed.send(SIGTERM)
            #expect(await allowed.waitForExit() == 0)
        }
    }

    @Test func anAPIAddressInUseStopsServeWithAMessage() async throws {
        try await withTemporaryDirectory { dir in
            try await withSubscriber { occupant in
                let config = dir.path("config.json")
                try Data(#"{"database": "\#(dir.path("vhooks.db"))"}"#.utf8).write(to: URL(fileURLWithPath: config))
                let process = try VhooksProcess(
                    ["serve", "--config", config, "--listen", "127.0.0.1:\(occupant.port)"],
                    outputFile: URL(fileURLWithPath: dir.path("out.log")))
                let status = try #require(await process.waitForExit(), "serve kept running: \(process.output)")
                #expect(status != 0, "\(process.output)")
                #expect(!process.wasSignalled)
                #expect(process.output.contains("the management API stopped"), "\(process.output)")
            }
        }
    }

    @Test func aMissingConfigurationFileIsReported() async throws {
        try await withTemporaryDirectory { dir in
            let process = try VhooksProcess(
                ["serve", "--config", dir.path("nope.json")], outputFile: URL(fileURLWithPath: dir.path("out.log")))
            let status = await process.waitForExit()
            #expect(status == 64)
            #expect(process.output.contains("nope.json: cannot read the file"))
        }
    }

    /// Values that killed `vhooks` with an illegal instruction at start (or, for 9.3e12 s of lookback, the running
    /// server at its first re-poll): refused with exit 64, naming the file, the line and the field.
    @Test(arguments: [
        ("lookback_seconds", "1e300", "must be a number of seconds from 0 to 2592000"),
        ("lookback_seconds", "-1e300", "must be a number of seconds from 0 to 2592000"),
        ("lookback_seconds", "1e15", "must be a number of seconds from 0 to 2592000"),
        ("lookback_seconds", "9.3e12", "must be a number of seconds from 0 to 2592000"),
        ("safety_lag_seconds", "1e300", "must be a number of seconds from 0 to 3600"),
        ("safety_lag_seconds", "-1e300", "must be a number of seconds from 0 to 3600"),
        ("safety_lag_seconds", "1e15", "must be a number of seconds from 0 to 3600"),
        ("safety_lag_seconds", "9.3e12", "must be a number of seconds from 0 to 3600"),
    ])
    func anOutOfRangeWindowIsAUsageErrorNotACrash(field: String, value: String, message: String) async throws {
        try await withTemporaryDirectory { dir in
            let config = dir.path("config.json")
            try Data(
                """
                {
                  "database": "\(dir.path("vhooks.db"))",
                  "\(field)": \(value),
                  "listen": "127.0.0.1:0"
                }
                """.utf8
            ).write(to: URL(fileURLWithPath: config))
            let process = try VhooksProcess(
                ["serve", "--config", config], outputFile: URL(fileURLWithPath: dir.path("out.log")))
            let status = await process.waitForExit()
            #expect(!process.wasSignalled, "\(process.output)")
            #expect(status == 64, "\(process.output)")
            #expect(process.output.contains("config.json:3: \(field): \(message)"), "\(process.output)")
        }
    }

    @Test(arguments: ["0", "-1", "1e300", "nan"])
    func anOutOfRangeMinIntervalFlagIsAUsageError(value: String) async throws {
        try await withTemporaryDirectory { dir in
            let config = dir.path("config.json")
            try Data(#"{"database": "\#(dir.path("vhooks.db"))", "listen": "127.0.0.1:0"}"#.utf8)
                .write(to: URL(fileURLWithPath: config))
            let process = try VhooksProcess(
                ["serve", "--config", config, "--min-interval=\(value)"],
                outputFile: URL(fileURLWithPath: dir.path("out.log")))
            let status = await process.waitForExit()
            #expect(!process.wasSignalled, "\(process.output)")
            #expect(status == 64, "\(process.output)")
            #expect(
                process.output.contains("--min-interval must be a number of minutes more than 0 and at most 525600"),
                "\(process.output)")
        }
    }

    /// A database path in a missing folder, a folder, a file that is not SQLite: `serve`, `token` and `secret` say
    /// which path and why, and exit 1 (instead of "SQLite error 14: unable to open database file").
    @Test func aDatabasePathThatCannotHoldADatabaseIsNamedWithTheReason() async throws {
        try await withTemporaryDirectory { dir in
            let notes = dir.path("notes.txt")
            try Data("not a database\n".utf8).write(to: URL(fileURLWithPath: notes))
            let config = dir.path("config.json")
            try Data(#"{"listen": "127.0.0.1:0"}"#.utf8).write(to: URL(fileURLWithPath: config))
            let missingFolder = dir.path("nowhere")
            let cases: [(arguments: [String], path: String, reason: String)] = [
                (["serve", "--config", config], "\(missingFolder)/vhooks.db", "the folder \(missingFolder) does not exist"),
                (["serve", "--config", config], dir.path("."), "is a folder"),
                (["serve", "--config", config], notes, "is not a SQLite database"),
                (["token", "create"], notes, "is not a SQLite database"),
                (["token", "list"], dir.path("."), "is a folder"),
                (["secret", "show"], notes, "is not a SQLite database"),
            ]
            for (index, (arguments, path, reason)) in cases.enumerated() {
                let process = try VhooksProcess(
                    arguments + ["--db", path], outputFile: URL(fileURLWithPath: dir.path("out-\(index).log")))
                let status = await process.waitForExit()
                #expect(!process.wasSignalled, "\(arguments): \(process.output)")
                #expect(status == 1, "\(arguments) \(path): \(process.output)")
                #expect(
                    process.output.contains("cannot open the database \(path): \(reason)"),
                    "\(arguments) \(path): \(process.output)")
                #expect(!process.output.contains("SQLite error"), "\(process.output)")
            }
            #expect(try String(contentsOfFile: notes, encoding: .utf8) == "not a database\n")
        }
    }
}
