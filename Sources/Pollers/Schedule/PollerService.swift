import CurlHTTP
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle
import Store

/// Polls every stream (connection, object) once per interval, shared by every webhook on it (polling.md §9), from
/// one timer queue (``PollSchedule``).
///
/// A stream's period is the smallest `interval` of its webhooks, never below the configured minimum, whatever their
/// number, because API quotas are per account. Nothing runs while nothing is due: one task sleeps until the earliest
/// due time, and the store's change feed wakes it for the connection a change touched (a new webhook, a pause, a
/// deletion). Definitions come from the store's in-memory copy, never re-read from SQLite on a wake-up.
public final class PollerService: Service, Sendable {
    let store: Store
    let client: any HTTPClient
    let catalog: ConnectorCatalog
    let configuration: PollerConfiguration
    let sleeper: any Sleeper
    let clock: any PollClock
    let logger: Logger
    let observer: (@Sendable (PollRun) -> Void)?
    /// The schedule, changed by the scheduler loop, by finished polls and by triggers.
    let schedule: NIOLockedValueBox<PollSchedule>
    /// Connections a change touched since the scheduler last looked.
    private let touched = NIOLockedValueBox<Set<String>>([])
    /// Wakes the scheduler loop: a change, a trigger, or a poll's end.
    private let wake = WakeSignal()
    /// Each stream's poller, made once per version of its connection: the connector lookup, the headers, the
    /// logger's metadata and an IP-literal target's check are not redone on every poll.
    private let pollers = NIOLockedValueBox<[StreamKey: StreamPoller]>([:])

    /// - Parameters:
    ///   - clock: when streams are due; inject a manual clock in tests.
    ///   - observer: told about every finished run (the demo prints them).
    public init(
        store: Store, client: any HTTPClient, catalog: ConnectorCatalog, configuration: PollerConfiguration,
        sleeper: any Sleeper = TaskSleeper(), clock: any PollClock = ContinuousPollClock(), logger: Logger,
        observer: (@Sendable (PollRun) -> Void)? = nil
    ) {
        self.store = store
        self.client = client
        self.catalog = catalog
        self.configuration = configuration
        self.sleeper = sleeper
        self.clock = clock
        self.logger = logger
        self.observer = observer
        self.schedule = NIOLockedValueBox(
            PollSchedule(limits: configuration.concurrency, startSpacing: configuration.startSpacing))
    }

    /// Polls `stream` now (the trigger API, a native webhook hint), ahead of its schedule.
    public func trigger(_ stream: StreamKey) {
        let now = clock.now()
        schedule.withLockedValue { $0.trigger(stream, now: now) }
        wake.signal()
    }

