import ArgumentParser
import Store

/// `vhooks webhook …`: Unified-style webhook subscriptions, managed over the `vhooks serve` API (`/unified/webhook`).
struct WebhookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook",
        abstract: "Manage webhook subscriptions through the management API.",
        subcommands: [List.self, Create.self, Get.self, Update.self, Delete.self, Trigger.self, Resume.self]
    )

    static let basePath = "/unified/webhook"

    static func path(_ id: String, _ action: String? = nil) -> String {
        basePath + "/" + APIClient.escape(id) + (action.map { "/" + $0 } ?? "")
    }

    /// One row per webhook; a single object is a one-row table.
    static func table(_ value: JSONValue) -> String {
        var table = TablePrinter(["id", "object", "event", "healthy", "paused", "hook_url"])
        for webhook in value.arrayValue ?? [value] {
            table.append(
                ["id", "object_type", "event", "is_healthy", "is_paused", "hook_url"].map {
                    TablePrinter.cell(webhook[$0])
                })
        }
        return table.render()
    }
}

/// The writable fields shared by `create` and `update`; absent options are not sent.
struct WebhookFields: ParsableArguments {
    @Option(help: "Where payloads are POSTed (http or https; required on create).")
    var hookURL: String?

    @Option(
        help: "Minutes between polls, at least the server's minimum; fractions allowed (default on create: 60).")
    var interval: Double?

    @Option(help: "Most records in one POST, 1-1000 (default on create: 100).")
    var pageMaxLimit: Int?

    @Option(help: "Comma-separated fields each record is trimmed to; `id` is always kept (default: every field).")
    var fields: String?

    @Option(
        name: .customLong("filter"),
        help: "A filter as key=value (repeatable), e.g. --filter company_id=123 (default: no filter).")
    var filters: [String] = []

    @Flag(inversion: .prefixedNo, help: "Pause or unpause deliveries (default on create: not paused).")
    var paused: Bool?

    func validate() throws {
        if let hookURL {
            let lower = hookURL.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
                throw ValidationError("--hook-url must be an http or https URL, got \"\(hookURL)\"")
            }
        }
        if let interval, !(interval > 0) || !interval.isFinite {
            throw ValidationError("--interval must be a positive number of minutes, got \(interval)")
        }
        if let pageMaxLimit, !(1...1000).contains(pageMaxLimit) {
            throw ValidationError("--page-max-limit must be between 1 and 1000, got \(pageMaxLimit)")
        }
        _ = try filterMembers()
    }

    /// `--filter` options as JSON members, in the order given (a repeated key: the last wins on the server).
    func filterMembers() throws -> [(String, JSONValue)] {
        try filters.map { filter in
            guard let equals = filter.firstIndex(of: "="), equals != filter.startIndex else {
                throw ValidationError("--filter must be key=value, got \"\(filter)\"")
            }
            return (String(filter[..<equals]), .string(String(filter[filter.index(after: equals)...])))
        }
    }

    /// The JSON members for the options given.
    func members() throws -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        if let hookURL { members.append(("hook_url", .string(hookURL))) }
        if let interval { members.append(("interval", .number(interval))) }
        if let pageMaxLimit { members.append(("page_max_limit", .number(Double(pageMaxLimit)))) }
        if let fields { members.append(("fields", .string(fields))) }
        if !filters.isEmpty { members.append(("filters", .object(try filterMembers()))) }
        if let paused { members.append(("is_paused", .bool(paused))) }
        return members
    }
}

/// The webhook id every single-webhook command takes.
struct WebhookID: ParsableArguments {
    @Argument(help: "The webhook's id.")
    var id: String

    func validate() throws {
        guard !id.isEmpty else { throw ValidationError("the webhook id must not be empty") }
    }
}

