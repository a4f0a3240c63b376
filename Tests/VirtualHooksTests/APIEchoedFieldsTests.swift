import Foundation
import Pollers
import Sandbox
import Store
import TestSupport
import Testing
import VirtualHooks

/// Unified fields that have no effect here are still stored and echoed (a client reading back what it wrote sees it),
/// the `external_xref` filter finds connections, and a payload's `webhook` member is the API's webhook object.
@Suite struct APIEchoedFieldsTests {
    @Test func connectionFieldsAreStoredEchoedAndFilteredByExternalXref() async throws {
        try await withAPI { api in
            let body: [(String, JSONValue)] = [
                ("integration_type", .string("sandbox")), ("external_xref", .string("customer-42")),
                ("integration_name", .string("Sandbox CRM")), ("environment", .string("Sandbox")),
                ("auth", .object([
                    ("api_url", .string("http://127.0.0.1:9")), ("token", .string("sk_secret")),
                    ("name", .string("Ada Lovelace")), ("emails", .array([.string("ada@example.com")])),
                ])),
            ]
            let created = try await api.send("POST", "/unified/connection", json: .object(body))
            #expect(created.status == 200, "\(created.text)")
            let id = try #require(try created.json()["id"]?.stringValue)
            let other = try await api.createConnection()

            let fetched = try await api.send("GET", "/unified/connection/\(id)").json()
            for json in [try created.json(), fetched] {
                #expect(json["external_xref"]?.stringValue == "customer-42", "\(json)")
                #expect(json["integration_name"]?.stringValue == "Sandbox CRM", "\(json)")
                #expect(json["environment"]?.stringValue == "Sandbox", "\(json)")
                #expect(json.value(atPath: "auth.name")?.stringValue == "Ada Lovelace", "\(json)")
                #expect(json.value(atPath: "auth.emails")?.arrayValue == [.string("ada@example.com")], "\(json)")
                #expect(json.value(atPath: "auth.token") == nil, "credentials are never echoed: \(json)")
            }
            let stored = try #require(try await api.app.store.connection(id: id))
            #expect(stored.externalXref == "customer-42" && stored.authEmails == ["ada@example.com"])

            let byXref = try await api.send("GET", "/unified/connection?external_xref=customer-42").json()
            #expect(byXref.arrayValue?.compactMap { $0["id"]?.stringValue } == [id], "\(byXref)")
            let byEnv = try await api.send("GET", "/unified/connection?env=Production").json()
            #expect(byEnv.arrayValue?.compactMap { $0["id"]?.stringValue } == [other], "\(byEnv)")
            let none = try await api.send("GET", "/unified/connection?external_xref=nobody").json()
            #expect(none.arrayValue?.isEmpty == true, "\(none)")

            // PATCH changes only what it names; inside auth, only its present keys.
            let patched = try await api.send(
                "PATCH", "/unified/connection/\(id)",
                json: .object([("external_xref", .string("customer-43")), ("auth", .object([("name", .string("Ada"))]))]))
            #expect(patched.status == 200, "\(patched.text)")
            let patchedJSON = try patched.json()
            #expect(patchedJSON["external_xref"]?.stringValue == "customer-43")
            #expect(patchedJSON.value(atPath: "auth.name")?.stringValue == "Ada")
            #expect(patchedJSON.value(atPath: "auth.emails")?.arrayValue == [.string("ada@example.com")])
            #expect(patchedJSON["integration_name"]?.stringValue == "Sandbox CRM")

            // A wrong type is a 400 naming the field.
            let bad = try await api.send(
                "PATCH", "/unified/connection/\(id)", json: .object([("auth", .object([("emails", .string("x"))]))]))
            #expect(bad.status == 400 && bad.errorField == "auth.emails", "\(bad.text)")

            // PUT resets what it leaves out; the environment stays what it was created with.
            let replaced = try await api.send(
                "PUT", "/unified/connection/\(id)",
                json: .object([
                    ("integration_type", .string("sandbox")), ("auth", .object([("api_url", .string("http://127.0.0.1:9"))])),
                ]))
            let replacedJSON = try replaced.json()
            #expect(replacedJSON["external_xref"] == nil && replacedJSON.value(atPath: "auth.name") == nil, "\(replacedJSON)")
            #expect(replacedJSON["environment"]?.stringValue == "Sandbox")
        }
    }

