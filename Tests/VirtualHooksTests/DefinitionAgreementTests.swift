import Foundation
import Pollers
import Store
import TestSupport
import Testing
import VirtualHooks

/// The configuration file and the management API hold webhooks and connections to one set of rules: for each
/// input, both accept it with the same values or both refuse it naming the same field with the same message.
/// The rows include every disagreement found before the rules were shared (the default interval under a raised
/// minimum, the 525,600-minute cap, `page_max_limit`, the filters check).
@Suite struct DefinitionAgreementTests {
    /// Accepted with these values, or refused at a field (relative to the entry) with a message.
    enum Verdict: Equatable, CustomStringConvertible {
        case accepted(interval: Double, pageMaxLimit: Int)
        case refused(field: String, message: String)

        var description: String {
            switch self {
            case let .accepted(interval, limit): return "accepted (interval \(interval), page_max_limit \(limit))"
            case let .refused(field, message): return "refused: \(field): \(message)"
            }
        }
    }

    static let minimum = 90.0
    static let hookURL = "https://hooks.example.com/h"

    /// Members over a valid webhook (without `interval`, so the default shows). `connection_id` is filled in.
    static let webhookRows: [[(String, JSONValue)]] = [
        [],
        [("interval", .number(90))],
        [("interval", .number(30))],
        [("interval", .number(525_600))],
        [("interval", .number(525_601))],
        [("interval", .number(1e300))],
        [("interval", .string("60"))],
        [("page_max_limit", .number(1000.0))],
        [("page_max_limit", .number(0))],
        [("page_max_limit", .number(1001))],
        [("page_max_limit", .number(1.5))],
        [("page_max_limit", .string("100"))],
        [("filters", .object([("company_id", .string("7"))]))],
        [("filters", .object([("company_id", .null)]))],
        [("filters", .object([("owner_id", .string("7"))]))],
        [("filters", .object([("company_id", .number(7))]))],
        [("filters", .object([("company_id", .string("7")), ("stage", .string("won"))]))],
        [("filters", .string("company_id=7"))],
        [("event", .string("deleted"))],
        [("event", .string("changed"))],
        [("object_type", .string("crm_lead"))],
        [("connection_id", .string("conn_nope"))],
        [("connection_id", .string(""))],
        [("hook_url", .string("ftp://hooks.example.com/h"))],
        [("hook_url", .string("not a url"))],
        [("fields", .number(7))],
        [("is_paused", .string("yes"))],
    ]

    @Test func webhooksGetTheSameVerdictFromTheFileAndTheAPI() async throws {
        try await withAPI(allowPrivateTargets: false, minimumInterval: Self.minimum) { api in
            let connectionID = try await api.createConnection(apiURL: "https://provider.example.com")
            for row in Self.webhookRows {
                let file = try fileVerdict(webhook: row)
                let served = try await apiVerdict(api, webhook: row, connectionID: connectionID)
                #expect(file == served, "\(row): file \(file), API \(served)")
            }
        }
    }

    /// A private `hook_url` is refused by both (the file after the command line had its say).
    @Test func aPrivateHookURLIsRefusedByBoth() async throws {
        try await withAPI(allowPrivateTargets: false, minimumInterval: Self.minimum) { api in
            let connectionID = try await api.createConnection(apiURL: "https://provider.example.com")
            let row: [(String, JSONValue)] = [("hook_url", .string("http://10.0.0.7/hook"))]
            let configuration = try ServeConfiguration.parse(
                Self.file(webhook: row), file: "config.json", catalog: .builtin())
            #expect(throws: ConfigurationError.self) { try configuration.validateTargets(file: "config.json") }
            let served = try await apiVerdict(api, webhook: row, connectionID: connectionID)
            guard case let .refused(field, _) = served else {
                Issue.record("the API accepted a private hook_url: \(served)")
                return
            }
            #expect(field == "hook_url")
        }
    }

    /// Members over a valid connection. The file puts `api_url` and `token` in the entry, the API in `auth`.
    static let connectionRows: [[(String, JSONValue)]] = [
        [],
        [("integration_type", .string("nope"))],
        [("integration_type", .number(1))],
        [("api_url", .string("ftp://provider.example.com"))],
        [("api_url", .string(""))],
        [("token", .number(5))],
        [("categories", .array([.number(1)]))],
        [("permissions", .string("crm_contact_read"))],
        [("is_paused", .string("no"))],
    ]

    @Test func connectionsGetTheSameVerdictFromTheFileAndTheAPI() async throws {
        try await withAPI(allowPrivateTargets: false) { api in
            for row in Self.connectionRows {
                let file = fileConnectionVerdict(row)
                let served = try await apiConnectionVerdict(api, row)
                #expect(file == served, "\(row): file \(String(describing: file)), API \(String(describing: served))")
            }
        }
    }

