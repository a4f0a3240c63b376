@testable import Emitter
import Foundation
@testable import Pollers
import Sandbox
import Store
import TestSupport
import Testing
import VirtualHooks

/// The API drives the running product: include_all backfills, trigger polls now, delete stops deliveries, resume
/// delivers what accumulated while unhealthy.
@Suite struct APIDeliveryTests {
    func polling() -> PollerConfiguration {
        var polling = PollerConfiguration()
        polling.minimumInterval = .milliseconds(50)
        return polling
    }

    @Test func includeAllBackfillsTriggerPollsNowAndDeleteStopsDeliveries() async throws {
        try await withSandbox(SandboxConfiguration(seed: 5, contacts: 30, companies: 0, deals: 0)) { sandbox in
            try await withSubscriber(SubscriberConfiguration(workspaceSecret: "api-test-secret")) { subscriber in
                try await withAPI(polling: polling()) { api in
                    let connectionID = try await api.createConnection(apiURL: sandbox.baseURL)
                    let created = try await api.createWebhook(
                        connectionID: connectionID, hookURL: subscriber.hookURL(), includeAll: true,
                        [("interval", .number(60.0))])
                    #expect(created.status == 200, "\(created.text)")
                    let id = try #require(try created.json().value(atPath: "id")?.stringValue)
                    let receiver = subscriber.subscriber
                    try await waitUntil("the backfill arrives", timeout: .seconds(60)) {
                        receiver.received().contains { $0.type == "INITIAL-COMPLETE" }
                    }
                    #expect(Set(receiver.received().flatMap(\.recordIDs)).count == 30)
                    #expect(receiver.received().allSatisfy { $0.sig == .valid })

                    // The interval is an hour: only the trigger can cause the next poll.
                    try await Task.sleep(for: .milliseconds(300))
                    let before = sandbox.provider.stats().listRequests(.contacts)
                    let mutation = sandbox.provider.mutate(.contacts, updates: 2)
                    let trigger = try await api.send("PATCH", "/unified/webhook/\(id)/trigger")
                    #expect(trigger.status == 200)
                    #expect(trigger.body.isEmpty)
                    try await waitUntil("the trigger polls", timeout: .seconds(60)) {
                        sandbox.provider.stats().listRequests(.contacts) > before
                    }
                    try await waitUntil("the changes arrive", timeout: .seconds(60)) {
                        Set(receiver.received().filter { $0.type == "VIRTUAL" }.flatMap(\.recordIDs))
                            .isSuperset(of: mutation.ids)
                    }
                    let fetched = try await api.send("GET", "/unified/webhook/\(id)")
                    let runs = try #require(try fetched.json().value(atPath: "runs")?.arrayValue)
                    #expect(!runs.isEmpty && runs.count <= 20)
                    #expect(runs.allSatisfy { $0.stringValue?.split(separator: " ").count == 3 })
                    #expect(runs.first?.stringValue?.contains(" 200 ") == true)

                    // Deleted: a later change is polled (trigger by stream is gone, so ask over a second webhook)
                    // but never delivered to the deleted one.
                    // A poll that finds nothing shows as "<time> - 0" in the stream's webhooks' runs.
                    let polls = sandbox.provider.stats().listRequests(.contacts)
                    #expect(try await api.send("PUT", "/unified/webhook/\(id)/trigger").status == 200)
                    try await waitUntil("the empty poll is recorded", timeout: .seconds(60)) {
                        let runs = try await api.send("GET", "/unified/webhook/\(id)").json().value(atPath: "runs")
                        return sandbox.provider.stats().listRequests(.contacts) > polls
                            && runs?.arrayValue?.contains { $0.stringValue?.hasSuffix(" - 0") == true } == true
                    }

                    #expect(try await api.send("DELETE", "/unified/webhook/\(id)").status == 200)
                    let count = receiver.received().count
                    let watcher = try await api.createWebhook(
                        connectionID: connectionID, hookURL: subscriber.hookURL("/other"))
                    let watcherID = try #require(try watcher.json().value(atPath: "id")?.stringValue)
                    // The stream's earlier polls are not the new webhook's runs.
                    let watcherCreated = try #require(try watcher.json().value(atPath: "created_at")?.stringValue)
                    let watcherRuns = try #require(
                        try await api.send("GET", "/unified/webhook/\(watcherID)").json().value(atPath: "runs")?.arrayValue)
                    #expect(watcherRuns.allSatisfy { ($0.stringValue ?? "") >= watcherCreated }, "\(watcherRuns)")
                    let later = sandbox.provider.mutate(.contacts, updates: 1)
                    #expect(try await api.send("PUT", "/unified/webhook/\(watcherID)/trigger").status == 200)
                    try await waitUntil("the watcher gets the change", timeout: .seconds(60)) {
                        receiver.received().contains { $0.path == "/other" && Set($0.recordIDs).isSuperset(of: later.ids) }
                    }
                    #expect(receiver.received().dropFirst(count).allSatisfy { $0.path == "/other" })
                }
            }
        }
    }

    /// A webhook created, changed or deleted over the API takes effect at once, through the store's change feed (no
    /// rescan runs): created, its new stream is polled without waiting its hour-long interval; changed, the next
    /// delivery goes to the new URL and the stream's period follows the new interval; deleted, its stream leaves the
    /// schedule and no deliverer runs for it.
    @Test func aWebhookCreatedChangedOrDeletedOverTheAPIActsAtOnce() async throws {
        try await withSandbox(SandboxConfiguration(seed: 6, contacts: 5, companies: 0, deals: 0)) { sandbox in
            try await withSubscriber(SubscriberConfiguration(workspaceSecret: "api-test-secret")) { subscriber in
                try await withAPI(polling: polling()) { api in
                    let provider = sandbox.provider
                    let connectionID = try await api.createConnection(apiURL: sandbox.baseURL)
                    let created = try await api.createWebhook(
                        connectionID: connectionID, hookURL: subscriber.hookURL("/before"))
                    let id = try #require(try created.json().value(atPath: "id")?.stringValue)
                    let stream = StreamKey(connectionID: connectionID, objectType: "crm_contact")
                    try await waitUntil("the new stream's first poll", timeout: .seconds(60)) {
                        provider.stats().listRequests(.contacts) >= 1
                    }
                    let schedule = api.app.pollers.schedule
                    #expect(schedule.withLockedValue { $0.intervals[stream] } == .seconds(3600))

                    let patched = try await api.send(
                        "PATCH", "/unified/webhook/\(id)",
                        json: .object([
                            ("connection_id", .string(connectionID)), ("event", .string("updated")),
                            ("object_type", .string("crm_contact")), ("hook_url", .string(subscriber.hookURL("/after"))),
                            ("interval", .number(30)),
                        ]))
                    #expect(patched.status == 200, "\(patched.text)")
                    try await waitUntil("the stream's period follows the new interval", timeout: .seconds(60)) {
                        schedule.withLockedValue { $0.intervals[stream] } == .seconds(1800)
                    }
                    let mutation = provider.mutate(.contacts, updates: 2)
                    #expect(try await api.send("PUT", "/unified/webhook/\(id)/trigger").status == 200)
                    let receiver = subscriber.subscriber
                    try await waitUntil("the changes reach the new URL", timeout: .seconds(60)) {
                        Set(receiver.received().filter { $0.path == "/after" }.flatMap(\.recordIDs))
                            .isSuperset(of: mutation.ids)
                    }
                    #expect(!receiver.received().contains { $0.path == "/before" })

                    #expect(try await api.send("DELETE", "/unified/webhook/\(id)").status == 200)
                    try await waitUntil("the stream leaves the schedule", timeout: .seconds(60)) {
                        schedule.withLockedValue { $0.intervals[stream] == nil }
                    }
                    try await waitUntil("no deliverer runs for it", timeout: .seconds(60)) {
                        api.app.emitter.running.withLockedValue { $0[id] == nil }
                    }
                }
            }
        }
    }

    /// An include_all webhook created on a stream that is already synced gets the stream as of its creation: every
    /// record once, in its latest version, then only later changes. Not a replay of every version ever logged.
    @Test func aLateIncludeAllWebhookGetsASnapshotNotTheHistory() async throws {
        try await withSandbox(SandboxConfiguration(seed: 11, contacts: 40, companies: 0, deals: 0)) { sandbox in
            try await withSubscriber(SubscriberConfiguration(workspaceSecret: "api-test-secret")) { subscriber in
                try await withAPI(polling: polling()) { api in
                    let receiver = subscriber.subscriber
                    let connectionID = try await api.createConnection(apiURL: sandbox.baseURL)
                    let first = try await api.createWebhook(
                        connectionID: connectionID, hookURL: subscriber.hookURL("/first"), includeAll: true)
                    let firstID = try #require(try first.json().value(atPath: "id")?.stringValue)
                    try await waitUntil("the first backfill", timeout: .seconds(60)) {
                        receiver.received().contains { $0.path == "/first" && $0.type == "INITIAL-COMPLETE" }
                    }
                    // Two rounds of changes, some records changed twice, all delivered to the first webhook.
                    var changed = Set<String>()
                    for _ in 0..<2 {
                        changed.formUnion(sandbox.provider.mutate(.contacts, updates: 8).ids)
                        #expect(try await api.send("PUT", "/unified/webhook/\(firstID)/trigger").status == 200)
                        try await waitUntil("the changes reach the first webhook", timeout: .seconds(60)) {
                            changed.isSubset(of: receiver.received().filter { $0.path == "/first" && $0.type == "VIRTUAL" }
                                .flatMap(\.recordIDs))
                        }
                    }

                    let late = try await api.createWebhook(
                        connectionID: connectionID, hookURL: subscriber.hookURL("/late"), includeAll: true,
                        [("page_max_limit", .number(15))])
                    let lateID = try #require(try late.json().value(atPath: "id")?.stringValue)
                    try await waitUntil("the late webhook's initial sync", timeout: .seconds(60)) {
                        receiver.received().contains { $0.path == "/late" && $0.type == "INITIAL-COMPLETE" }
                    }
                    let initial = receiver.received().filter { $0.path == "/late" }
                    #expect(initial.map(\.type) == ["INITIAL-PARTIAL", "INITIAL-PARTIAL", "INITIAL-COMPLETE"])
                    let ids = initial.flatMap(\.recordIDs)
                    #expect(ids.count == 40 && Set(ids).count == 40, "each record exactly once")
                    // Each record in its current version: the sandbox's own updated_at.
                    let listed = try await TestHTTP.send("GET", sandbox.url("/crm/contacts?limit=1000"))
                    let current = Dictionary(
                        uniqueKeysWithValues: try #require(try listed.json()["results"]?.arrayValue).compactMap {
                            record in record["id"]?.stringValue.map { ($0, record["updated_at"]?.stringValue ?? "") }
                        })
                    for payload in initial {
                        let body = try #require(payload.body)
                        let data = try body.withUnsafeBytes { try JSONParser.parse($0) }["data"]?.arrayValue ?? []
                        for record in data {
                            let id = record["id"]?.stringValue ?? ""
                            #expect(record["updated_at"]?.stringValue == current[id], "\(id) is not its latest version")
                        }
                    }

                    // Afterwards only new changes, as VIRTUAL.
                    let next = sandbox.provider.mutate(.contacts, updates: 1)
                    #expect(try await api.send("PATCH", "/unified/webhook/\(lateID)/trigger").status == 200)
                    try await waitUntil("the new change reaches the late webhook", timeout: .seconds(60)) {
                        receiver.received().contains { $0.path == "/late" && $0.type == "VIRTUAL" }
                    }
                    try await Task.sleep(for: .milliseconds(200))
                    let live = receiver.received().filter { $0.path == "/late" && $0.type == "VIRTUAL" }
                    #expect(live.flatMap(\.recordIDs) == next.ids)
                }
            }
        }
    }

    @Test func filtersAreAppliedAtFanOut() async throws {
        try await withSandbox(SandboxConfiguration(seed: 9, contacts: 60, companies: 3, deals: 0)) { sandbox in
            try await withSubscriber(SubscriberConfiguration(workspaceSecret: "api-test-secret")) { subscriber in
                try await withAPI(polling: polling()) { api in
                    let listed = try await TestHTTP.send("GET", sandbox.url("/crm/contacts?limit=1000"))
                    let contacts = try #require(try listed.json()["results"]?.arrayValue)
                    let companyOf = Dictionary(
                        uniqueKeysWithValues: contacts.compactMap { contact in
                            contact["id"]?.stringValue.map { ($0, contact["company_id"]?.stringValue ?? "") }
                        })
                    let matching = Set(companyOf.filter { $0.value == "co_000002" }.keys)
                    #expect(!matching.isEmpty && matching.count < contacts.count)

                    let connectionID = try await api.createConnection(apiURL: sandbox.baseURL)
                    let created = try await api.createWebhook(
                        connectionID: connectionID, hookURL: subscriber.hookURL("/filtered"), includeAll: true,
                        [("filters", .object([("company_id", .string("co_000002"))])), ("page_max_limit", .number(7))])
                    #expect(created.status == 200, "\(created.text)")
                    let id = try #require(try created.json().value(atPath: "id")?.stringValue)
                    let receiver = subscriber.subscriber
                    try await waitUntil("the filtered backfill completes", timeout: .seconds(60)) {
                        receiver.received().contains { $0.type == "INITIAL-COMPLETE" }
                    }
                    #expect(Set(receiver.received().flatMap(\.recordIDs)) == matching)

                    // Every contact changes; only those of company co_000002 are delivered.
                    let count = receiver.received().count
                    let mutation = sandbox.provider.mutate(.contacts, updates: 60)
                    #expect(mutation.ids.count == 60)
                    #expect(try await api.send("PATCH", "/unified/webhook/\(id)/trigger").status == 200)
                    try await waitUntil("the matching changes arrive", timeout: .seconds(60)) {
                        Set(receiver.received().dropFirst(count).flatMap(\.recordIDs)) == matching
                    }
                    try await Task.sleep(for: .milliseconds(300))
                    #expect(Set(receiver.received().dropFirst(count).flatMap(\.recordIDs)) == matching)
                    #expect(receiver.received().allSatisfy { $0.sig == .valid })
                }
            }
        }
    }

    @Test func resumeAfterAnUnhealthySpellDeliversWhatAccumulated() async throws {
        var delivery = EmitterConfiguration(retryDelays: [.milliseconds(20), .milliseconds(20)])
        delivery.batchWait = .milliseconds(20)
        try await withSandbox(SandboxConfiguration(seed: 6, contacts: 5, companies: 0, deals: 0)) { sandbox in
            try await withSubscriber(SubscriberConfiguration(workspaceSecret: "api-test-secret")) { subscriber in
                try await withAPI(polling: polling(), delivery: delivery) { api in
                    let receiver = subscriber.subscriber
                    receiver.failNext(3, status: 503)
                    let connectionID = try await api.createConnection(apiURL: sandbox.baseURL)
                    let created = try await api.createWebhook(
                        connectionID: connectionID, hookURL: subscriber.hookURL(), includeAll: true)
                    let id = try #require(try created.json().value(atPath: "id")?.stringValue)
                    try await waitUntil("the webhook turns unhealthy", timeout: .seconds(60)) {
                        try await api.send("GET", "/unified/webhook/\(id)").json().value(atPath: "is_healthy")
                            == .bool(false)
                    }
                    #expect(try await api.send("GET", "/unified/webhook?is_healthy=false").json().arrayValue?.count == 1)
                    // Changes keep accumulating while it is unhealthy.
                    let mutation = sandbox.provider.mutate(.contacts, updates: 2, creates: 1)
                    let polls = sandbox.provider.stats().listRequests(.contacts)
                    _ = try await api.send("PUT", "/unified/webhook/\(id)/trigger")
                    try await waitUntil("the change is polled", timeout: .seconds(60)) {
                        sandbox.provider.stats().listRequests(.contacts) > polls
                    }
                    try await Task.sleep(for: .milliseconds(200))
                    #expect(receiver.received().filter { $0.wasAccepted }.isEmpty)

                    let resumed = try await api.send("PATCH", "/unified/webhook/\(id)/resume")
                    #expect(resumed.status == 200)
                    #expect(try resumed.json().value(atPath: "id")?.stringValue == id)
                    try await waitUntil("everything accumulated arrives", timeout: .seconds(60)) {
                        let ids = Set(receiver.received().filter { $0.wasAccepted }.flatMap(\.recordIDs))
                        return ids.count >= 6 && ids.isSuperset(of: mutation.ids)
                    }
                    let healthy = try await api.send("GET", "/unified/webhook/\(id)").json()
                    #expect(healthy.value(atPath: "is_healthy") == .bool(true))
                    let runs = healthy.value(atPath: "runs")?.arrayValue?.compactMap(\.stringValue) ?? []
                    #expect(runs.contains { $0.contains(" 503 0") })
                }
            }
        }
    }
}
