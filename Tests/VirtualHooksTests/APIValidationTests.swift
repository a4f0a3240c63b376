import Foundation
import Store
import TestSupport
import Testing
import VirtualHooks

/// Every bad input gets its exact status and names its field; client input never causes a 5xx.
@Suite struct APIValidationTests {
    @Test func badWebhookFieldsAre400NamingTheField() async throws {
        try await withAPI(allowPrivateTargets: false, minimumInterval: 5) { api in
            let connectionID = try await api.createConnection(apiURL: "https://provider.example.com")
            let cases: [([(String, JSONValue)], String)] = [
                ([("connection_id", .string("conn_nope"))], "connection_id"),
                ([("object_type", .string("crm_lead"))], "object_type"),
                ([("event", .string("changed"))], "event"),
                ([("event", .string("deleted"))], "event"),
                ([("interval", .number(1))], "interval"),
                ([("interval", .string("60"))], "interval"),
                ([("interval", .number(1e300))], "interval"),
                ([("hook_url", .string("ftp://example.com/hook"))], "hook_url"),
                ([("hook_url", .string("not a url"))], "hook_url"),
                ([("hook_url", .string("http://127.0.0.1:9/hook"))], "hook_url"),
                ([("hook_url", .string("http://localhost/hook"))], "hook_url"),
                ([("hook_url", .string("http://10.1.2.3/hook"))], "hook_url"),
                ([("hook_url", .string("http://169.254.169.254/latest"))], "hook_url"),
                ([("hook_url", .string("http://[::1]:80/hook"))], "hook_url"),
                ([("filters", .object([("company_id", .number(7))]))], "filters.company_id"),
                ([("filters", .object([("owner_id", .string("7"))]))], "filters.owner_id"),
                ([("filters", .object([("company_id", .string("7")), ("stage", .string("won"))]))], "filters.stage"),
                ([("filters", .string("company_id=7"))], "filters"),
                ([("page_max_limit", .number(0))], "page_max_limit"),
                ([("page_max_limit", .number(1001))], "page_max_limit"),
                ([("page_max_limit", .number(1.5))], "page_max_limit"),
                ([("webhook_type", .string("native"))], "webhook_type"),
                ([("connection_id", .null)], "connection_id"),
                ([("is_paused", .string("yes"))], "is_paused"),
            ]
            for (extra, field) in cases {
                let response = try await api.createWebhook(
                    connectionID: connectionID, hookURL: "https://hooks.example.com/h", extra)
                #expect(response.status == 400, "\(extra) → \(response.status) \(response.text)")
                #expect(response.errorField == field, "\(extra) → \(response.text)")
            }
            // Required fields.
            for missing in ["object_type", "event", "hook_url"] {
                var members: [(String, JSONValue)] = [
                    ("connection_id", .string(connectionID)), ("object_type", .string("crm_contact")),
                    ("event", .string("updated")), ("hook_url", .string("https://hooks.example.com/h")),
                ]
                members.removeAll { $0.0 == missing }
                let response = try await api.send("POST", "/unified/webhook", json: .object(members))
                #expect(response.status == 400)
                #expect(response.errorField == missing)
            }
            // Interval at the minimum, a public hook_url and a float limit pass.
            let ok = try await api.createWebhook(
                connectionID: connectionID, hookURL: "https://hooks.example.com/h",
                [("interval", .number(5.0)), ("page_max_limit", .number(1000.0))])
            #expect(ok.status == 200, "\(ok.text)")
            let id = try #require(try ok.json().value(atPath: "id")?.stringValue)

            // Updates may not move the webhook to another stream.
            let moved = try await api.send(
                "PATCH", "/unified/webhook/\(id)",
                json: .object([("connection_id", .string(connectionID)), ("object_type", .string("crm_company"))]))
            #expect(moved.status == 400)
            #expect(moved.errorField == "object_type")
            let otherConnection = try await api.send(
                "PUT", "/unified/webhook/\(id)",
                json: .object([("connection_id", .string("conn_other")), ("hook_url", .string("https://hooks.example.com/h"))]))
            #expect(otherConnection.status == 400)
            #expect(otherConnection.errorField == "connection_id")
            let withoutHookURL = try await api.send("PUT", "/unified/webhook/\(id)", json: .object([]))
            #expect(withoutHookURL.status == 400)
            #expect(withoutHookURL.errorField == "hook_url")
            let badPatch = try await api.send(
                "PATCH", "/unified/webhook/\(id)", json: .object([("interval", .number(0.5))]))
            #expect(badPatch.status == 400)
            #expect(badPatch.errorField == "interval")
            let unsupportedFilter = try await api.send(
                "PATCH", "/unified/webhook/\(id)", json: .object([("filters", .object([("stage", .string("won"))]))]))
            #expect(unsupportedFilter.status == 400)
            #expect(unsupportedFilter.errorField == "filters.stage")
            #expect(unsupportedFilter.text.contains("supported: company_id"), "\(unsupportedFilter.text)")
            let supportedFilter = try await api.send(
                "PATCH", "/unified/webhook/\(id)",
                json: .object([("filters", .object([("company_id", .string("co_000001"))]))]))
            #expect(supportedFilter.status == 200, "\(supportedFilter.text)")
        }
    }

