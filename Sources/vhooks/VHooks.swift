import ArgumentParser
import Foundation

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

    /// Parses and runs the subcommand. A `ValidationError` thrown while it runs (a bad configuration file, a missing
    /// database) is reported with that subcommand's usage, as one thrown by its `validate()` is; the library's own
    /// `main` would show the root's.
    static func main() async {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ValidationError {
            let subcommand = type(of: command)
            let name = commandPath(to: subcommand).joined(separator: " ")
            printError("Error: \(error.message)\nUsage: \(usageString(for: subcommand))\n  See '\(name) --help' for more information.")
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch {
            exit(withError: error)
        }
    }

    /// The command names from the root to `target` (`["vhooks", "webhook", "create"]`).
    static func commandPath(to target: any ParsableCommand.Type) -> [String] {
        func search(_ type: any ParsableCommand.Type) -> [String]? {
            if type == target { return [type._commandName] }
            for child in type.configuration.subcommands {
                if let rest = search(child) { return [type._commandName] + rest }
            }
            return nil
        }
        return search(self) ?? [_commandName]
    }
}
