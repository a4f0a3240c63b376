import Foundation
import Store
import TestSupport
import Testing
import VirtualHooks

/// The webhook routes over real HTTP: every happy path, the SDK's float numbers, list filters and paging.
@Suite struct APIWebhookTests {
    @Test func createGetPutPatchDeleteRoundTrip() async throws {
        try await withAPI { api in
            let connectionID = try await api.createConnection()
            let created = try await api.createWebhook(
                connectionID: connectionID, includeAll: true,
                [("interval", .number(60.0)), ("page_max_limit", .number(100.0)), ("fields", .string("id,name")),
                 ("filters", .object([("company_id", .string("123"))])), ("webhook_type", .string("virtual"))])
            #expect(created.status == 200, "\(created.text)")
            let body = try created.json()
            let id = try #require(body.value(atPath: "id")?.stringValue)
            #expect(id.count == 24)
            #expect(body.value(atPath: "connection_id")?.stringValue == connectionID)
            #expect(body.value(atPath: "integration_type")?.stringValue == "sandbox")
            #expect(body.value(atPath: "environment")?.stringValue == "Production")
            #expect(body.value(atPath: "interval")?.numberValue == 60)
            #expect(body.value(atPath: "filters.company_id")?.stringValue == "123")
            #expect(body.value(atPath: "runs")?.arrayValue != nil)
            #expect(body.value(atPath: "is_healthy") == .bool(true))
            #expect(body.value(atPath: "secret") == nil)
            #expect(!created.text.contains("whsec_"))
            #expect(try await api.app.store.webhook(id: id)?.includeAll == true)

            let fetched = try await api.send("GET", "/unified/webhook/\(id)")
            #expect(fetched.status == 200)
            #expect(try fetched.json().value(atPath: "id")?.stringValue == id)

            // PATCH as the SDK sends it: the required fields, a changed one, and environment (ignored).
            let patched = try await api.send(
                "PATCH", "/unified/webhook/\(id)",
                json: .object([
                    ("connection_id", .string(connectionID)), ("event", .string("updated")),
                    ("object_type", .string("crm_contact")), ("environment", .string("Sandbox")),
                    ("interval", .number(120.0)), ("webhook_type", .string("native")),
                ]))
            #expect(patched.status == 200, "\(patched.text)")
            let patchedBody = try patched.json()
            #expect(patchedBody.value(atPath: "interval")?.numberValue == 120)
            #expect(patchedBody.value(atPath: "fields")?.stringValue == "id,name")
            #expect(patchedBody.value(atPath: "environment")?.stringValue == "Production")
            #expect(patchedBody.value(atPath: "webhook_type")?.stringValue == "virtual")

            // PUT replaces: absent optional fields return to their defaults.
            let put = try await api.send(
                "PUT", "/unified/webhook/\(id)",
                json: .object([
                    ("connection_id", .string(connectionID)), ("event", .string("updated")),
                    ("object_type", .string("crm_contact")), ("hook_url", .string("http://127.0.0.1:9/other")),
                    ("is_paused", .bool(true)), ("page_max_limit", .number(50.0)),
                ]))
            #expect(put.status == 200, "\(put.text)")
            let putBody = try put.json()
            #expect(putBody.value(atPath: "hook_url")?.stringValue == "http://127.0.0.1:9/other")
            #expect(putBody.value(atPath: "fields") == nil)
            #expect(putBody.value(atPath: "interval")?.numberValue == 60)
            #expect(putBody.value(atPath: "page_max_limit")?.numberValue == 50)
            #expect(putBody.value(atPath: "is_paused") == .bool(true))
            #expect(putBody.value(atPath: "filters") == .object([]))

            let deleted = try await api.send("DELETE", "/unified/webhook/\(id)")
            #expect(deleted.status == 200)
            #expect(deleted.body.isEmpty)
            #expect(try await api.send("GET", "/unified/webhook/\(id)").status == 404)
            #expect(try await api.send("DELETE", "/unified/webhook/\(id)").status == 404)
        }
    }

    @Test func listFiltersSortsAndPages() async throws {
        try await withAPI { api in
            let first = try await api.createConnection()
            let second = try await api.createConnection()
            var ids: [String] = []
            for (index, connection) in [first, first, second].enumerated() {
                let response = try await api.createWebhook(
                    connectionID: connection, hookURL: "http://127.0.0.1:9/hook\(index)",
                    [("object_type", .string(index == 2 ? "crm_company" : "crm_contact"))])
                #expect(response.status == 200, "\(response.text)")
                ids.append(try #require(try response.json().value(atPath: "id")?.stringValue))
                try await Task.sleep(for: .milliseconds(5))
            }
            func list(_ query: String) async throws -> [String] {
                let response = try await api.send("GET", "/unified/webhook" + query)
                #expect(response.status == 200, "\(response.text)")
                return try #require(try response.json().arrayValue).compactMap { $0.value(atPath: "id")?.stringValue }
            }
            #expect(try await list("") == ids)
            #expect(try await list("?limit=100.0&offset=0.0") == ids)
            #expect(try await list("?order=desc&sort=created_at") == ids.reversed())
            #expect(try await list("?limit=1.0&offset=1.0") == [ids[1]])
            #expect(try await list("?offset=5") == [])
            #expect(try await list("?connection_id=\(first)") == Array(ids.prefix(2)))
            #expect(try await list("?object=crm_company") == [ids[2]])
            #expect(try await list("?integration_type=sandbox&env=Production&is_healthy=true").count == 3)
            #expect(try await list("?integration_type=hubspot") == [])
            #expect(try await list("?is_healthy=false") == [])
            #expect(try await list("?env=Sandbox") == [])
            #expect(try await list("?created_lte=2000-01-01T00%3A00%3A00Z") == [])
            #expect(try await list("?updated_gte=2000-01-01T00%3A00%3A00Z") == ids)
            #expect(try await list("?sort=name") == ids.sorted())
            #expect(try await list("?sort=updated_at&order=desc") == ids.reversed())
        }
    }
}
