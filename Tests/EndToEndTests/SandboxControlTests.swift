import Foundation
import Sandbox
import Store
import TestSupport
import Testing

/// The sandbox provider's switchable behaviour: faults, late-visible writes, mutations and counters.
@Suite struct SandboxControlTests {
    static let small = SandboxConfiguration(seed: 11, contacts: 30, companies: 5, deals: 5)

    @Test func rateLimitFaultsCarryRetryAfterAsGiven() async throws {
        try await withSandbox(Self.small) { sandbox in
            let fault = JSONValue.object([("object", .string("contacts")), ("kind", .string("429")),
                                          ("count", .number(1)), ("retry_after", .string("2"))])
            #expect(try await TestHTTP.post(sandbox.url("/sandbox/faults"), json: fault).status == 200)
            let httpDate = "Wed, 21 Oct 2015 07:28:00 GMT"
            sandbox.provider.injectFault(SandboxFault(.rateLimited(retryAfter: httpDate), object: .contacts))

            // Another object is not affected.
            #expect(try await TestHTTP.get(sandbox.url("/crm/deals")).status == 200)
            let first = try await TestHTTP.get(sandbox.url("/crm/contacts"))
            #expect(first.status == 429)
            #expect(first.header("retry-after") == "2")
            let second = try await TestHTTP.get(sandbox.url("/crm/contacts"))
            #expect(second.status == 429)
            #expect(second.header("retry-after") == httpDate)
            #expect(try await TestHTTP.get(sandbox.url("/crm/contacts")).status == 200)
            #expect(sandbox.provider.stats().faultsServed == 2)
        }
    }

    @Test func serverErrorsThenRecovery() async throws {
        try await withSandbox(Self.small) { sandbox in
            sandbox.provider.injectFault(SandboxFault(.status(500), count: 2))
            #expect(try await TestHTTP.get(sandbox.url("/crm/contacts")).status == 500)
            #expect(try await TestHTTP.get(sandbox.url("/crm/companies")).status == 500)
            let ok = try await TestHTTP.get(sandbox.url("/crm/contacts"))
            #expect(ok.status == 200)
            #expect(try ok.json()["total"] == .number(30))

            sandbox.provider.injectFault(SandboxFault(.status(503), count: 5))
            #expect(sandbox.provider.pendingFaults().first?.count == 5)
            #expect(try await TestHTTP.delete(sandbox.url("/sandbox/faults")).status == 200)
            #expect(sandbox.provider.pendingFaults().isEmpty)
            #expect(try await TestHTTP.get(sandbox.url("/crm/contacts")).status == 200)
        }
    }

    @Test func slowFaultDelaysTheAnswer() async throws {
        try await withSandbox(Self.small) { sandbox in
            let fault = JSONValue.object([("kind", .string("slow")), ("delay_ms", .number(400))])
            #expect(try await TestHTTP.post(sandbox.url("/sandbox/faults"), json: fault).status == 200)
            let clock = ContinuousClock()
            let start = clock.now
            let slow = try await TestHTTP.get(sandbox.url("/crm/contacts?limit=3"))
            #expect(clock.now - start >= .milliseconds(400))
            #expect(slow.status == 200)
            #expect(try slow.json()["results"]?.arrayValue?.count == 3)
        }
    }

    @Test func malformedFaultServesInvalidJSONWithStatus200() async throws {
        try await withSandbox(Self.small) { sandbox in
            sandbox.provider.injectFault(SandboxFault(.malformed, object: .contacts))
            let broken = try await TestHTTP.get(sandbox.url("/crm/contacts"))
            #expect(broken.status == 200)
            #expect(broken.header("content-type") == "application/json")
            #expect(throws: JSONParseError.self) { try JSONParser.parse(broken.body) }

            sandbox.provider.injectFault(SandboxFault(.html, object: .contacts))
            let html = try await TestHTTP.get(sandbox.url("/crm/contacts"))
            #expect(html.status == 200)
            #expect(html.header("content-type")?.hasPrefix("text/html") == true)

            let healthy = try await TestHTTP.get(sandbox.url("/crm/contacts")).body
            #expect(throws: Never.self) { try JSONParser.parse(healthy) }
        }
    }

