import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle

/// `vhooks demo`: the whole product on loopback in one command — a sandbox provider with 10,000 contacts, a
/// recording subscriber and the bridge on a temporary database: the backfill, then live changes, every signature
/// verified.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Backfill sandbox contacts to a verifying subscriber, then stream live changes."
    )

    @Option(help: "Contacts in the sandbox dataset.") var contacts = 10_000
    @Option(help: "Seconds of live changes after the backfill (0 = until Ctrl-C).") var duration = 60.0
    @Option(help: "Seconds between two rounds of sandbox changes.") var changeEvery = 3.0
    @Option(help: "Seed of the generated dataset.") var seed: UInt64 = 42
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard contacts >= 0 else { throw ValidationError("--contacts must not be negative") }
        guard (0...86_400).contains(duration) else {
            throw ValidationError("--duration must be a number of seconds from 0 to 86400")
        }
        guard (0.2...3_600).contains(changeEvery) else {
            throw ValidationError("--change-every must be a number of seconds from 0.2 to 3600")
        }
    }

    func run() async throws {
        let logger = logging.makeLogger("vhooks.demo")
        let runner = DemoRunner(
            contacts: contacts, liveDuration: duration > 0 ? .milliseconds(Int64(duration * 1000)) : nil,
            changeEvery: .milliseconds(Int64(changeEvery * 1000)), seed: seed, logger: logger)
        let outcome = DemoOutcomeBox()
        let service = DemoService(runner: runner, outcome: outcome)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)
                ],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        if let failure = outcome.failure {
            throw ValidationError(failure)
        }
    }
}

/// The demo as a service, so Ctrl-C stops it gracefully and still prints the summary.
struct DemoService: Service {
    let runner: DemoRunner
    let outcome: DemoOutcomeBox

    func run() async throws {
        let result = try await cancelWhenGracefulShutdown { try await runner.run() }
        outcome.set(result.failure)
    }
}
