import CurlHTTP
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle
import Store

/// Runs one poll loop per connection, shared by every webhook on it (polling.md §9).
///
/// Each stream (connection, object) with at least one webhook is polled once per interval, the smallest `interval`
/// of its webhooks, whatever their number, because API quotas are per account. Streams of one connection are polled
/// one after the other, so a 429 pauses the whole connection. Connections and webhooks are re-read from the store
/// whenever it signals a change, so webhooks created over the API or another process are picked up.
public final class PollerService: Service, Sendable {
    let store: Store
    let client: any HTTPClient
    let catalog: ConnectorCatalog
    let configuration: PollerConfiguration
    let sleeper: any Sleeper
    let logger: Logger
    let triggers = NIOLockedValueBox<Set<StreamKey>>([])
    /// The running connection loops, each with the signal that wakes it.
    let running = NIOLockedValueBox<[String: WakeSignal]>([:])
    let observer: (@Sendable (PollRun) -> Void)?

    /// - Parameter observer: told about every finished run (the demo prints them).
    public init(
        store: Store, client: any HTTPClient, catalog: ConnectorCatalog, configuration: PollerConfiguration,
        sleeper: any Sleeper = TaskSleeper(), logger: Logger, observer: (@Sendable (PollRun) -> Void)? = nil
    ) {
        self.store = store
        self.client = client
        self.catalog = catalog
        self.configuration = configuration
        self.sleeper = sleeper
        self.logger = logger
        self.observer = observer
    }

    /// Polls `stream` now (the trigger API, a native webhook hint), ahead of its schedule.
    public func trigger(_ stream: StreamKey) {
        triggers.withLockedValue { _ = $0.insert(stream) }
        running.withLockedValue { $0[stream.connectionID] }?.signal()
    }

    /// Supervises the per-connection loops until cancelled or gracefully shut down.
    public func run() async throws {
        // Graceful shutdown cancels the loops: a poll interrupted mid-run resumes from its checkpoint next start.
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                while !Task.isCancelled {
                    do {
                        for connectionID in try await self.connectionsToPoll() {
                            let wake = WakeSignal()
                            let started = self.running.withLockedValue { loops in
                                guard loops[connectionID] == nil else { return false }
                                loops[connectionID] = wake
                                return true
                            }
                            if started {
                                group.addTask { await self.pollLoop(connectionID: connectionID, wake: wake) }
                            }
                        }
                        // A new webhook on a running connection is a new stream to poll now: wake every loop.
                        for wake in self.running.withLockedValue({ Array($0.values) }) { wake.signal() }
                    } catch {
                        self.logger.error(
                            "cannot read connections from the store", metadata: ["vh.error": "\(error)"])
                    }
                    await self.store.changes.wait(timeout: .seconds(1))
                }
                group.cancelAll()
            }
        }
    }

    private func connectionsToPoll() async throws -> [String] {
        let connections = try await store.connections().filter { !$0.isPaused && $0.isHealthy }
        let withWebhooks = Set(try await store.webhooks().map(\.connectionID))
        return connections.map(\.id).filter { withWebhooks.contains($0) }
    }

    /// The schedule of one connection: polls every due stream in turn, then sleeps until the next is due or a
    /// trigger or store change arrives. Ends when the connection is gone, paused, unhealthy or has no webhooks.
    private func pollLoop(connectionID: String, wake: WakeSignal) async {
        defer { running.withLockedValue { _ = $0.removeValue(forKey: connectionID) } }
        var lastRun: [String: ContinuousClock.Instant] = [:]
        let clock = ContinuousClock()
        while !Task.isCancelled {
            let plan: [(objectType: String, interval: Duration)]
            let connection: Connection
            do {
                guard let current = try await store.connection(id: connectionID), !current.isPaused,
                    current.isHealthy
                else { return }
                connection = current
                plan = try await schedule(connectionID: connectionID)
            } catch {
                logger.error("cannot read the schedule", metadata: ["vh.connection": "\(connectionID)"])
                try? await sleeper.sleep(for: .seconds(1))
                continue
            }
            if plan.isEmpty { return }

            let triggered = triggers.withLockedValue { set in
                let mine = set.filter { $0.connectionID == connectionID }
                set.subtract(mine)
                return Set(mine.map(\.objectType))
            }
            var nextDue: ContinuousClock.Instant?
            for (objectType, interval) in plan {
                let due = lastRun[objectType].map { $0 + interval } ?? clock.now
                if due <= clock.now || triggered.contains(objectType) {
                    lastRun[objectType] = clock.now
                    await pollOnce(connection: connection, objectType: objectType)
                    if Task.isCancelled { return }
                    let following = clock.now + interval
                    nextDue = min(nextDue ?? following, following)
                } else {
                    nextDue = min(nextDue ?? due, due)
                }
            }
            let wait = (nextDue ?? clock.now + .seconds(1)) - clock.now
            if wait > .zero { await wake.wait(orWhen: { try? await Task.sleep(for: wait) }) }
        }
    }

    /// Streams of a connection and their poll periods: the smallest webhook interval, never below the minimum.
    func schedule(connectionID: String) async throws -> [(objectType: String, interval: Duration)] {
        var intervals: [String: Double] = [:]
        for webhook in try await store.webhooks() where webhook.connectionID == connectionID {
            intervals[webhook.objectType] = min(intervals[webhook.objectType] ?? .infinity, webhook.interval)
        }
        return intervals.sorted { $0.key < $1.key }.map { objectType, minutes in
            let period = PollLimits.duration(
                seconds: minutes * 60, clampedTo: 0...PollLimits.intervalMinutes.upperBound * 60)
            return (objectType, max(configuration.minimumInterval, period))
        }
    }

    private func pollOnce(connection: Connection, objectType: String) async {
        let stream = StreamKey(connectionID: connection.id, objectType: objectType)
        do {
            let poller = try StreamPoller(
                connection: connection, objectType: objectType, catalog: catalog, store: store, client: client,
                configuration: configuration, sleeper: sleeper, logger: logger)
            let run = try await poller.run()
            observer?(run)
        } catch is CancellationError {
            return
        } catch let error as PollError {
            logger.error("\(error)")
            observer?(
                PollRun(
                    stream: stream, startedAt: .now(), finishedAt: .now(), status: .failed, pages: 0, records: 0,
                    events: 0, error: error.message))
            if [.configuration, .unknownConnector, .refusedTarget].contains(error.kind) {
                var unhealthy = connection
                unhealthy.isHealthy = false
                unhealthy.unhealthyReason = error.message
                unhealthy.updatedAt = .now()
                try? await store.saveConnection(unhealthy)
                logger.error(
                    "connection marked unhealthy; polling stops until it is fixed",
                    metadata: ["vh.connection": "\(connection.id)", "vh.reason": "\(error.message)"])
            }
        } catch {
            logger.error("poll failed", metadata: ["vh.stream": "\(stream)", "vh.error": "\(error)"])
        }
    }
}
