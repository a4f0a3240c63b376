import Foundation
import Store
import TestSupport
import Testing
import VirtualHooks

/// The connection routes: create, list, get, update, delete (which deletes its webhooks); credentials never echoed.
@Suite struct APIConnectionTests {
    @Test func connectionLifecycle() async throws {
        try await withAPI { api in
            let created = try await api.send(
                "POST", "/unified/connection",
                json: .object([
                    ("integration_type", .string("sandbox")),
                    ("auth", .object([("api_url", .string("http://127.0.0.1:9")), ("token", .string("tok-secret"))])),
                    ("categories", .array([.string("crm")])), ("permissions", .array([.string("crm_contact_read")])),
                    ("environment", .string("Production")),
                ]))
            #expect(created.status == 200, "\(created.text)")
            #expect(!created.text.contains("tok-secret"))
            let body = try created.json()
            let id = try #require(body.value(atPath: "id")?.stringValue)
            #expect(body.value(atPath: "integration_type")?.stringValue == "sandbox")
            #expect(body.value(atPath: "auth.api_url")?.stringValue == "http://127.0.0.1:9")
            #expect(body.value(atPath: "categories") == .array([.string("crm")]))
            let stored = try #require(try await api.app.store.connection(id: id))
            #expect(stored.token == "tok-secret")
            #expect(stored.apiURL == "http://127.0.0.1:9")

            let other = try await api.send(
                "POST", "/unified/connection",
                json: .object([
                    ("integration_type", .string("sandbox-offset")),
                    ("auth", .object([("api_url", .string("http://127.0.0.1:9"))])),
                    ("categories", .array([.string("ticketing")])),
                ]))
            #expect(other.status == 200, "\(other.text)")
            let otherID = try #require(try other.json().value(atPath: "id")?.stringValue)

            func list(_ query: String) async throws -> [String] {
                let response = try await api.send("GET", "/unified/connection" + query)
                #expect(response.status == 200)
                return try #require(try response.json().arrayValue).compactMap { $0.value(atPath: "id")?.stringValue }
            }
            #expect(try await list("?limit=10.0") == [id, otherID])
            #expect(try await list("?order=desc") == [otherID, id])
            #expect(try await list("?categories=ticketing") == [otherID])
            #expect(try await list("?env=Production&offset=1.0") == [otherID])
            #expect(try await list("?env=Sandbox") == [])

            #expect(try await api.send("GET", "/unified/connection/\(id)").status == 200)
            let patched = try await api.send(
                "PATCH", "/unified/connection/\(id)", json: .object([("is_paused", .bool(true))]))
            #expect(patched.status == 200)
            #expect(try patched.json().value(atPath: "is_paused") == .bool(true))
            #expect(try await api.app.store.connection(id: id)?.token == "tok-secret")
            let put = try await api.send(
                "PUT", "/unified/connection/\(id)",
                json: .object([
                    ("integration_type", .string("sandbox")),
                    ("auth", .object([("api_url", .string("http://127.0.0.1:10"))])),
                ]))
            #expect(put.status == 200, "\(put.text)")
            let replaced = try #require(try await api.app.store.connection(id: id))
            #expect(replaced.apiURL == "http://127.0.0.1:10")
            #expect(replaced.token == nil)
            #expect(!replaced.isPaused)
            #expect(replaced.categories.isEmpty)

            let webhook = try await api.createWebhook(connectionID: id)
            let webhookID = try #require(try webhook.json().value(atPath: "id")?.stringValue)
            let deleted = try await api.send("DELETE", "/unified/connection/\(id)")
            #expect(deleted.status == 200)
            #expect(try await api.send("GET", "/unified/connection/\(id)").status == 404)
            #expect(try await api.send("GET", "/unified/webhook/\(webhookID)").status == 404)
        }
    }
}
