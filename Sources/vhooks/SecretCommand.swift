import ArgumentParser
import Store

/// `vhooks secret show|rotate`: the workspace secret that keys the Unified `sig`/`sig256` of every payload.
struct SecretCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secret",
        abstract: "Show or rotate the workspace secret that signs payloads (works on the database file).",
        subcommands: [Show.self, Rotate.self]
    )
}

extension SecretCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the workspace secret (generated and stored if the database has none yet).")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            print(try await store.withStore(mustExist: true) { try await $0.workspaceSecret() })
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace the workspace secret with a new random one and print it.",
            discussion: """
                Payloads not yet delivered are re-signed with the new secret on their next attempt, so receivers \
                must switch to the printed secret now.
                """)

        @OptionGroup var store: StoreOptions

        func run() async throws {
            print(try await store.withStore(mustExist: false) { try await $0.rotateWorkspaceSecret() })
            printError("The workspace secret changed: give the new one to every receiver that verifies `sig`.")
            if let file = store.config, try store.configuration()?.workspaceSecret != nil {
                printError(
                    "Warning: \(file) declares \"workspace_secret\", which `vhooks serve` writes back on start; "
                        + "remove it from the file or set it to the new secret.")
            }
        }
    }
}