    /// Runs the schedule until cancelled or gracefully shut down. Graceful shutdown cancels the polls in flight: a
    /// poll interrupted mid-run resumes from its checkpoint on the next start.
    public func run() async throws {
        let subscription = store.feed.subscribe { [touched, wake] change in
            let connections: [String]
            switch change {
            case .connection(let id): connections = [id]
            case .webhook(_, let streams): connections = streams.map(\.connectionID)
            case .events: return
            }
            touched.withLockedValue { $0.formUnion(connections) }
            wake.signal()
        }
        defer { store.feed.unsubscribe(subscription) }
        start(lastRuns: await lastRuns())
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                while !Task.isCancelled {
                    self.applyChanges()
                    let now = self.clock.now()
                    for stream in self.schedule.withLockedValue({ $0.takeDue(now: now) }) {
                        group.addTask {
                            await self.poll(stream)
                            let end = self.clock.now()
                            if self.schedule.withLockedValue({ $0.finish(stream, now: end) }) { self.wake.signal() }
                        }
                    }
                    let clock = self.clock
                    if let next = self.schedule.withLockedValue({ $0.nextWake() }) {
                        await self.wake.wait(orWhen: { try? await clock.sleep(until: next) })
                    } else {
                        await self.wake.wait()
                    }
                }
            }
        }
    }

    /// When each stream's last run ended, as the store remembers it (none for a run a crash interrupted, which
    /// should resume soon). A store that cannot be read plans every stream as never polled.
    private func lastRuns() async -> [StreamKey: Timestamp] {
        do {
            var ended: [StreamKey: Timestamp] = [:]
            for state in try await store.streams() where state.runPageToken == nil {
                if let last = state.lastRunAt { ended[state.stream] = last }
            }
            return ended
        } catch {
            logger.warning(
                "could not read when the streams were last polled; spreading every first poll",
                metadata: ["vh.error": "\(error)"])
            return [:]
        }
    }

    /// Plans every stream the store knows: one polled within its interval before the start keeps its rhythm, the
    /// others' first polls are spread over the start-up window.
    private func start(lastRuns: [StreamKey: Timestamp]) {
        let definitions = store.definitions
        var plan: [StreamKey: Duration] = [:]
        for connectionID in definitions.connections.keys {
            for (objectType, interval) in streams(of: connectionID, in: definitions) {
                plan[StreamKey(connectionID: connectionID, objectType: objectType)] = interval
            }
        }
        let wallNow = Timestamp.now()
        let sinceLastPoll = lastRuns.mapValues { Duration.microseconds(wallNow.microseconds - $0.microseconds) }
        let now = clock.now()
        var random = SystemRandomNumberGenerator()
        schedule.withLockedValue { $0.start(plan, sinceLastPoll: sinceLastPoll, now: now, random: &random) }
        logger.debug("poll schedule started", metadata: ["vh.streams": "\(plan.count)"])
    }

    /// Re-plans the connections that changed since the last look.
    private func applyChanges() {
        let changed = touched.withLockedValue { touched in
            defer { touched.removeAll() }
            return touched
        }
        guard !changed.isEmpty else { return }
        pollers.withLockedValue { pollers in
            pollers = pollers.filter { !changed.contains($0.key.connectionID) }
        }
        let definitions = store.definitions
        let now = clock.now()
        let plans = changed.map { ($0, streams(of: $0, in: definitions)) }
        schedule.withLockedValue { schedule in
            for (connectionID, plan) in plans { schedule.replace(connectionID: connectionID, with: plan, now: now) }
        }
    }

    /// Streams of a connection and their poll periods: the smallest webhook interval, never below the minimum.
    /// None when the connection is unknown, paused or unhealthy.
    func streams(of connectionID: String, in definitions: Definitions) -> [String: Duration] {
        guard let connection = definitions.connections[connectionID], !connection.isPaused, connection.isHealthy
        else { return [:] }
        var minutes: [String: Double] = [:]
        for webhook in definitions.webhooks(ofConnection: connectionID) {
            minutes[webhook.objectType] = min(minutes[webhook.objectType] ?? .infinity, webhook.interval)
        }
        return minutes.mapValues { minutes in
            let period = PollLimits.duration(
                seconds: minutes * 60, clampedTo: 0...PollLimits.intervalMinutes.upperBound * 60)
            return max(configuration.minimumInterval, period)
        }
    }

    /// One run of one stream, on the connection as currently defined.
    private func poll(_ stream: StreamKey) async {
        guard let connection = store.definitions.connections[stream.connectionID], !connection.isPaused,
            connection.isHealthy
        else { return }
        do {
            let run = try await poller(of: stream, on: connection).run()
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
                await markUnhealthy(connection, reason: error.message)
            }
        } catch {
            logger.error("poll failed", metadata: ["vh.stream": "\(stream)", "vh.error": "\(error)"])
        }
    }

    /// The stream's poller for `connection` as it is now: the one kept, unless the connection changed since.
    private func poller(of stream: StreamKey, on connection: Connection) throws -> StreamPoller {
        if let kept = pollers.withLockedValue({ $0[stream] }), kept.connection == connection { return kept }
        let poller = try StreamPoller(
            connection: connection, objectType: stream.objectType, catalog: catalog, store: store, client: client,
            configuration: configuration, sleeper: sleeper, logger: logger)
        pollers.withLockedValue { $0[stream] = poller }
        return poller
    }

    private func markUnhealthy(_ connection: Connection, reason: String) async {
        var unhealthy = connection
        unhealthy.isHealthy = false
        unhealthy.unhealthyReason = reason
        unhealthy.updatedAt = .now()
        try? await store.saveConnection(unhealthy)
        logger.error(
            "connection marked unhealthy; polling stops until it is fixed",
            metadata: ["vh.connection": "\(connection.id)", "vh.reason": "\(reason)"])
    }
}
