import ArgumentParser
import Logging
import Sandbox
import ServiceLifecycle

/// `vhooks sandbox`: the CRM-like provider API on loopback, for trying VirtualHooks without a real account.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Serve a sandbox CRM List API (contacts, companies, deals) with switchable faults."
    )

    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(help: "Port (0 picks a free one).") var port = 8181
    @Option(help: "Seed of the generated dataset.") var seed: UInt64 = 1
    @Option(help: "Number of contacts.") var contacts = 10_000
    @Option(help: "Number of companies.") var companies = 1_000
    @Option(help: "Number of deals.") var deals = 2_000
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0-65535") }
        guard contacts >= 0, companies >= 0, deals >= 0 else {
            throw ValidationError("--contacts, --companies and --deals must not be negative")
        }
    }

    func run() async throws {
        let logger = logging.makeLogger("vhooks.sandbox")
        let provider = SandboxProvider(
            configuration: SandboxConfiguration(seed: seed, contacts: contacts, companies: companies, deals: deals),
            host: host, port: port, logger: logger)
        let group = ServiceGroup(
            services: [ServerService { try await provider.run() }],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let bound = try await provider.waitUntilRunning()
            print("sandbox provider on http://\(host):\(bound)  (GET /crm/contacts, POST /sandbox/mutate, ...)")
            try await tasks.waitForAll()
        }
    }
}
