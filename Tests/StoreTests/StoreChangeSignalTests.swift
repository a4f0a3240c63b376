import Testing

@testable import Store

/// Waits (bounded) until `signal` has `count` registered waiters.
func waitForWaiters(_ signal: ChangeSignal, count: Int) async throws {
    let deadline = ContinuousClock.now + .seconds(5)
    while signal.waiterCount < count {
        try #require(ContinuousClock.now < deadline, "waiters never registered")
        try await Task.sleep(for: .milliseconds(2))
    }
}

@Suite struct StoreChangeSignalTests {
    @Test func signalWakesEveryWaiter() async throws {
        let signal = ChangeSignal()
        let start = ContinuousClock.now
        async let first: Void = signal.wait(timeout: .seconds(30))
        async let second: Void = signal.wait(timeout: .seconds(30))
        try await waitForWaiters(signal, count: 2)
        signal.signal()
        _ = await (first, second)
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(signal.waiterCount == 0)
    }

    @Test func waitReturnsAfterTheTimeout() async {
        let signal = ChangeSignal()
        let start = ContinuousClock.now
        await signal.wait(timeout: .milliseconds(50))
        let elapsed = ContinuousClock.now - start
        #expect(elapsed >= .milliseconds(50))
        #expect(elapsed < .seconds(5))
        #expect(signal.waiterCount == 0)
    }

    @Test func cancellationEndsTheWait() async throws {
        let signal = ChangeSignal()
        let start = ContinuousClock.now
        let task = Task { await signal.wait(timeout: .seconds(30)) }
        try await waitForWaiters(signal, count: 1)
        task.cancel()
        await task.value
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(signal.waiterCount == 0)
    }

    @Test func alreadyCancelledTaskReturnsAtOnce() async {
        let signal = ChangeSignal()
        let start = ContinuousClock.now
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            await signal.wait(timeout: .seconds(30))
        }
        await task.value
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func aSignalBeforeTheWaitIsNotRemembered() async {
        let signal = ChangeSignal()
        signal.signal()
        let start = ContinuousClock.now
        await signal.wait(timeout: .milliseconds(30))
        #expect(ContinuousClock.now - start >= .milliseconds(30))
    }

    @Test func committingEventsWakesWaitersButAnEmptyPageDoesNot() async throws {
        try await StoreFixtures.withStore { store, _ in
            let signal = store.changes
            let empty = Task { () -> Duration in
                let start = ContinuousClock.now
                await signal.wait(timeout: .milliseconds(300))
                return ContinuousClock.now - start
            }
            try await waitForWaiters(signal, count: 1)
            _ = try await store.commitPage(PageCommit(states: [], events: [], checkpoint: StreamState(stream: StoreFixtures.stream)))
            #expect(await empty.value >= .milliseconds(300))

            let start = ContinuousClock.now
            async let woken: Void = signal.wait(timeout: .seconds(30))
            try await waitForWaiters(signal, count: 1)
            _ = try await store.commitPage(StoreFixtures.page(0, count: 2))
            await woken
            #expect(ContinuousClock.now - start < .seconds(10))
        }
    }
}
