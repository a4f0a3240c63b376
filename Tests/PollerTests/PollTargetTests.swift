import CurlHTTP
import Foundation
import Pollers
import Sandbox
import Store
import TestSupport
import Testing

/// The destination rule on the poll path (delivery.md §12): every provider request goes to a checked, pinned
/// address of the connection's `api_url`, and next links are followed only on that origin.
@Suite struct PollTargetTests {
    /// Loopback spellings of the sandbox's address: a name that resolves to 127.0.0.1, its forms, and literals.
    static func loopbackForms(port: Int) -> [String] {
        [
            "http://127.0.0.1:\(port)", "http://localhost:\(port)", "http://LOCALHOST..:\(port)",
            "http://127.1:\(port)", "http://2130706433:\(port)", "http://[::ffff:127.0.0.1]:\(port)",
        ]
    }

    @Test func aLoopbackProviderIsNotPolledWithoutPrivateTargets() async throws {
        try await withPollerHarness(sandbox: SandboxConfiguration(seed: 3, contacts: 5, companies: 0, deals: 0)) { h in
            var strict = h.configuration
            strict.allowPrivateTargets = false
            for apiURL in Self.loopbackForms(port: h.sandbox.port) {
                let connection = Connection(id: "conn_private", integrationType: "sandbox", apiURL: apiURL)
                let poller = try StreamPoller(
                    connection: connection, objectType: "crm_contact", catalog: h.catalog, store: h.store,
                    client: h.client, configuration: strict, sleeper: h.sleeper, logger: .test("poller"))
                do {
                    let run = try await poller.run()
                    Issue.record("\(apiURL) was polled: \(run)")
                } catch let error as PollError {
                    #expect(error.kind == .refusedTarget, "\(apiURL): \(error)")
                    #expect(error.message.contains(apiURL), "\(error.message)")
                }
            }
            #expect(h.provider.stats().listRequests(.contacts) == 0)
            // The same provider with the setting: polled, and every request pinned to the checked address.
            let recording = RequestLog(h.client)
            let run = try await h.poller(client: recording).run()
            #expect(run.records == 5)
            #expect(recording.requests.map(\.pinnedAddress) == ["127.0.0.1"])
        }
    }

    @Test func aRefusedProviderMakesItsConnectionUnhealthyWithTheReason() async throws {
        try await withPollerHarness(sandbox: SandboxConfiguration(seed: 3, contacts: 2, companies: 0, deals: 0)) { h in
            var strict = h.configuration
            strict.allowPrivateTargets = false
            let connection = Connection(
                id: "conn_local", integrationType: "sandbox", apiURL: "http://localhost:\(h.sandbox.port)")
            try await h.store.saveConnection(connection)
            try await h.store.saveWebhook(
                Webhook(
                    id: "wh_local", connectionID: connection.id, objectType: "crm_contact", event: .updated,
                    hookURL: "http://127.0.0.1:9/x", interval: 60, secret: RandomID.webhookSecret()))
            let service = PollerService(
                store: h.store, client: h.client, catalog: h.catalog, configuration: strict, logger: .test("pollers"))
            let store = h.store
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await service.run() }
                try await waitUntil("the connection turns unhealthy", timeout: .seconds(30)) {
                    try await store.connection(id: connection.id)?.isHealthy == false
                }
                group.cancelAll()
            }
            let stored = try #require(try await h.store.connection(id: connection.id))
            let reason = try #require(stored.unhealthyReason, "no reason stored: \(stored)")
            #expect(reason.contains("localhost") && reason.contains("--allow-private-targets"), "\(reason)")
            #expect(h.provider.stats().listRequests(.contacts) == 0)
        }
    }

    @Test func aNextLinkToAnotherOriginFailsTheRunAndReceivesNothing() async throws {
        try await withScriptedJSONServer(answer: { _ in #"{"items": []}"# }) { foreign, foreignPort in
            // The provider's own host and port under another name is another origin too.
            for link in ["http://127.0.0.1:\(foreignPort)/items?page=2", "http://localhost:{port}/items?page=2"] {
                try await withLinkedProvider(next: link) { provider, port, poll in
                    let next = link.replacingOccurrences(of: "{port}", with: String(port))
                    do {
                        let run = try await poll()
                        Issue.record("the run followed \(next): \(run)")
                    } catch let error as PollError {
                        #expect(error.kind == .foreignLink, "\(error)")
                        #expect(error.message.contains(next), "\(error.message)")
                    }
                    #expect(provider.received.map(\.authorization) == ["Bearer provider-secret"])
                }
            }
            #expect(foreign.received.isEmpty, "the other origin received \(foreign.received)")
        }
    }

    @Test func aNextLinkOnTheSameOriginIsFollowed() async throws {
        for link in ["http://127.0.0.1:{port}/items?page=2", "HTTP://127.0.0.1.:{port}/items?page=2", "/items?page=2"] {
            try await withLinkedProvider(next: link) { provider, _, poll in
                let run = try await poll()
                #expect(run.pages == 2, "\(link): \(run)")
                #expect(provider.received.map(\.target) == ["/items?limit=100", "/items?page=2"], "\(link)")
                #expect(provider.received.allSatisfy { $0.authorization == "Bearer provider-secret" })
            }
        }
    }
}

