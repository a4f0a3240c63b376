import Foundation
import NIOConcurrencyHelpers
@testable import Pollers
import Sandbox
import Store
import TestSupport
import Testing

/// The running scheduler against the sandbox, on a clock the test moves: what is due is polled, what is not is not,
/// changes take effect without a rescan, and the in-flight bounds hold as the provider counts them.
@Suite struct PollerServiceScheduleTests {
    static let hook = "http://127.0.0.1:9/never-called"

    static func webhook(_ id: String, on connectionID: String, _ objectType: String, minutes: Double) -> Webhook {
        Webhook(
            id: id, connectionID: connectionID, objectType: objectType, event: .created, hookURL: hook,
            interval: minutes, secret: RandomID.webhookSecret())
    }

    /// Runs the service beside `body`, once it listens to the store's changes, and stops it afterwards.
    static func running(
        _ service: PollerService, isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await service.run() }
            do {
                let feed = service.store.feed
                try await waitUntil("the scheduler listens") { feed.subscriberCount == 1 }
                try await body()
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }

    static func service(_ h: PollerHarness, _ configuration: PollerConfiguration, clock: ManualPollClock)
        -> PollerService
    {
        PollerService(
            store: h.store, client: h.client, catalog: h.catalog, configuration: configuration, clock: clock,
            logger: .test("pollers"))
    }

    /// Starts the scheduler with `concurrency` on a stopped clock, makes every stream due, and waits until each of
    /// `objects` was listed `each` times.
    static func pollEverythingOnce(
        _ h: PollerHarness, _ concurrency: PollConcurrency, objects: [SandboxObject], each: Int,
        isolation: isolated (any Actor)? = #isolation
    ) async throws {
        var configuration = h.configuration
        configuration.concurrency = concurrency
        let clock = ManualPollClock()
        let service = service(h, configuration, clock: clock)
        let provider = h.provider
        try await running(service) {
            try await waitUntil("the scheduler waits for the first due time") { !clock.deadlines.isEmpty }
            clock.advance(by: .seconds(1))
            try await waitUntil("every stream is polled") {
                let stats = provider.stats()
                return objects.allSatisfy { stats.listRequests($0) == each }
            }
        }
    }

    /// Waits until the scheduler sleeps until `deadline`: it has looked at the schedule and found nothing else due.
    static func waitUntilAsleep(_ clock: ManualPollClock, until deadline: Duration) async throws {
        try await waitUntil("the scheduler sleeps until \(deadline)") { clock.deadlines.contains(deadline) }
    }

    @Test func aDueStreamIsPolledAndAnUndueOneIsNot() async throws {
        try await withPollerHarness(
            sandbox: SandboxConfiguration(seed: 3, contacts: 4, companies: 4, deals: 0), pageSize: 100
        ) { h in
            let id = h.connection.id
            try await h.store.saveWebhook(Self.webhook("wh_minute", on: id, "crm_contact", minutes: 1))
            try await h.store.saveWebhook(Self.webhook("wh_ten", on: id, "crm_company", minutes: 10))
            let clock = ManualPollClock()
            let service = Self.service(h, h.configuration, clock: clock)
            let provider = h.provider
            try await Self.running(service) {
                // Two streams at start spread over at most 10 ms.
                try await waitUntil("the scheduler waits for the first due time") { !clock.deadlines.isEmpty }
                clock.advance(by: .milliseconds(10))
                try await waitUntil("both first polls") {
                    provider.stats().listRequests(.contacts) == 1 && provider.stats().listRequests(.companies) == 1
                }
                // The request is counted before the run ends; the stream queues again when it has.
                try await waitUntil("the minute stream is queued again") {
                    service.schedule.withLockedValue { $0.due(of: h.stream) } != nil
                }
                let contactsDue = try #require(service.schedule.withLockedValue { $0.due(of: h.stream) })
                #expect(contactsDue <= .seconds(60) + .milliseconds(10) && contactsDue >= .seconds(60))
                try await Self.waitUntilAsleep(clock, until: contactsDue)

                clock.advance(by: .seconds(59))
                try await Task.sleep(for: .milliseconds(200))
                #expect(provider.stats().listRequests(.contacts) == 1, "not due yet")

                clock.advance(by: .seconds(1))
                try await waitUntil("the minute stream's second poll") { provider.stats().listRequests(.contacts) == 2 }
                try await Self.waitUntilAsleep(clock, until: contactsDue + .seconds(60))
                #expect(provider.stats().listRequests(.companies) == 1, "the ten-minute stream is not due")
            }
        }
    }

