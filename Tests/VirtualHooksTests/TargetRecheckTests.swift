import Foundation
import Pollers
import Sandbox
import Store
import TestSupport
import Testing
import VirtualHooks

/// Targets are held to the destination rule of the running server, not the one they were saved under: re-checked at
/// start-up, checked again at use, and a refused one is an unhealthy connection or webhook with its reason in the API.
@Suite struct TargetRecheckTests {
    @Test func targetsSavedWhilePrivateTargetsWereAllowedAreUnhealthyAfterARestartWithout() async throws {
        try await withSandbox(SandboxConfiguration(seed: 5, contacts: 3, companies: 0, deals: 0)) { sandbox in
            try await withSubscriber { subscriber in
                try await withTemporaryDirectory(prefix: "recheck") { dir in
                    let database = dir.path("vhooks.db")
                    // Saved by a server that allowed private targets: a loopback provider and receiver, and a paused
                    // pair on public addresses (never contacted) that must stay healthy.
                    let store = try Store(path: database, logger: .test("store"))
                    for (id, apiURL, paused) in [
                        ("conn_private", sandbox.baseURL, false), ("conn_public", "https://203.0.114.10", true),
                    ] {
                        try await store.saveConnection(
                            Connection(id: id, integrationType: "sandbox", apiURL: apiURL, isPaused: paused))
                    }
                    for (id, connectionID, hookURL, paused) in [
                        ("wh_private", "conn_private", subscriber.hookURL(), false),
                        ("wh_public", "conn_public", "https://203.0.114.11/hook", true),
                    ] {
                        try await store.saveWebhook(
                            Webhook(
                                id: id, connectionID: connectionID, objectType: "crm_contact", event: .updated,
                                hookURL: hookURL, interval: 1, includeAll: true, isPaused: paused,
                                secret: RandomID.webhookSecret()))
                    }
                    await store.close()

                    try await withAPI(allowPrivateTargets: false, database: database) { api in
                        let connection = try await api.send("GET", "/unified/connection/conn_private").json()
                        #expect(connection.value(atPath: "is_healthy") == .bool(false), "\(connection)")
                        let connectionReason = connection.value(atPath: "unhealthy_reason")?.stringValue ?? ""
                        #expect(
                            connectionReason.contains("auth.api_url") && connectionReason.contains("127.0.0.0/8"),
                            "\(connection)")
                        let webhook = try await api.send("GET", "/unified/webhook/wh_private").json()
                        #expect(webhook.value(atPath: "is_healthy") == .bool(false), "\(webhook)")
                        let webhookReason = webhook.value(atPath: "unhealthy_reason")?.stringValue ?? ""
                        #expect(
                            webhookReason.contains("hook_url") && webhookReason.contains("127.0.0.0/8"), "\(webhook)")

                        let publicConnection = try await api.send("GET", "/unified/connection/conn_public").json()
                        #expect(publicConnection.value(atPath: "is_healthy") == .bool(true), "\(publicConnection)")
                        #expect(publicConnection.value(atPath: "unhealthy_reason") == nil)
                        let publicWebhook = try await api.send("GET", "/unified/webhook/wh_public").json()
                        #expect(publicWebhook.value(atPath: "is_healthy") == .bool(true), "\(publicWebhook)")

                        // A first poll would be due now: give it the time it would take, then see nothing was sent.
                        try await Task.sleep(for: .milliseconds(500))
                        #expect(sandbox.provider.stats().listRequests(.contacts) == 0)
                        #expect(subscriber.subscriber.received().isEmpty)
                    }
                }
            }
        }
    }

    @Test func aProviderThatIsRefusedAtPollTimeShowsWhyInTheAPI() async throws {
        try await withSandbox(SandboxConfiguration(seed: 5, contacts: 3, companies: 0, deals: 0)) { sandbox in
            try await withAPI(allowPrivateTargets: false) { api in
                // Written behind the API's back (another process, an older version): a name for this machine.
                let store = api.app.store
                try await store.saveConnection(
                    Connection(
                        id: "conn_local", integrationType: "sandbox", apiURL: "http://localhost:\(sandbox.port)"))
                try await store.saveWebhook(
                    Webhook(
                        id: "wh_local", connectionID: "conn_local", objectType: "crm_contact", event: .updated,
                        hookURL: "https://203.0.114.11/hook", interval: 1, isPaused: true,
                        secret: RandomID.webhookSecret()))
                var shown = JSONValue.null
                try await waitUntil("the connection is shown unhealthy", timeout: .seconds(30)) {
                    shown = try await api.send("GET", "/unified/connection/conn_local").json()
                    return shown.value(atPath: "is_healthy") == .bool(false)
                }
                let reason = shown.value(atPath: "unhealthy_reason")?.stringValue ?? ""
                #expect(reason.contains("localhost") && reason.contains("--allow-private-targets"), "\(shown)")
                #expect(sandbox.provider.stats().listRequests(.contacts) == 0)

                // A new api_url is how the operator fixes it: healthy again, and the reason is gone (paused, so the
                // public address is never contacted).
                let fixed = try await api.send(
                    "PATCH", "/unified/connection/conn_local",
                    json: .object([
                        ("auth", .object([("api_url", .string("https://203.0.114.12"))])), ("is_paused", .bool(true)),
                    ]))
                #expect(fixed.status == 200, "\(fixed.text)")
                #expect(try fixed.json().value(atPath: "is_healthy") == .bool(true), "\(fixed.text)")
                #expect(try fixed.json().value(atPath: "unhealthy_reason") == nil, "\(fixed.text)")
            }
        }
    }
}
