import Logging
import Sandbox

/// A sandbox provider running on a free loopback port for the duration of a test.
public struct RunningSandbox: Sendable {
    /// The running provider, for in-process control (`mutate`, `injectFault`, `stats`, …).
    public let provider: SandboxProvider
    /// The loopback port it listens on.
    public let port: Int

    /// `http://127.0.0.1:<port>`, the connection's base URL.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// `baseURL` + `path` (`/crm/contacts?limit=10`).
    public func url(_ path: String) -> String { baseURL + (path.hasPrefix("/") ? path : "/" + path) }
}

/// A recording subscriber running on a free loopback port for the duration of a test.
public struct RunningSubscriber: Sendable {
    /// The running subscriber, for in-process control and inspection (`received()`, `failNext`, secrets).
    public let subscriber: RecordingSubscriber
    /// The loopback port it listens on.
    public let port: Int

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// A `hook_url` on this subscriber (`/hook` unless told otherwise).
    public func hookURL(_ path: String = "/hook") -> String { baseURL + (path.hasPrefix("/") ? path : "/" + path) }
}

/// Starts a sandbox provider on 127.0.0.1 with a free port, runs `body`, and stops the provider afterwards (also
/// when `body` throws). The provider's errors, if any, are rethrown after `body`'s result.
public func withSandbox<Result>(
    _ configuration: SandboxConfiguration = SandboxConfiguration(),
    logger: Logger = .test("sandbox"),
    isolation: isolated (any Actor)? = #isolation,
    _ body: (RunningSandbox) async throws -> Result
) async throws -> Result {
    let provider = SandboxProvider(configuration: configuration, host: "127.0.0.1", port: 0, logger: logger)
    return try await withRunningServer(
        run: { try await provider.run() },
        waitUntilRunning: { try await provider.waitUntilRunning() },
        shutdown: { provider.shutdown() }
    ) { port in
        try await body(RunningSandbox(provider: provider, port: port))
    }
}

/// Starts a recording subscriber on 127.0.0.1 with a free port, runs `body`, and stops it afterwards.
/// - Parameter output: receives one summary line per payload (none by default).
public func withSubscriber<Result>(
    _ configuration: SubscriberConfiguration = SubscriberConfiguration(),
    logger: Logger = .test("subscriber"),
    output: (@Sendable (String) -> Void)? = nil,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (RunningSubscriber) async throws -> Result
) async throws -> Result {
    let subscriber = RecordingSubscriber(
        configuration: configuration, host: "127.0.0.1", port: 0, logger: logger, output: output
    )
    return try await withRunningServer(
        run: { try await subscriber.run() },
        waitUntilRunning: { try await subscriber.waitUntilRunning() },
        shutdown: { subscriber.shutdown() }
    ) { port in
        try await body(RunningSubscriber(subscriber: subscriber, port: port))
    }
}