    /// With the clock stopped, only the change feed can make the scheduler act: a webhook on a new stream is polled
    /// at once, one more on a stream already polled costs no request, and a stream without webhooks is not polled.
    @Test func webhookChangesTakeEffectAtOnceWithTheClockStopped() async throws {
        try await withPollerHarness(
            sandbox: SandboxConfiguration(seed: 3, contacts: 4, companies: 4, deals: 2), pageSize: 100
        ) { h in
            let id = h.connection.id
            let clock = ManualPollClock()
            let service = Self.service(h, h.configuration, clock: clock)
            let provider = h.provider
            try await Self.running(service) {
                try await h.store.saveWebhook(Self.webhook("wh_deals", on: id, "crm_deal", minutes: 5))
                try await waitUntil("the new stream is polled at once") { provider.stats().listRequests(.deals) == 1 }

                try await h.store.saveWebhook(Self.webhook("wh_deals_2", on: id, "crm_deal", minutes: 5))
                try await h.store.saveWebhook(Self.webhook("wh_contacts", on: id, "crm_contact", minutes: 5))
                try await waitUntil("the contacts stream is polled at once") {
                    provider.stats().listRequests(.contacts) == 1
                }
                #expect(provider.stats().listRequests(.deals) == 1, "a second webhook on a polled stream costs nothing")

                #expect(try await h.store.deleteWebhook(id: "wh_contacts"))
                try await waitUntil("the contacts stream leaves the schedule") {
                    service.schedule.withLockedValue { $0.intervals[h.stream] == nil }
                }
                var paused = h.connection
                paused.isPaused = true
                try await h.store.saveConnection(paused)
                try await waitUntil("the paused connection leaves the schedule") {
                    service.schedule.withLockedValue { $0.intervals.isEmpty }
                }
                clock.advance(by: .seconds(3600))
                try await Task.sleep(for: .milliseconds(200))
                #expect(provider.stats().listRequests(.contacts) == 1)
                #expect(provider.stats().listRequests(.deals) == 1)

                paused.isPaused = false
                try await h.store.saveConnection(paused)
                try await waitUntil("unpaused, the deal stream is polled again") {
                    provider.stats().listRequests(.deals) == 2
                }
            }
        }
    }

    /// A restart does not poll again a stream polled moments before: it is due an interval after that poll.
    @Test func aRestartKeepsTheRhythmOfAStreamPolledBefore() async throws {
        try await withPollerHarness(
            sandbox: SandboxConfiguration(seed: 3, contacts: 2, companies: 0, deals: 0), pageSize: 100
        ) { h in
            try await h.store.saveWebhook(Self.webhook("wh_minute", on: h.connection.id, "crm_contact", minutes: 1))
            let provider = h.provider
            let first = Self.service(h, h.configuration, clock: ManualPollClock())
            try await Self.running(first) {
                try await waitUntil("the first poll") { provider.stats().listRequests(.contacts) == 1 }
                try await waitUntil("the stream is queued again") {
                    first.schedule.withLockedValue { $0.due(of: h.stream) } != nil
                }
            }
            let clock = ManualPollClock()
            let second = Self.service(h, h.configuration, clock: clock)
            try await Self.running(second) {
                try await waitUntil("the stream is planned") {
                    second.schedule.withLockedValue { $0.due(of: h.stream) } != nil
                }
                let due = try #require(second.schedule.withLockedValue { $0.due(of: h.stream) })
                // An interval after the first poll ended, less the (wall) time since.
                #expect(due > clock.now() + .seconds(30) && due <= clock.now() + .seconds(60))
                clock.advance(by: .seconds(1))
                try await Task.sleep(for: .milliseconds(200))
                #expect(provider.stats().listRequests(.contacts) == 1, "not polled again at the restart")
                clock.advance(by: due - clock.now())
                try await waitUntil("polled at its rhythm") { provider.stats().listRequests(.contacts) == 2 }
            }
        }
    }

