import CurlHTTP
import Emitter
import Logging
import Pollers
import ServiceLifecycle
import Store

/// The running product: the store, one outbound HTTP client, the pollers, the emitter and (when a listen address is
/// configured) the management API, wired together.
///
/// Pollers and emitter never call each other; they meet in the store, whose change signal wakes deliveries as
/// soon as a page with events commits. As a `Service` it stops both on graceful shutdown (SIGTERM/SIGINT through the
/// enclosing `ServiceGroup`), then releases the HTTP client and closes the store.
public final class Application: Service, Sendable {
    public let store: Store
    public let pollers: PollerService
    public let emitter: Emitter
    let client: CurlHTTPClient
    let logger: Logger
    let managementServer: ManagementServer?

    /// Claims the database for this process (one serving process per database), opens the store (creating or
    /// migrating it), creates or updates what the configuration declares, and re-checks every stored target against
    /// the destination rule of this start (``TargetRecheck``). The claim lasts until ``run()`` ends or the process dies.
    /// - Throws: store errors (``StoreError/databaseInUse(path:holderPID:)`` when another server holds the
    ///   database), or ``ConfigurationError`` for declarations the store rejects.
    public init(
        configuration: ServeConfiguration, catalog: ConnectorCatalog, polling: PollerConfiguration = .init(),
        delivery: EmitterConfiguration = .init(), logger: Logger,
        pollObserver: (@Sendable (PollRun) -> Void)? = nil,
        deliveryObserver: (@Sendable (DeliveryReport) -> Void)? = nil
    ) async throws {
        var polling = polling
        var delivery = delivery
        polling.allowPrivateTargets = polling.allowPrivateTargets || configuration.allowPrivateTargets
        delivery.allowPrivateTargets = delivery.allowPrivateTargets || configuration.allowPrivateTargets
        let store = try Store(path: configuration.database, logger: logger, serving: true)
        do {
            try await DeclarationApplier(store: store).apply(configuration)
            try await TargetRecheck(
                store: store, connectionsMayBePrivate: polling.allowPrivateTargets,
                webhooksMayBePrivate: delivery.allowPrivateTargets, logger: logger
            ).run()
            _ = try await store.workspaceSecret()
        } catch {
            await store.close()
            throw error
        }
        if let delays = configuration.retryDelays { delivery.retryDelays = delays }
        if let lookback = configuration.lookbackSeconds {
            polling.lookbackOverride = PollLimits.duration(seconds: lookback, clampedTo: PollLimits.lookbackSeconds)
        }
        if let lag = configuration.safetyLagSeconds {
            polling.safetyLagOverride = PollLimits.duration(seconds: lag, clampedTo: PollLimits.safetyLagSeconds)
        }
        let client = CurlHTTPClient(logger: logger)
        self.store = store
        self.client = client
        self.logger = logger
        let pollers = PollerService(
            store: store, client: client, catalog: catalog, configuration: polling, logger: logger,
            observer: pollObserver)
        let emitter = Emitter(
            store: store, client: client, configuration: delivery, logger: logger, observer: deliveryObserver)
        self.pollers = pollers
        self.emitter = emitter
        self.managementServer = configuration.listen.map { address in
            let api = ManagementAPI(
                store: store, pollers: pollers, emitter: emitter, catalog: catalog,
                settings: ManagementAPISettings(
                    minimumIntervalMinutes: configuration.minimumIntervalMinutes,
                    allowPrivateTargets: configuration.allowPrivateTargets),
                logger: logger)
            return ManagementServer(host: address.host, port: address.port, api: api, logger: logger)
        }
    }

    /// Waits until the management API listens and returns its bound port (the real one when configured with 0).
    /// - Throws: ``ManagementServerError`` when no `listen` address is configured, or the server failed or stopped.
    public func waitUntilListening() async throws -> Int {
        guard let managementServer else {
            throw ManagementServerError(reason: "the management API is not enabled (no listen address)")
        }
        return try await managementServer.waitUntilListening()
    }

    /// Polls and delivers until cancelled or gracefully shut down.
    /// - Throws: ``ManagementServerError`` when the management API cannot listen (its address is taken, say): the
    ///   whole application stops then, since an operator who configured an API expects it to be there.
    public func run() async throws {
        logger.info("VirtualHooks running")
        var serverFailure: (any Error)?
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    do { try await self.pollers.run() } catch {
                        self.logger.error("pollers stopped", metadata: ["vh.error": "\(error)"])
                    }
                }
                group.addTask {
                    do { try await self.emitter.run() } catch {
                        self.logger.error("emitter stopped", metadata: ["vh.error": "\(error)"])
                    }
                }
                if let server = self.managementServer {
                    group.addTask {
                        do { try await server.run() } catch {
                            // An error while shutting down is part of stopping, not a failure.
                            if Task.isCancelled { return }
                            throw ManagementServerError(reason: "the management API stopped: \(error)")
                        }
                    }
                }
                // `next()` rethrows a failure at once (`waitForAll()` would wait for the pollers first); leaving the
                // group with an error cancels the pollers and emitter, which then stop cleanly.
                while try await group.next() != nil {}
            }
        } catch {
            logger.critical("VirtualHooks stopping", metadata: ["vh.error": "\(error)"])
            serverFailure = error
        }
        await client.shutdown()
        await store.close()
        logger.info("VirtualHooks stopped")
        if let serverFailure { throw serverFailure }
    }
}