    @Test func webhookDatabaseFieldsAreStoredAndEchoedAndDBTypeIsAnEnum() async throws {
        try await withAPI { api in
            let connectionID = try await api.createConnection()
            let db: [(String, JSONValue)] = [
                ("db_type", .string("postgres")), ("db_url", .string("postgres://db.example.com/app")),
                ("db_schema", .string("public")), ("db_name_prefix", .string("vh_")),
            ]
            let created = try await api.createWebhook(connectionID: connectionID, db)
            #expect(created.status == 200, "\(created.text)")
            let id = try #require(try created.json()["id"]?.stringValue)
            let fetched = try await api.send("GET", "/unified/webhook/\(id)").json()
            for (key, value) in db {
                #expect(try created.json()[key] == value, "\(key)")
                #expect(fetched[key] == value, "\(key): \(fetched)")
            }
            let patched = try await api.send(
                "PATCH", "/unified/webhook/\(id)", json: .object([("db_schema", .string("crm"))])).json()
            #expect(patched["db_schema"]?.stringValue == "crm" && patched["db_type"]?.stringValue == "postgres")

            let bad = try await api.createWebhook(connectionID: connectionID, [("db_type", .string("oracle"))])
            #expect(bad.status == 400 && bad.errorField == "db_type", "\(bad.text)")
        }
    }

    /// The `webhook` member of a delivered payload equals `GET /unified/webhook/{id}` without `runs`, and a
    /// provider's lone surrogate (`"\ud800"`) reaches the subscriber as `JSON.stringify` writes it, with `sig` valid.
    @Test func thePayloadsWebhookIsTheGETObjectAndALoneSurrogateIsDeliveredAsSent() async throws {
        try await withSandbox(SandboxConfiguration(seed: 3, contacts: 5, companies: 0, deals: 0)) { sandbox in
            let stored = try await TestHTTP.send(
                "POST", sandbox.url("/sandbox/records/contacts"), headers: ["content-type": "application/json"],
                body: Array(#"{"id":"lone","name":"\ud800 and \udc00","emails":[]}"#.utf8))
            #expect(stored.status == 200, "\(stored.text)")
            try await withSubscriber(SubscriberConfiguration(workspaceSecret: "api-test-secret")) { subscriber in
                var polling = PollerConfiguration()
                polling.minimumInterval = .milliseconds(50)
                try await withAPI(polling: polling) { api in
                    let receiver = subscriber.subscriber
                    let connectionID = try await api.createConnection(apiURL: sandbox.baseURL)
                    _ = try await api.createWebhook(
                        connectionID: connectionID, hookURL: subscriber.hookURL("/first"), includeAll: true)
                    try await waitUntil("the first initial sync", timeout: .seconds(30)) {
                        receiver.received().contains { $0.path == "/first" && $0.type == "INITIAL-COMPLETE" }
                    }
                    // Created on a synced stream: its initial sync comes from the store, and nothing polls again
                    // within the hour, so its stored state (checked_at too) stays what the payloads carry.
                    let late = try await api.createWebhook(
                        connectionID: connectionID, hookURL: subscriber.hookURL("/late"), includeAll: true,
                        [("db_type", .string("mysql")), ("db_url", .string("mysql://h/db")), ("fields", .string("id,name"))])
                    #expect(late.status == 200, "\(late.text)")
                    let id = try #require(try late.json()["id"]?.stringValue)
                    try await waitUntil("the late initial sync", timeout: .seconds(30)) {
                        receiver.received().contains { $0.path == "/late" && $0.type == "INITIAL-COMPLETE" }
                    }
                    guard case var .object(members) = try await api.send("GET", "/unified/webhook/\(id)").json() else {
                        Issue.record("GET did not return an object")
                        return
                    }
                    members.removeAll { $0.0 == "runs" }
                    let expected = JSONValue.object(members)
                    let payloads = receiver.received().filter { $0.path == "/late" }
                    #expect(!payloads.isEmpty)
                    var sawLone = false
                    for payload in payloads {
                        let body = try #require(payload.body)
                        let parsed = try JSONParser.parse(body)
                        #expect(parsed["webhook"] == expected, "payload: \(String(describing: parsed["webhook"]))\nGET: \(expected)")
                        #expect(payload.sig == .valid, "\(payload.sig)")
                        let text = String(decoding: body, as: UTF8.self)
                        if text.contains(#"{"id":"lone","name":"\ud800 and \udc00"}"#) { sawLone = true }
                    }
                    #expect(sawLone, "the lone surrogates were not delivered as \\ud800 and \\udc00")
                }
            }
        }
    }
}
