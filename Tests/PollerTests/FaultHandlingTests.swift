import Foundation
import Pollers
import Sandbox
import Store
import TestSupport
import Testing

/// Throttling and broken pages: the page is retried in place and the cursor never moves past it (polling.md §10).
@Suite struct FaultHandlingTests {
    @Test func retryAfterInSecondsIsHonoured() async throws {
        try await withPollerHarness(
            sandbox: SandboxConfiguration(seed: 2, contacts: 30, companies: 0, deals: 0), pageSize: 10
        ) { h in
            h.provider.injectFault(SandboxFault(.rateLimited(retryAfter: "7"), object: .contacts, count: 2))
            let run = try await h.poller().run()
            #expect(run.events == 30)
            #expect(h.sleeper.recorded == [.seconds(7), .seconds(7)])
            #expect(h.provider.stats().listRequests[.contacts] == 5)
        }
    }

    @Test func retryAfterAsHTTPDateIsHonoured() async throws {
        try await withPollerHarness(
            sandbox: SandboxConfiguration(seed: 2, contacts: 5, companies: 0, deals: 0)
        ) { h in
            let before = Timestamp.now()
            let retryAt = before + .seconds(30)
            h.provider.injectFault(SandboxFault(.rateLimited(retryAfter: HTTPDate.format(retryAt)), object: .contacts))
            let run = try await h.poller().run()
            let after = Timestamp.now()
            #expect(run.events == 5)
            let delay = try #require(h.sleeper.recorded.first)
            // Measured against the response's own Date header, sent between `before` and `after`, not against the
            // local clock. Both HTTP dates are whole seconds, and the server refreshes its cached Date header once
            // a second (later on a busy machine), so each end gets two seconds of slack.
            func span(_ later: Timestamp, _ earlier: Timestamp) -> Duration {
                .microseconds(later.microseconds - earlier.microseconds)
            }
            #expect(delay <= span(retryAt, before) + .seconds(2), "delay \(delay)")
            #expect(delay >= span(retryAt, after) - .seconds(2), "delay \(delay), run took \(span(after, before))")
        }
    }

    @Test func rateLimitWithoutRetryAfterBacksOffExponentially() async throws {
        try await withPollerHarness(
            sandbox: SandboxConfiguration(seed: 2, contacts: 5, companies: 0, deals: 0)
        ) { h in
            h.provider.injectFault(SandboxFault(.rateLimited(retryAfter: nil), object: .contacts, count: 3))
            try await h.poller().run()
            let delays = h.sleeper.recorded
            #expect(delays.count == 3)
            #expect(delays[1] > delays[0] && delays[2] > delays[1])
        }
    }

    @Test(arguments: [SandboxFault.Kind.malformed, .html, .status(500)])
    func brokenPagesLeaveTheCursorInPlace(kind: SandboxFault.Kind) async throws {
        try await withPollerHarness(
            sandbox: SandboxConfiguration(seed: 4, contacts: 35, companies: 0, deals: 0), pageSize: 10
        ) { h in
            try await h.poller().run()
            let before = try await h.store.streamState(h.stream)
            let eventsBefore = try await h.events().count
            h.provider.mutate(.contacts, updates: 5)

            // More failures than tries per page: the run fails, nothing moves.
            h.provider.injectFault(SandboxFault(kind, object: .contacts, count: h.configuration.transientMaxTries))
            await #expect(throws: PollError.self) { try await h.poller().run() }
            let after = try await h.store.streamState(h.stream)
            #expect(after.watermark == before.watermark)
            #expect(after.runPageToken == nil)
            #expect(try await h.events().count == eventsBefore)

            // One failure then success: the same page is retried and the changes arrive once.
            h.provider.injectFault(SandboxFault(kind, object: .contacts, count: 1))
            let run = try await h.poller().run()
            #expect(run.events == 5)
            #expect(try await h.events().count == eventsBefore + 5)
            let runs = try await h.store.pollRuns(h.stream, limit: 10)
            #expect(runs.contains { $0.status == .failed })
        }
    }

    @Test func failureOnALaterPageKeepsTheCheckpointOfTheCommittedPages() async throws {
        try await withPollerHarness(
            sandbox: SandboxConfiguration(seed: 6, contacts: 30, companies: 0, deals: 0), pageSize: 10
        ) { h in
            let provider = h.provider
            let tries = h.configuration.transientMaxTries
            let hooked = HookedClient(h.client) { n in
                if n == 1 { provider.injectFault(SandboxFault(.status(503), object: .contacts, count: tries)) }
            }
            await #expect(throws: PollError.self) { try await h.poller(client: hooked).run() }
            let state = try await h.store.streamState(h.stream)
            #expect(state.runPageToken != nil)
            #expect(try await h.events().count == 10)
            // The next run resumes at page 2: 2 more pages, no duplicate.
            let run = try await h.poller().run()
            #expect(run.pages == 2)
            let events = try await h.events()
            #expect(events.count == 30)
            #expect(Set(events.map(\.eventID)).count == 30)
        }
    }

    @Test func unauthorizedIsAConfigurationError() async throws {
        try await withPollerHarness { h in
            h.provider.injectFault(SandboxFault(.status(401), object: .contacts))
            await #expect {
                try await h.poller().run()
            } throws: { error in
                (error as? PollError)?.kind == .configuration
            }
        }
    }
}