    /// The poller a stream keeps between polls is made again when its connection changes: a new token is the one
    /// the next request carries.
    @Test func aChangedConnectionIsPolledAsChanged() async throws {
        let seen = NIOLockedValueBox<[String]>([])
        var sandbox = SandboxConfiguration(seed: 3, contacts: 2, companies: 0, deals: 0)
        sandbox.listObserver = { _, authorization in seen.withLockedValue { $0.append(authorization ?? "none") } }
        try await withPollerHarness(sandbox: sandbox, pageSize: 100) { h in
            var connection = h.connection
            connection.token = "tok_old"
            try await h.store.saveConnection(connection)
            try await h.store.saveWebhook(Self.webhook("wh_contacts", on: connection.id, "crm_contact", minutes: 5))
            let clock = ManualPollClock()
            let service = Self.service(h, h.configuration, clock: clock)
            try await Self.running(service) {
                try await waitUntil("the first poll") { seen.withLockedValue { $0.count } == 1 }
                try await waitUntil("the stream is queued again") {
                    service.schedule.withLockedValue { $0.due(of: h.stream) } != nil
                }
                service.trigger(h.stream)
                try await waitUntil("the triggered poll") { seen.withLockedValue { $0.count } == 2 }
                try await waitUntil("the stream is queued again") {
                    service.schedule.withLockedValue { $0.due(of: h.stream) } != nil
                }
                connection.token = "tok_new"
                try await h.store.saveConnection(connection)
                service.trigger(h.stream)
                try await waitUntil("the poll after the change") { seen.withLockedValue { $0.count } == 3 }
            }
            #expect(seen.withLockedValue { $0 } == ["Bearer tok_old", "Bearer tok_old", "Bearer tok_new"])
        }
    }

    /// Twelve connections due at once with a process bound of 3: the provider never sees more than 3 List
    /// requests at a time, yet every stream is polled.
    @Test func theProcessBoundHoldsAsTheProviderCountsIt() async throws {
        try await withPollerHarness(
            sandbox: SandboxConfiguration(seed: 3, contacts: 2, companies: 0, deals: 0), pageSize: 100
        ) { h in
            for i in 0..<12 {
                let connection = Connection(
                    id: "conn_bound_\(i)", integrationType: "sandbox", apiURL: h.connection.apiURL)
                try await h.store.saveConnection(connection)
                try await h.store.saveWebhook(Self.webhook("wh_bound_\(i)", on: connection.id, "crm_contact", minutes: 5))
            }
            h.provider.injectFault(SandboxFault(.slow(.milliseconds(250)), object: .contacts, count: 12))
            try await Self.pollEverythingOnce(h, PollConcurrency(process: 3, perConnection: 1), objects: [.contacts], each: 12)
            let peak = h.provider.stats().peakConcurrentListRequests
            #expect(peak <= 3, "the provider saw \(peak) List requests at once")
            #expect(peak >= 2, "polls ran one at a time (\(peak)): the bound, not the client, should limit them")
        }
    }

    /// One connection's three streams, due together: they take turns unless the per-connection bound allows more.
    @Test func theConnectionBoundMakesItsStreamsTakeTurns() async throws {
        for perConnection in [1, 3] {
            try await withPollerHarness(
                sandbox: SandboxConfiguration(seed: 3, contacts: 2, companies: 2, deals: 2), pageSize: 100
            ) { h in
                for object in ["crm_contact", "crm_company", "crm_deal"] {
                    try await h.store.saveWebhook(Self.webhook("wh_\(object)", on: h.connection.id, object, minutes: 5))
                }
                h.provider.injectFault(SandboxFault(.slow(.milliseconds(250)), count: 3))
                try await Self.pollEverythingOnce(
                    h, PollConcurrency(process: 64, perConnection: perConnection), objects: [.contacts, .companies, .deals],
                    each: 1)
                let peak = h.provider.stats().peakConcurrentListRequests
                if perConnection == 1 {
                    #expect(peak == 1, "one connection's streams overlapped (\(peak) at once)")
                } else {
                    #expect(peak >= 2, "a bound of 3 per connection let only \(peak) run at once")
                }
            }
        }
    }
}
