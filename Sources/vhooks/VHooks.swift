import ArgumentParser

/// `vhooks`: real webhooks for any API with a List endpoint.
@main
struct VHooks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vhooks",
        abstract: "Turns polled List endpoints into signed webhooks (Unified-compatible payloads).",
        version: "0.1.0",
        subcommands: [
            ServeCommand.self, DemoCommand.self, SandboxCommand.self, SubscriberCommand.self, TokenCommand.self,
            SecretCommand.self, WebhookCommand.self, ConnectionCommand.self,
        ]
    )
}
