import Testing

@testable import Store

/// Waits until `signal` has `count` registered waiters (a generous cap: a busy machine may be slow to schedule them).
func waitForWaiters(_ signal: ChangeSignal, count: Int) async throws {
    let deadline = ContinuousClock.now + .seconds(60)
    while signal.waiterCount < count {
        try #require(ContinuousClock.now < deadline, "\(signal.waiterCount) of \(count) waiters registered in 60 s")
        try await Task.sleep(for: .milliseconds(2))
    }
}

/// Every wait asserts why it returned (signal, timer, cancellation), never how long it took.
@Suite struct StoreChangeSignalTests {
    /// A timeout that does not run out during a test.
    static let long: Duration = .seconds(3600)

    @Test func signalWakesEveryWaiter() async throws {
        let signal = ChangeSignal()
        async let first = signal.wait(timeout: Self.long)
        async let second = signal.wait(timeout: Self.long)
        try await waitForWaiters(signal, count: 2)
        signal.signal()
        let reasons = await [first, second]
        #expect(reasons == [.signalled, .signalled])
        #expect(signal.waiterCount == 0)
    }

    @Test func waitReturnsAfterTheTimeout() async {
        let signal = ChangeSignal()
        #expect(await signal.wait(timeout: .milliseconds(50)) == .timer)
        #expect(signal.waiterCount == 0)
    }

    @Test func cancellationEndsTheWait() async throws {
        let signal = ChangeSignal()
        let task = Task { await signal.wait(timeout: Self.long) }
        try await waitForWaiters(signal, count: 1)
        task.cancel()
        #expect(await task.value == .cancelled)
        #expect(signal.waiterCount == 0)
    }

    @Test func alreadyCancelledTaskReturnsAtOnce() async {
        let signal = ChangeSignal()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await signal.wait(timeout: Self.long)
        }
        #expect(await task.value == .cancelled)
    }

    @Test func aSignalBeforeTheWaitIsNotRemembered() async {
        let signal = ChangeSignal()
        signal.signal()
        #expect(await signal.wait(timeout: .milliseconds(30)) == .timer)
    }

    @Test func committingEventsWakesWaitersButAnEmptyPageDoesNot() async throws {
        try await StoreFixtures.withStore { store, _ in
            let signal = store.changes
            let woken = Task { await signal.wait(timeout: Self.long) }
            try await waitForWaiters(signal, count: 1)
            _ = try await store.commitPage(
                PageCommit(states: [], events: [], checkpoint: StreamState(stream: StoreFixtures.stream)))
            // Had the empty commit signalled, the waiter would have left: it is still registered.
            #expect(signal.waiterCount == 1)
            _ = try await store.commitPage(StoreFixtures.page(0, count: 2))
            #expect(await woken.value == .signalled)
        }
    }
}
