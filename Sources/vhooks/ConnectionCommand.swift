import ArgumentParser
import Store

/// `vhooks connection …`: Unified-style connections, managed over the `vhooks serve` API (`/unified/connection`).
struct ConnectionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connection",
        abstract: "Manage connections (provider accounts) through the management API.",
        subcommands: [List.self, Create.self, Get.self, Delete.self]
    )

    static let basePath = "/unified/connection"

    static func path(_ id: String) -> String {
        basePath + "/" + APIClient.escape(id)
    }

    /// One row per connection; a single object is a one-row table. Credentials are never shown.
    static func table(_ value: JSONValue) -> String {
        var table = TablePrinter(["id", "integration", "api_url", "paused"])
        for connection in value.arrayValue ?? [value] {
            table.append([
                TablePrinter.cell(connection["id"]), TablePrinter.cell(connection["integration_type"]),
                TablePrinter.cell(connection["auth"]?["api_url"]), TablePrinter.cell(connection["is_paused"]),
            ])
        }
        return table.render()
    }
}

/// The connection id every single-connection command takes.
struct ConnectionID: ParsableArguments {
    @Argument(help: "The connection's id.")
    var id: String

    func validate() throws {
        guard !id.isEmpty else { throw ValidationError("the connection id must not be empty") }
    }
}

extension ConnectionCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List connections.")

        @Option(help: "Only the connections with this external_xref (your own id for the account).")
        var externalXref: String?
        @OptionGroup var paging: PagingOptions
        @OptionGroup var api: APIOptions

        func run() async throws {
            let query = (externalXref.map { [("external_xref", $0)] } ?? []) + paging.query
            let response = try await api.withClient {
                try await $0.json("GET", ConnectionCommand.basePath, query: query)
            }
            api.output(response, table: ConnectionCommand.table)
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a connection.")

        @Option(help: "The connector (integration_type), e.g. sandbox.") var integration: String
        @Option(help: "Base URL of the provider's API.") var apiURL: String
        @Option(help: "Credential for the provider's auth header (default: none).") var authToken: String?
        @Option(help: "Your own id for the account (external_xref), for `connection list --external-xref`.")
        var externalXref: String?
        @Option(help: "A Unified category such as crm (repeatable; default: none).") var category: [String] = []
        @Option(help: "A Unified permission such as crm_contact_read (repeatable; default: none).")
        var permission: [String] = []
        @Flag(help: "Create it paused, not polled (default: polled at once).") var paused = false
        @OptionGroup var api: APIOptions

        func validate() throws {
            guard !integration.isEmpty else { throw ValidationError("--integration must not be empty") }
            let lower = apiURL.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
                throw ValidationError("--api-url must be an http or https URL, got \"\(apiURL)\"")
            }
        }

        func run() async throws {
            var auth: [(String, JSONValue)] = [("api_url", .string(apiURL))]
            if let authToken { auth.append(("token", .string(authToken))) }
            let body = JSONValue.object([
                ("integration_type", .string(integration)), ("categories", .array(category.map(JSONValue.string))),
                ("permissions", .array(permission.map(JSONValue.string))), ("auth", .object(auth)),
                ("is_paused", .bool(paused)),
            ] + (externalXref.map { [("external_xref", JSONValue.string($0))] } ?? []))
            let response = try await api.withClient {
                try await $0.json("POST", ConnectionCommand.basePath, body: body)
            }
            api.output(response, table: ConnectionCommand.table)
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one connection.")

        @OptionGroup var connection: ConnectionID
        @OptionGroup var api: APIOptions

        func run() async throws {
            let response = try await api.withClient { try await $0.json("GET", ConnectionCommand.path(connection.id)) }
            api.output(response, table: ConnectionCommand.table)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a connection with its webhooks, cursors and event log.")

        @OptionGroup var connection: ConnectionID
        @OptionGroup var api: APIOptions

        func run() async throws {
            _ = try await api.withClient { try await $0.send("DELETE", ConnectionCommand.path(connection.id)) }
            if !api.json { print("deleted connection \(connection.id)") }
        }
    }
}