/// Runs `body` with a provider whose first page links to `next` (`{port}` = the provider's own port) and whose
/// second page ends the run, and a function polling it once as a `next_url` connector with a credential.
private func withLinkedProvider(
    next: String,
    _ body: (ScriptedJSONServer, Int, () async throws -> PollRun) async throws -> Void
) async throws {
    let portBox = PortBox()
    try await withScriptedJSONServer(answer: { target in
        let link = next.replacingOccurrences(of: "{port}", with: String(portBox.port))
        return target.contains("page=2")
            ? #"{"items": [{"id": "b", "updated_at": "2024-01-02T00:00:00.000Z"}], "next": null}"#
            : #"{"items": [{"id": "a", "updated_at": "2024-01-01T00:00:00.000Z"}], "next": "\#(link)"}"#
    }) { provider, port in
        portBox.port = port
        try await withTemporaryDirectory { directory in
            let store = try Store(path: directory.path("vhooks.db"), logger: .test("store"))
            let client = CurlHTTPClient(logger: .test("curl"))
            defer { _ = client }
            let connection = Connection(
                id: "conn_linked", integrationType: "linked", apiURL: "http://127.0.0.1:\(port)",
                token: "provider-secret")
            var configuration = PollerConfiguration()
            configuration.allowPrivateTargets = true  // the provider is on loopback
            configuration.transientBaseDelay = .milliseconds(1)
            do {
                let poller = try StreamPoller(
                    connection: connection, objectType: "crm_contact", catalog: linkedCatalog, store: store,
                    client: client, configuration: configuration, logger: .test("poller"))
                try await body(provider, port, { try await poller.run() })
            } catch {
                await client.shutdown()
                await store.close()
                throw error
            }
            await client.shutdown()
            await store.close()
        }
    }
}

/// A connector paging by absolute or relative next links at `next`, sending its credential as a bearer token.
private let linkedCatalog: ConnectorCatalog = {
    let json = #"""
        {
          "name": "linked",
          "auth": {"header": "Authorization", "format": "Bearer {token}"},
          "objects": {
            "crm_contact": {
              "path": "/items",
              "max_page_size": 100,
              "pagination": {"style": "next_url", "url_path": "next"},
              "records_path": "items"
            }
          }
        }
        """#
    do {
        return ConnectorCatalog(specs: ["linked": try JSONDecoder().decode(ConnectorSpec.self, from: Data(json.utf8))])
    } catch {
        preconditionFailure("the test connector does not decode: \(error)")
    }
}()

/// The provider's port, known once it listens, for the answers it gives.
private final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    var port: Int {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

/// Passes requests to a real client and records them.
private final class RequestLog: HTTPClient, @unchecked Sendable {
    private let inner: any HTTPClient
    private let lock = NSLock()
    private var log: [HTTPRequest] = []

    init(_ inner: any HTTPClient) {
        self.inner = inner
    }

    var requests: [HTTPRequest] { lock.withLock { log } }

    func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { log.append(request) }
        return try await inner.execute(request)
    }
}
