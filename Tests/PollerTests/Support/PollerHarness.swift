import CurlHTTP
import Foundation
import Logging
import NIOConcurrencyHelpers
import Pollers
import Sandbox
import Store
import TestSupport

/// A store on a temporary file, a real libcurl client and a connection to a running sandbox: what every poller
/// test needs to run real polls over loopback.
struct PollerHarness {
    let sandbox: RunningSandbox
    let store: Store
    let client: CurlHTTPClient
    let connection: Connection
    let catalog = ConnectorCatalog.builtin()
    var configuration: PollerConfiguration
    let sleeper = RecordingSleeper()

    var provider: SandboxProvider { sandbox.provider }

    func poller(_ objectType: String = "crm_contact", client: (any HTTPClient)? = nil) throws -> StreamPoller {
        try StreamPoller(
            connection: connection, objectType: objectType, catalog: catalog, store: store,
            client: client ?? self.client, configuration: configuration, sleeper: sleeper, logger: .test("poller"))
    }

    var stream: StreamKey { StreamKey(connectionID: connection.id, objectType: "crm_contact") }

    /// Every event of the contact stream, in log order.
    func events(includeBackfill: Bool = true) async throws -> [ChangeEvent] {
        try await store.events(
            stream, afterSeq: 0, kinds: Set(EventKind.allCases), includeBackfill: includeBackfill, limit: 1_000_000)
    }
}

/// Runs `body` with a sandbox, a store and a client; `integration` picks the pagination style
/// (`sandbox` = opaque keyset cursor, `sandbox-offset` = offset).
func withPollerHarness<Result>(
    sandbox configuration: SandboxConfiguration = SandboxConfiguration(contacts: 0, companies: 0, deals: 0),
    integration: String = "sandbox",
    pageSize: Int = 10,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (PollerHarness) async throws -> Result
) async throws -> Result {
    try await withTemporaryDirectory { directory in
        try await withSandbox(configuration) { sandbox in
            let store = try Store(path: directory.path("vhooks.db"), logger: .test("store"))
            let client = CurlHTTPClient(logger: .test("curl"))
            let connection = Connection(id: "conn_test", integrationType: integration, apiURL: sandbox.baseURL)
            try await store.saveConnection(connection)
            var pollerConfiguration = PollerConfiguration()
            pollerConfiguration.pageSize = pageSize
            pollerConfiguration.transientBaseDelay = .milliseconds(1)
            pollerConfiguration.throttleBaseDelay = .milliseconds(1)
            pollerConfiguration.minimumInterval = .milliseconds(100)
            pollerConfiguration.allowPrivateTargets = true  // the sandbox is on loopback
            let harness = PollerHarness(
                sandbox: sandbox, store: store, client: client, connection: connection,
                configuration: pollerConfiguration)
            do {
                let result = try await body(harness)
                await client.shutdown()
                await store.close()
                return result
            } catch {
                await client.shutdown()
                await store.close()
                throw error
            }
        }
    }
}

/// A sleeper that records what it was asked to wait and returns at once, so backoff decisions are checked without
/// real waiting.
final class RecordingSleeper: Sleeper {
    private let delays = NIOLockedValueBox<[Duration]>([])

    var recorded: [Duration] { delays.withLockedValue { $0 } }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        delays.withLockedValue { $0.append(duration) }
    }
}

/// A real HTTP client with a hook run after each response, to change the provider between two pages of a run.
final class HookedClient: HTTPClient {
    private let inner: any HTTPClient
    private let count = NIOLockedValueBox(0)
    private let hook: @Sendable (Int) async -> Void

    init(_ inner: any HTTPClient, afterResponse hook: @escaping @Sendable (Int) async -> Void) {
        self.inner = inner
        self.hook = hook
    }

    func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        let response = try await inner.execute(request)
        let n = count.withLockedValue {
            $0 += 1
            return $0
        }
        await hook(n)
        return response
    }
}

/// A contact record with an explicit `updated_at`.
func contact(_ id: String, updatedAt: Timestamp, name: String = "Ada") -> JSONValue {
    .object([
        ("id", .string(id)), ("name", .string(name)), ("created_at", .string(updatedAt.iso8601)),
        ("updated_at", .string(updatedAt.iso8601)),
    ])
}