    @Test func malformedBodiesUnknownIdsAndOversizedBodies() async throws {
        try await withAPI { api in
            for raw in ["{", "[]", "\"text\"", ""] {
                let response = try await api.send("POST", "/unified/webhook", raw: Array(raw.utf8))
                #expect(response.status == 400, "\(raw) → \(response.status)")
                #expect(try response.json().value(atPath: "message") != nil)
            }
            let malformedConnection = try await api.send("POST", "/unified/connection", raw: Array("{x".utf8))
            #expect(malformedConnection.status == 400)
            for (method, path) in [
                ("GET", "/unified/webhook/nope"), ("DELETE", "/unified/webhook/nope"),
                ("PUT", "/unified/webhook/nope/trigger"), ("PATCH", "/unified/webhook/nope/resume"),
                ("GET", "/unified/connection/nope"), ("DELETE", "/unified/connection/nope"),
            ] {
                let response = try await api.send(method, path)
                #expect(response.status == 404, "\(method) \(path)")
                #expect(try response.json().value(atPath: "error") != nil)
            }
            let patchUnknown = try await api.send("PATCH", "/unified/webhook/nope", json: .object([]))
            #expect(patchUnknown.status == 404)
            let big = Array("{\"fields\":\"".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20) + Array("\"}".utf8)
            let tooLarge = try await api.send("POST", "/unified/webhook", raw: big)
            #expect(tooLarge.status == 413)
            for query in ["?limit=1.5", "?limit=-1", "?offset=abc", "?sort=size", "?order=up", "?is_healthy=maybe",
                          "?updated_gte=yesterday"] {
                let response = try await api.send("GET", "/unified/webhook" + query)
                #expect(response.status == 400, "\(query)")
                #expect(response.errorField != nil)
            }
            #expect(try await api.send("POST", "/unified/webhook?include_all=maybe", json: .object([])).errorField
                == "include_all")
        }
    }

    @Test func badConnectionFieldsAre400NamingTheField() async throws {
        try await withAPI(allowPrivateTargets: false) { api in
            let cases: [([(String, JSONValue)], String)] = [
                ([("integration_type", .string("nope"))], "integration_type"),
                ([("integration_type", .number(3))], "integration_type"),
                ([("auth", .object([("api_url", .string("ftp://x"))]))], "auth.api_url"),
                ([("auth", .object([("api_url", .string("http://192.168.1.1"))]))], "auth.api_url"),
                ([("auth", .object([]))], "auth.api_url"),
                ([("categories", .array([.number(1)]))], "categories"),
                ([("permissions", .string("all"))], "permissions"),
                ([("is_paused", .number(1))], "is_paused"),
            ]
            for (extra, field) in cases {
                var members: [(String, JSONValue)] = [
                    ("integration_type", .string("sandbox")),
                    ("auth", .object([("api_url", .string("https://provider.example.com"))])),
                ]
                for (key, value) in extra {
                    members.removeAll { $0.0 == key }
                    members.append((key, value))
                }
                let response = try await api.send("POST", "/unified/connection", json: .object(members))
                #expect(response.status == 400, "\(extra) → \(response.text)")
                #expect(response.errorField == field, "\(extra) → \(response.text)")
            }
        }
    }
}
