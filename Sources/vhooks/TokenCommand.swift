import ArgumentParser
import Store

/// `vhooks token create|list|revoke`: the management API's bearer tokens, managed on the database file directly
/// (so the first token can be made before the API is reachable).
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke management-API tokens (works on the database file).",
        subcommands: [Create.self, List.self, Revoke.self]
    )
}

extension TokenCommand {
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token and print it; only its hash is stored, so it is shown this once.")

        @Option(help: "A label to recognise the token by in `vhooks token list`.")
        var name = ""

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let token = try await store.withStore(mustExist: false) { try await $0.createAPIToken(name: name) }
            print(token)
            printError("Store this token now: it is not shown again. Send it as `authorization: bearer <token>`.")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (ids and names; never the tokens).")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let tokens = try await store.withStore(mustExist: true) { try await $0.apiTokens() }
            var table = TablePrinter(["id", "name", "created_at", "last_used_at"])
            for token in tokens {
                table.append([
                    token.id, token.name.isEmpty ? "-" : token.name, token.createdAt.iso8601,
                    token.lastUsedAt?.iso8601 ?? "never",
                ])
            }
            print(table.render(), terminator: "")
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a token by id; requests using it fail from now on.")

        @Argument(help: "The token's id, from `vhooks token list`.")
        var id: String

        @OptionGroup var store: StoreOptions

        func run() async throws {
            let revoked = try await store.withStore(mustExist: true) { try await $0.revokeAPIToken(id: id) }
            guard revoked else { throw CommandFailure("no API token with id \(id)") }
            print("revoked token \(id)")
        }
    }
}