extension WebhookCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List webhooks.")

        @Option(help: "Only the webhooks of this connection.") var connection: String?
        @Option(help: "Only this object_type (e.g. crm_contact).") var object: String?
        @OptionGroup var paging: PagingOptions
        @OptionGroup var api: APIOptions

        func run() async throws {
            var query: [(String, String)] = []
            if let connection { query.append(("connection_id", connection)) }
            if let object { query.append(("object", object)) }
            query += paging.query
            let response = try await api.withClient { try await $0.json("GET", WebhookCommand.basePath, query: query) }
            api.output(response, table: WebhookCommand.table)
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a webhook subscription.")

        @Option(help: "The connection whose records to watch.") var connection: String
        @Option(help: "The object_type to watch (e.g. crm_contact).") var object: String
        @Option(help: "created, updated or deleted.") var event: String
        @Flag(help: "Send every existing record first (the initial sync; default: only changes from now on).")
        var includeAll = false
        @OptionGroup var fields: WebhookFields
        @OptionGroup var api: APIOptions

        func validate() throws {
            guard ["created", "updated", "deleted"].contains(event) else {
                throw ValidationError("--event must be created, updated or deleted, got \"\(event)\"")
            }
            guard fields.hookURL != nil else { throw ValidationError("--hook-url is required") }
        }

        func run() async throws {
            let body = JSONValue.object(
                [
                    ("connection_id", .string(connection)), ("object_type", .string(object)),
                    ("event", .string(event)),
                ] + (try fields.members()))
            let response = try await api.withClient {
                try await $0.json(
                    "POST", WebhookCommand.basePath, query: [("include_all", includeAll ? "true" : "false")],
                    body: body)
            }
            api.output(response, table: WebhookCommand.table)
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one webhook.")

        @OptionGroup var webhook: WebhookID
        @OptionGroup var api: APIOptions

        func run() async throws {
            let response = try await api.withClient { try await $0.json("GET", WebhookCommand.path(webhook.id)) }
            api.output(response, table: WebhookCommand.table)
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a webhook's writable fields (PATCH); connection, object and event cannot change.")

        @OptionGroup var webhook: WebhookID
        @OptionGroup var fields: WebhookFields
        @OptionGroup var api: APIOptions

        func validate() throws {
            guard try !fields.members().isEmpty else {
                throw ValidationError(
                    "nothing to change: pass --hook-url, --interval, --page-max-limit, --fields, --filter or --paused")
            }
        }

        func run() async throws {
            let changes = try fields.members()
            let response = try await api.withClient { client in
                // Unified's PATCH body always carries the three identifying fields; send the stored ones.
                let current = try await client.json("GET", WebhookCommand.path(webhook.id)).value
                let identity = ["connection_id", "object_type", "event"].compactMap { key in
                    current[key].map { (key, $0) }
                }
                return try await client.json(
                    "PATCH", WebhookCommand.path(webhook.id), body: .object(identity + changes))
            }
            api.output(response, table: WebhookCommand.table)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a webhook; deliveries to it stop.")

        @OptionGroup var webhook: WebhookID
        @OptionGroup var api: APIOptions

        func run() async throws {
            _ = try await api.withClient { try await $0.send("DELETE", WebhookCommand.path(webhook.id)) }
            if !api.json { print("deleted webhook \(webhook.id)") }
        }
    }

    struct Trigger: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Poll the webhook's connection and object now.")

        @OptionGroup var webhook: WebhookID
        @OptionGroup var api: APIOptions

        func run() async throws {
            _ = try await api.withClient { try await $0.send("PUT", WebhookCommand.path(webhook.id, "trigger")) }
            if !api.json { print("triggered a poll for webhook \(webhook.id)") }
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make an unhealthy webhook healthy again; it delivers what accumulated meanwhile.")

        @OptionGroup var webhook: WebhookID
        @OptionGroup var api: APIOptions

        func run() async throws {
            let response = try await api.withClient {
                try await $0.json("PUT", WebhookCommand.path(webhook.id, "resume"))
            }
            api.output(response, table: WebhookCommand.table)
        }
    }
}
