import Foundation
import Pollers
import Sandbox
import Store
import TestSupport
import Testing

/// One poll per (connection, object) per interval, whatever the number of webhooks (polling.md §9).
@Suite struct SharedPollingTests {
    @Test func threeWebhooksOnOneStreamCauseOneFetchPerInterval() async throws {
        try await withPollerHarness(
            sandbox: SandboxConfiguration(seed: 8, contacts: 5, companies: 3, deals: 0), pageSize: 100
        ) { h in
            let hook = "http://127.0.0.1:9/never-called"
            // Three webhooks on contacts at 0.8 s, 1.2 s and 3 s; one on companies at 1.2 s.
            for (i, interval) in [0.8, 1.2, 3.0].enumerated() {
                try await h.store.saveWebhook(
                    Webhook(
                        id: "wh_contacts_\(i)", connectionID: h.connection.id, objectType: "crm_contact",
                        event: .updated, hookURL: hook, interval: interval / 60, secret: RandomID.webhookSecret()))
            }
            try await h.store.saveWebhook(
                Webhook(
                    id: "wh_companies", connectionID: h.connection.id, objectType: "crm_company", event: .created,
                    hookURL: hook, interval: 1.2 / 60, secret: RandomID.webhookSecret()))

            let service = PollerService(
                store: h.store, client: h.client, catalog: h.catalog, configuration: h.configuration,
                sleeper: TaskSleeper(), logger: .test("pollers"))
            let clock = ContinuousClock()
            let started = clock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await service.run() }
                try await Task.sleep(for: .milliseconds(3_300))
                group.cancelAll()
            }
            let elapsed = clock.now - started
            let contacts = h.provider.stats().listRequests(.contacts)
            let companies = h.provider.stats().listRequests(.companies)
            // At the smallest interval (0.8 s) over ~3.3 s: at most 5 polls (t = 0, 0.8, 1.6, 2.4, 3.2), not 3×.
            let expectedMax = Int((elapsed / .milliseconds(800)).rounded(.down)) + 1
            #expect(contacts >= 3 && contacts <= expectedMax, "contacts polled \(contacts) times in \(elapsed)")
            #expect(companies >= 2 && companies <= 3, "companies polled \(companies) times")
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
}
