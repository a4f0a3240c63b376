import Hummingbird
import Logging
import Store

/// A webhook receiver on loopback that records every POST and verifies every signature the way receivers do:
/// the Unified `sig`/`sig256` over `JSON.stringify(data) + nonce` with the workspace secret, and the Standard
/// Webhooks headers with the webhook's `whsec_` secret (looked up by the payload's `webhook.id`).
///
/// It accepts POSTs on any path. Control endpoints live under `/_subscriber`: `GET /_subscriber/received`
/// (`?since=N&limit=M`), `DELETE /_subscriber/received`, `GET /_subscriber/summary`, `POST /_subscriber/fail`
/// `{"status":500,"count":N,"delay_ms":0}`, `DELETE /_subscriber/fail`, `POST /_subscriber/secrets`
/// `{"webhook_id":…,"secret":…}` or `{"workspace_secret":…}`. Each has an in-process twin below.
public final class RecordingSubscriber: Sendable {
    /// The host the server binds (`127.0.0.1` unless told otherwise).
    public var host: String { runner.host }

    private let state: SubscriberState
    private let runner: ServerRunner<SubscriberResponder>

    /// - Parameters:
    ///   - port: the TCP port; 0 picks a free one, reported by ``waitUntilRunning()``.
    ///   - output: receives one ``ReceivedPayload/summaryLine`` per payload (for `vhooks subscriber` and `demo`).
    public init(
        configuration: SubscriberConfiguration = SubscriberConfiguration(),
        host: String = "127.0.0.1",
        port: Int = 0,
        logger: Logger,
        output: (@Sendable (String) -> Void)? = nil
    ) {
        state = SubscriberState(configuration: configuration)
        runner = ServerRunner(
            name: "recording subscriber",
            host: host,
            port: port,
            responder: SubscriberResponder(state: state, output: output),
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

    /// `http://host:port` + `path` while running (a `hook_url` to register), `nil` otherwise.
    public func url(path: String = "/hook") -> String? {
        port.map { "http://\(host):\($0)\(path.hasPrefix("/") ? path : "/" + path)" }
    }

    /// Stops a running server; ``run()`` returns once its connections are closed.
    public func shutdown() {
        runner.requestShutdown()
    }

    // MARK: Secrets

    /// Sets (or with `nil` removes) the workspace secret `sig`/`sig256` are checked with.
    public func setWorkspaceSecret(_ secret: String?) {
        state.setWorkspaceSecret(secret)
    }

    /// Sets (or with `nil` removes) the Standard Webhooks secret of one webhook, or with `webhookID: nil` the
    /// secret used for webhooks that have none of their own.
    public func setWebhookSecret(_ secret: String?, forWebhook webhookID: String?) {
        state.setWebhookSecret(secret, for: webhookID)
    }

    // MARK: Failures

    /// Answers the next `count` payloads with `status` (after `delay`, to provoke sender timeouts); they are still
    /// recorded, with that status. Plans queue up in order.
    public func failNext(_ count: Int, status: Int = 500, delay: Duration = .zero) {
        state.plan(.init(status: status, delay: delay, remaining: count))
    }

    /// Drops every planned failure.
    public func clearFailures() {
        state.clearPlans()
    }

    // MARK: What arrived

    /// Kept payloads with a sequence number above `sequence`, oldest first.
    public func received(since sequence: Int = 0) -> [ReceivedPayload] {
        state.received(since: sequence)
    }

    /// Totals over every payload since start (or since ``clearReceived()``).
    public func summary() -> SubscriberSummary {
        state.summary()
    }

    /// Forgets kept payloads and zeroes the totals; sequence numbers keep increasing.
    public func clearReceived() {
        state.clearReceived()
    }
}