    @Test func lateWriteAppearsAfterRequestsWithItsOldTimestamp() async throws {
        try await withSandbox(Self.small) { sandbox in
            let record = JSONValue.object([
                ("id", .string("c_late")), ("name", .string("Late Commit")),
                ("updated_at", .string("2025-12-31T23:59:59.000Z")),
            ])
            let body = JSONValue.object([("object", .string("contacts")), ("record", record),
                                         ("visible_after_requests", .number(2))])
            #expect(try await TestHTTP.post(sandbox.url("/sandbox/late-write"), json: body).status == 200)
            #expect(sandbox.provider.stats().pendingLateWrites == 1)

            func ids() async throws -> [String] {
                let page = try await TestHTTP.get(sandbox.url("/crm/contacts?limit=1000")).json()
                return page["results"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            }
            #expect(try await !ids().contains("c_late"))
            #expect(try await !ids().contains("c_late"))
            let visible = try await ids()
            #expect(visible.first == "c_late")  // its old timestamp sorts it first
            #expect(sandbox.provider.record(id: "c_late", in: .contacts)?["updated_at"] == .string("2025-12-31T23:59:59.000Z"))

            // Held writes wait for an explicit reveal.
            try sandbox.provider.lateWrite(
                .object([("id", .string("c_held")), ("updated_at", .string("2026-01-01T00:00:00.500Z"))]),
                into: .contacts, visibility: .whenRevealed)
            #expect(try await !ids().contains("c_held"))
            let reveal = try await TestHTTP.post(sandbox.url("/sandbox/late-write/reveal"), json: .object([]))
            #expect(try reveal.json()["revealed"] == .number(1))
            #expect(try await ids().contains("c_held"))
        }
    }

    @Test func statsCountListRequestsPerObjectAndReset() async throws {
        try await withSandbox(Self.small) { sandbox in
            for _ in 0..<3 { _ = try await TestHTTP.get(sandbox.url("/crm/contacts")) }
            _ = try await TestHTTP.get(sandbox.url("/crm/deals"))
            let stats = try await TestHTTP.get(sandbox.url("/sandbox/stats")).json()
            #expect(stats["list_requests"]?["contacts"] == .number(3))
            #expect(stats["list_requests"]?["deals"] == .number(1))
            #expect(stats["list_requests"]?["companies"] == .number(0))
            #expect(stats["faults_served"] == .number(0))
            #expect(sandbox.provider.stats().listRequests(.contacts) == 3)

            #expect(try await TestHTTP.post(sandbox.url("/sandbox/reset-stats"), json: .object([])).status == 200)
            #expect(sandbox.provider.stats().listRequests(.contacts) == 0)
            #expect(sandbox.provider.stats().records[.contacts] == 30)
        }
    }

    @Test func mutationsMoveRecordsToNowAndCreateNewOnes() async throws {
        let clock = ManualClock(Timestamp(milliseconds: 1_790_000_000_123))
        var configuration = Self.small
        configuration.clock = clock.function
        try await withSandbox(configuration) { sandbox in
            let before = sandbox.provider.records(.contacts)
            let body = JSONValue.object([("object", .string("contacts")), ("updates", .number(3)), ("creates", .number(2))])
            let response = try await TestHTTP.post(sandbox.url("/sandbox/mutate"), json: body).json()
            let updated = try #require(response["updated"]?.arrayValue)
            let created = try #require(response["created"]?.arrayValue)
            #expect(updated.count == 3)
            #expect(created.count == 2)
            let stamp = JSONValue.string(Timestamp(milliseconds: 1_790_000_000_123).iso8601)
            #expect((updated + created).allSatisfy { $0["updated_at"] == stamp })
            #expect(created.allSatisfy { $0["created_at"] == stamp })
            #expect(created.compactMap { $0["id"]?.stringValue } == ["c_000031", "c_000032"])
            for record in updated {
                let old = try #require(before.first { $0["id"] == record["id"] })
                #expect(old["title"] != record["title"])  // a business field changed, not only the time
            }

            // Changed records are now the tail of the List order.
            let after = sandbox.provider.records(.contacts)
            #expect(after.count == 32)
            #expect(Set(after.suffix(5).compactMap { $0["id"]?.stringValue }) ==
                    Set((updated + created).compactMap { $0["id"]?.stringValue }))
            let gte = try await TestHTTP.get(sandbox.url("/crm/contacts?updated_gte=2026-06-01T00:00:00Z")).json()
            #expect(gte["total"] == .number(5))

            clock.advance(by: .milliseconds(59_877))
            let inProcess = sandbox.provider.mutate(.deals, updates: 1)
            #expect(inProcess.updated.first?["updated_at"] == .string(Timestamp(milliseconds: 1_790_000_060_000).iso8601))
        }
    }

    @Test func upsertAndDeleteRecordsVerbatim() async throws {
        try await withSandbox(Self.small) { sandbox in
            let record = JSONValue.object([
                ("updated_at", .string("2026-02-02T02:02:02.222Z")), ("id", .string("co_custom")),
                ("website", .string("https://example.com/a/b")), ("name", .string("Ærø/Ünïcode")),
            ])
            #expect(try await TestHTTP.post(sandbox.url("/sandbox/records/companies"), json: record).status == 200)
            let served = try await TestHTTP.get(sandbox.url("/crm/companies/co_custom"))
            #expect(served.body == JSWriter.serialize(record))  // key order and text exactly as given

            #expect(try await TestHTTP.delete(sandbox.url("/sandbox/records/companies/co_custom")).status == 204)
            #expect(try await TestHTTP.get(sandbox.url("/crm/companies/co_custom")).status == 404)
            #expect(try await TestHTTP.post(sandbox.url("/sandbox/records/companies"), json: .object([("name", .string("no id"))])).status == 400)
            let badTime = JSONValue.object([("id", .string("x")), ("updated_at", .string("soon"))])
            #expect(throws: SandboxRecordError.self) { try sandbox.provider.upsert(badTime, into: .companies) }
        }
    }

    @Test func stopsPromptlyWithIdleKeepAliveConnections() async throws {
        let provider = SandboxProvider(configuration: Self.small, port: 0, logger: .test())
        let clock = ContinuousClock()
        var stoppedAfter: Duration = .zero
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await provider.run() }
            let port = try await provider.waitUntilRunning()
            #expect(try await TestHTTP.get("http://127.0.0.1:\(port)/crm/contacts").status == 200)
            let start = clock.now
            provider.shutdown()
            try await group.waitForAll()
            stoppedAfter = clock.now - start
        }
        // Normally milliseconds; a server that waited for the idle keep-alive connection would hang until the client's
        // idle timeout (minutes). The cap is far from both, so a busy machine cannot make it fail.
        #expect(stoppedAfter < .seconds(30), "the provider took \(stoppedAfter) to stop")
        #expect(provider.port == nil)
        await #expect(throws: ServerRunError.self) { _ = try await provider.waitUntilRunning() }
        await #expect(throws: ServerRunError.self) { try await provider.run() }
    }
}
