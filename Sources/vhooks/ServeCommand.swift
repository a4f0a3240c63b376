import ArgumentParser
import Foundation
import Logging
import Pollers
import ServiceLifecycle
import Store
import VirtualHooks

/// `vhooks serve`: polls and delivers for the connections and webhooks in the store and the configuration file.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Poll the configured connections and deliver their changes to webhook subscribers."
    )

    @Option(help: "JSON configuration file: connections, webhooks, limits (see README, 'Configuration').")
    var config: String

    @Option(help: "SQLite database file; overrides the file's \"database\".")
    var db: String?

    @Option(help: "Management API address HOST:PORT; overrides the file's \"listen\" (default 127.0.0.1:8080).")
    var listen: String?

    @Flag(help: "Accept hook_url/api_url values pointing at localhost or private, loopback or link-local addresses.")
    var allowPrivateTargets = false

    @Option(help: "Smallest webhook interval in minutes; overrides the file's \"min_interval_minutes\".")
    var minInterval: Double?

    @OptionGroup var logging: LoggingOptions

    /// The exit status when another `vhooks serve` holds the database: EX_TEMPFAIL, since trying again once that
    /// one has stopped succeeds.
    static let databaseInUseExitCode: Int32 = 75

    func run() async throws {
        let logger = logging.makeLogger("vhooks")
        let catalog = ConnectorCatalog.builtin()
        if let minInterval, !NumberRange.minimumIntervalMinutes.contains(minInterval) {
            throw ValidationError("--min-interval \(NumberRange.minimumIntervalMinutes.requirement), not \(minInterval)")
        }
        var configuration: ServeConfiguration
        do {
            configuration = try ServeConfiguration.load(file: config, catalog: catalog, minimumIntervalMinutes: minInterval)
        } catch let error as ConfigurationError {
            throw ValidationError("\(error)")
        }
        if let db { configuration.database = db }
        if let listen {
            guard let address = ListenAddress(listen) else {
                throw ValidationError("--listen must be HOST:PORT (e.g. 127.0.0.1:8080), not '\(listen)'")
            }
            configuration.listen = address
        }
        if allowPrivateTargets { configuration.allowPrivateTargets = true }
        do {
            try configuration.validateTargets(file: config)
        } catch {
            throw ValidationError("\(error)")
        }
        var resolvedCatalog = catalog
        if let dir = configuration.connectorsDirectory { try resolvedCatalog.load(directory: dir) }
        let polling = FaultInjection.pollerConfiguration(logger: logger)
        let app: Application
        do {
            app = try await Application(
                configuration: configuration, catalog: resolvedCatalog, polling: polling, logger: logger)
        } catch let error as StoreError {
            guard case .databaseInUse = error else { throw error }
            printError("Error: \(error)")
            throw ExitCode(Self.databaseInUseExitCode)
        }
        let group = ServiceGroup(
            services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}
