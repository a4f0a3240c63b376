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
    @Option(help: "Standard Webhooks secret (whsec_...) used for any webhook.") var webhookSecret: String?
    @Option(help: "Answer the first N payloads with --fail-status, to watch retries.") var failFirst = 0
    @Option(help: "Status for failed answers.") var failStatus = 500
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0-65535") }
        guard failFirst >= 0 else { throw ValidationError("--fail-first must not be negative") }
        guard (100...599).contains(failStatus) else { throw ValidationError("--fail-status must be an HTTP status") }
    }

    func run() async throws {
        let logger = logging.makeLogger("vhooks.subscriber")
        let subscriber = RecordingSubscriber(
            configuration: SubscriberConfiguration(
                workspaceSecret: workspaceSecret, defaultWebhookSecret: webhookSecret, keepBodies: false),
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
