import ArgumentParser
import Foundation
import Logging
import Sandbox
import ServiceLifecycle

/// `vhooks subscriber`: a receiver that verifies every payload the way Unified and Standard Webhooks receivers do
/// and prints one line each.
struct SubscriberCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscriber",
        abstract: "Receive webhook POSTs, verify sig and webhook-signature, print one line per payload."
    )

    @Option(help: "Address to bind.") var host = "127.0.0.1"
    @Option(help: "Port (0 picks a free one).") var port = 8282
    @Option(help: "Workspace secret that signs the Unified `sig`.") var workspaceSecret: String?
    @Option(help: "Standard Webhooks secret (whsec_...) used for any webhook whose own secret is not known.")
    var webhookSecret: String?
    @Option(
        name: .customLong("api"),
        help: "A `vhooks serve` API (e.g. http://127.0.0.1:8080) to fetch each webhook's own secret from, with --token.")
    var api: String?
    @Option(help: "API token for --api (default: $VHOOKS_TOKEN).") var token: String?
    @Option(help: "Answer the first N payloads with --fail-status, to watch retries.") var failFirst = 0
    @Option(help: "Status for failed answers.") var failStatus = 500
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0-65535") }
        guard failFirst >= 0 else { throw ValidationError("--fail-first must not be negative") }
        guard (100...599).contains(failStatus) else { throw ValidationError("--fail-status must be an HTTP status") }
        if let api {
            guard api.lowercased().hasPrefix("http://") || api.lowercased().hasPrefix("https://") else {
                throw ValidationError("--api must be an http(s) URL such as http://127.0.0.1:8080, got \"\(api)\"")
            }
            guard resolvedToken != nil else {
                throw ValidationError("--api needs an API token: pass --token or set VHOOKS_TOKEN (see `vhooks token create`)")
            }
        }
    }

    private var resolvedToken: String? {
        token ?? ProcessInfo.processInfo.environment["VHOOKS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    }

    func run() async throws {
        let logger = logging.makeLogger("vhooks.subscriber")
        guard let api else { return try await serve(secretSource: nil, logger: logger) }
        try await APIClient.with(baseURL: api, token: resolvedToken, logger: logger) { client in
            try await serve(
                secretSource: { id in
                    // The secret route of the management API; any failure leaves the webhook unverified (logged).
                    do {
                        return try await client.json("GET", "/virtualhooks/webhook/\(APIClient.escape(id))/secret")
                            .value["key"]?.stringValue
                    } catch {
                        logger.warning("cannot fetch the secret of webhook \(id): \(error)")
                        return nil
                    }
                }, logger: logger)
        }
    }

    private func serve(secretSource: (@Sendable (String) async -> String?)?, logger: Logger) async throws {
        let subscriber = RecordingSubscriber(
            configuration: SubscriberConfiguration(
                workspaceSecret: workspaceSecret, defaultWebhookSecret: webhookSecret,
                webhookSecretSource: secretSource, keepBodies: false),
            host: host, port: port, logger: logger,
            output: { line in
                print(line)
                fflush(nil)
            })
        if failFirst > 0 { subscriber.failNext(failFirst, status: failStatus) }
        let group = ServiceGroup(
            services: [ServerService { try await subscriber.run() }],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let bound = try await subscriber.waitUntilRunning()
            print("recording subscriber on http://\(host):\(bound)/hook")
            fflush(nil)
            try await tasks.waitForAll()
        }
    }
}
