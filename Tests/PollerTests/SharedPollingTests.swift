import Foundation
@testable import Pollers
import Sandbox
import Store
import TestSupport
import Testing

/// One poll per (connection, object) per interval, whatever the number of webhooks (polling.md §9).
@Suite struct SharedPollingTests {
    /// Three webhooks on contacts and one on companies, all with intervals far longer than the test: each stream is
    /// fetched exactly once, however often the scheduler is woken (store changes). Counts,
    /// not timings, so a busy machine cannot make it fail.
    @Test func threeWebhooksOnOneStreamCauseOneFetchPerInterval() async throws {
        try await withPollerHarness(
            sandbox: SandboxConfiguration(seed: 8, contacts: 5, companies: 3, deals: 0), pageSize: 100
        ) { h in
            let hook = Self.hook
            try await Self.saveWebhooks(h, contacts: [60, 120, 180], companies: 60)

            let service = PollerService(
                store: h.store, client: h.client, catalog: h.catalog, configuration: h.configuration,
                sleeper: TaskSleeper(), logger: .test("pollers"))
            let provider = h.provider
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await service.run() }
                try await waitUntil("both streams are polled once") {
                    provider.stats().listRequests(.contacts) >= 1 && provider.stats().listRequests(.companies) >= 1
                }
                // More webhooks on the same streams: each change wakes the scheduler, and neither stream is due again.
                for i in 0..<3 {
                    try await h.store.saveWebhook(
                        Webhook(
                            id: "wh_more_\(i)", connectionID: h.connection.id,
                            objectType: i % 2 == 0 ? "crm_contact" : "crm_company", event: .created, hookURL: hook,
                            interval: 90, secret: RandomID.webhookSecret()))
                    try await Task.sleep(for: .milliseconds(400))
                }
                group.cancelAll()
            }
            let contacts = provider.stats().listRequests(.contacts)
            let companies = provider.stats().listRequests(.companies)
            #expect(contacts == 1, "contacts were fetched \(contacts) times")
            #expect(companies == 1, "companies were fetched \(companies) times")
        }
    }

    /// A stream's period is the smallest interval of its webhooks, never below the configured minimum.
    @Test func aStreamIsPolledAtTheSmallestIntervalOfItsWebhooks() async throws {
        try await withPollerHarness(
            sandbox: SandboxConfiguration(seed: 8, contacts: 0, companies: 0, deals: 0), pageSize: 100
        ) { h in
            try await Self.saveWebhooks(h, contacts: [3, 0.5, 120], companies: 0.0001)
            let service = PollerService(
                store: h.store, client: h.client, catalog: h.catalog, configuration: h.configuration,
                logger: .test("pollers"))
            let plan = service.streams(of: h.connection.id, in: h.store.definitions)
            #expect(plan == ["crm_company": h.configuration.minimumInterval, "crm_contact": .seconds(30)])
        }
    }

    @Test func triggerPollsAheadOfTheSchedule() async throws {
        try await withPollerHarness(
            sandbox: SandboxConfiguration(seed: 8, contacts: 5, companies: 0, deals: 0), pageSize: 100
        ) { h in
            try await h.store.saveWebhook(
                Webhook(
                    id: "wh_slow", connectionID: h.connection.id, objectType: "crm_contact", event: .updated,
                    hookURL: "http://127.0.0.1:9/x", interval: 60, secret: RandomID.webhookSecret()))
            let service = PollerService(
                store: h.store, client: h.client, catalog: h.catalog, configuration: h.configuration,
                logger: .test("pollers"))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await service.run() }
                let provider = h.provider
                try await waitUntil("first poll") { provider.stats().listRequests(.contacts) == 1 }
                h.provider.mutate(.contacts, updates: 2)
                service.trigger(h.stream)
                try await waitUntil("the triggered poll stored the two updates") {
                    try await h.events().filter { $0.kind == .updated }.count == 2
                }
                #expect(provider.stats().listRequests(.contacts) == 2)
                group.cancelAll()
            }
        }
    }

    static let hook = "http://127.0.0.1:9/never-called"

    /// Webhooks on contacts at `contacts` minutes each and one on companies at `companies` minutes.
    static func saveWebhooks(_ h: PollerHarness, contacts: [Double], companies: Double) async throws {
        for (i, minutes) in contacts.enumerated() {
            try await h.store.saveWebhook(
                Webhook(
                    id: "wh_contacts_\(i)", connectionID: h.connection.id, objectType: "crm_contact",
                    event: .updated, hookURL: hook, interval: minutes, secret: RandomID.webhookSecret()))
        }
        try await h.store.saveWebhook(
            Webhook(
                id: "wh_companies", connectionID: h.connection.id, objectType: "crm_company", event: .created,
                hookURL: hook, interval: companies, secret: RandomID.webhookSecret()))
    }
}