    // MARK: the file

    static func file(webhook row: [(String, JSONValue)]) -> [UInt8] {
        var members: [(String, JSONValue)] = [
            ("connection_id", .string("c1")), ("object_type", .string("crm_contact")), ("event", .string("updated")),
            ("hook_url", .string(hookURL)),
        ]
        merge(row, into: &members)
        let entry = String(decoding: JSWriter.serialize(.object(members)), as: UTF8.self)
        return Array(
            """
            {
              "min_interval_minutes": \(JSWriter.numberText(minimum)),
              "connections": [{"id": "c1", "integration_type": "sandbox", "api_url": "https://provider.example.com"}],
              "webhooks": [
                \(entry)
              ]
            }
            """.utf8)
    }

    func fileVerdict(webhook row: [(String, JSONValue)]) throws -> Verdict {
        do {
            let configuration = try ServeConfiguration.parse(Self.file(webhook: row), file: "config.json", catalog: .builtin())
            let webhook = try #require(configuration.webhooks.first)
            return .accepted(interval: webhook.interval, pageMaxLimit: webhook.pageMaxLimit)
        } catch let error as ConfigurationError {
            #expect(error.line == 5, "\(error)")
            return .refused(field: Self.relative(error.field, to: "webhooks[0]"), message: error.message)
        }
    }

    func fileConnectionVerdict(_ row: [(String, JSONValue)]) -> Verdict? {
        var members: [(String, JSONValue)] = [
            ("id", .string("c1")), ("integration_type", .string("sandbox")),
            ("api_url", .string("https://provider.example.com")), ("token", .string("t")),
        ]
        Self.merge(row, into: &members)
        let entry = String(decoding: JSWriter.serialize(.object(members)), as: UTF8.self)
        do {
            _ = try ServeConfiguration.parse(
                Array("{\n\"connections\": [\n\(entry)\n]\n}".utf8), file: "config.json", catalog: .builtin())
            return .accepted(interval: 0, pageMaxLimit: 0)
        } catch let error as ConfigurationError {
            #expect(error.line == 3, "\(error)")
            return .refused(field: Self.relative(error.field, to: "connections[0]"), message: error.message)
        } catch {
            return nil
        }
    }

    // MARK: the API

    func apiVerdict(_ api: APIHarness, webhook row: [(String, JSONValue)], connectionID: String) async throws -> Verdict {
        var members: [(String, JSONValue)] = [
            ("connection_id", .string(connectionID)), ("object_type", .string("crm_contact")),
            ("event", .string("updated")), ("hook_url", .string(Self.hookURL)),
        ]
        Self.merge(row, into: &members)
        let response = try await api.send("POST", "/unified/webhook", json: .object(members))
        let body = try response.json()
        if response.status == 200 {
            return .accepted(
                interval: body.value(atPath: "interval")?.numberValue ?? -1,
                pageMaxLimit: Int(body.value(atPath: "page_max_limit")?.numberValue ?? -1))
        }
        #expect(response.status == 400, "\(response.text)")
        return Self.refusal(body)
    }

    func apiConnectionVerdict(_ api: APIHarness, _ row: [(String, JSONValue)]) async throws -> Verdict {
        var members: [(String, JSONValue)] = [("integration_type", .string("sandbox"))]
        var auth: [(String, JSONValue)] = [
            ("api_url", .string("https://provider.example.com")), ("token", .string("t")),
        ]
        for (key, value) in row {
            if key == "api_url" || key == "token" { Self.merge([(key, value)], into: &auth) }
            else { Self.merge([(key, value)], into: &members) }
        }
        members.append(("auth", .object(auth)))
        let response = try await api.send("POST", "/unified/connection", json: .object(members))
        if response.status == 200 { return .accepted(interval: 0, pageMaxLimit: 0) }
        #expect(response.status == 400, "\(response.text)")
        return Self.refusal(try response.json())
    }

    /// An API error body as a verdict: its message is the field followed by the rule's message.
    static func refusal(_ body: JSONValue) -> Verdict {
        let field = body.value(atPath: "field")?.stringValue ?? ""
        let message = body.value(atPath: "message")?.stringValue ?? ""
        let rule = message.hasPrefix(field + " ") ? String(message.dropFirst(field.count + 1)) : "(unprefixed) \(message)"
        return .refused(field: relative(field, to: "auth"), message: rule)
    }

    static func relative(_ field: String, to prefix: String) -> String {
        field.hasPrefix(prefix + ".") ? String(field.dropFirst(prefix.count + 1)) : field
    }

    static func merge(_ row: [(String, JSONValue)], into members: inout [(String, JSONValue)]) {
        for (key, value) in row {
            members.removeAll { $0.0 == key }
            members.append((key, value))
        }
    }
}
