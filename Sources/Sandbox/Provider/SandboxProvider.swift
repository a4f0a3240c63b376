import Hummingbird
import Logging
import Store

/// A CRM-like provider on loopback: `GET /crm/contacts|companies|deals` with `updated_gte`, `limit`, `offset`
/// and keyset `cursor` paging over a deterministic seeded dataset, plus switchable faults, late-visible writes
/// and request counters, so pollers can be tested against every case of `polling.md` §13–15.
///
/// Every control operation exists twice, as an HTTP endpoint under `/sandbox/…` (for `vhooks sandbox` and
/// end-to-end tests) and as a method here (for in-process tests); both act on the same locked state.
///
/// ```swift
/// let provider = SandboxProvider(configuration: .init(seed: 7, contacts: 1_000), port: 0, logger: logger)
/// try await withThrowingTaskGroup(of: Void.self) { group in
///     group.addTask { try await provider.run() }
///     let port = try await provider.waitUntilRunning()
///     // GET http://127.0.0.1:\(port)/crm/contacts?limit=100
///     provider.shutdown()
/// }
/// ```
public final class SandboxProvider: Sendable {
    /// The seeded dataset and limits this provider serves.
    public var configuration: SandboxConfiguration { state.configuration }
    /// The host the server binds (`127.0.0.1` unless told otherwise).
    public var host: String { runner.host }

    private let state: SandboxState
    private let runner: ServerRunner<SandboxResponder>

    /// Generates the dataset at once (100,000 records take a moment); the server starts with ``run()``.
    /// - Parameters:
    ///   - port: the TCP port; 0 picks a free one, reported by ``waitUntilRunning()``.
    public init(
        configuration: SandboxConfiguration = SandboxConfiguration(),
        host: String = "127.0.0.1",
        port: Int = 0,
        logger: Logger
    ) {
        state = SandboxState(configuration: configuration)
        runner = ServerRunner(
            name: "sandbox provider",
            host: host,
            port: port,
            responder: SandboxResponder(state: state),
            logger: logger
        )
    }

    // MARK: Lifecycle

    /// Serves until the task is cancelled, an enclosing `ServiceGroup` shuts down gracefully, or ``shutdown()``
    /// is called. Throws ``ServerRunError`` if it was already started, or the bind error if the port is taken.
    public func run() async throws {
        try await runner.run()
    }

    /// Waits until the server listens and returns its port; throws ``ServerRunError`` if it failed or stopped.
    public func waitUntilRunning() async throws -> Int {
        try await runner.waitUntilRunning()
    }

    /// The bound port while running, `nil` otherwise.
    public var port: Int? { runner.boundPort }

    /// `http://host:port` while running, `nil` otherwise.
    public var baseURL: String? { port.map { "http://\(host):\($0)" } }

    /// Stops a running server; ``run()`` returns once its connections are closed.
    public func shutdown() {
        runner.requestShutdown()
    }

    // MARK: Data

    /// Gives `updates` random existing records a new `updated_at` (now) and one changed field, and creates
    /// `creates` new records (`created_at` = `updated_at` = now). Same as `POST /sandbox/mutate`.
    @discardableResult
    public func mutate(_ object: SandboxObject, updates: Int = 0, creates: Int = 0) -> SandboxMutation {
        state.mutate(object, updates: updates, creates: creates)
    }

    /// Stores `record` verbatim (any fields, key order kept), replacing the record with the same `id`. An explicit
    /// `updated_at` is kept as given; without one it is now. Same as `POST /sandbox/records/{object}`.
    @discardableResult
    public func upsert(_ record: JSONValue, into object: SandboxObject) throws(SandboxRecordError) -> JSONValue {
        try state.upsert(record, into: object)
    }

    /// Removes a record; `false` if there was none. Same as `DELETE /sandbox/records/{object}/{id}`.
    @discardableResult
    public func delete(id: String, from object: SandboxObject) -> Bool {
        state.delete(id: id, from: object)
    }

    /// Stores a record (usually with an `updated_at` in the past) that List results show only once `visibility`
    /// allows, with its old `updated_at`: commit-visibility lag. Same as `POST /sandbox/late-write`.
    @discardableResult
    public func lateWrite(
        _ record: JSONValue,
        into object: SandboxObject,
        visibility: LateWriteVisibility
    ) throws(SandboxRecordError) -> JSONValue {
        try state.lateWrite(record, into: object, visibility: visibility)
    }

    /// Makes pending late writes of `object` (every object if `nil`) visible now; returns how many.
    @discardableResult
    public func revealLateWrites(of object: SandboxObject? = nil) -> Int {
        state.revealLateWrites(of: object)
    }

    /// The record with `id` as served, or `nil`.
    public func record(id: String, in object: SandboxObject) -> JSONValue? {
        state.record(id: id, of: object)
    }

    /// Every visible record of `object` in List order (ascending `updated_at`, then `id`).
    public func records(_ object: SandboxObject) -> [JSONValue] {
        state.records(of: object)
    }

    // MARK: Faults and counters

    /// Queues a fault: the next `fault.count` List requests (of `fault.object`, or any) fail that way. Faults
    /// are served in the order they were queued. Same as `POST /sandbox/faults`.
    public func injectFault(_ fault: SandboxFault) {
        state.injectFault(fault)
    }

    /// Drops every queued fault. Same as `DELETE /sandbox/faults`.
    public func clearFaults() {
        state.clearFaults()
    }

    /// Queued faults with the number of requests each still affects.
    public func pendingFaults() -> [SandboxFault] {
        state.pendingFaults()
    }

    /// Request counters and record counts. Same as `GET /sandbox/stats`.
    public func stats() -> SandboxStats {
        state.stats()
    }

    /// Zeroes the request counters. Same as `POST /sandbox/reset-stats`.
    public func resetStats() {
        state.resetStats()
    }
}
