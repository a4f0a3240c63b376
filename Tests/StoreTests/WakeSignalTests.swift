import Store
import Testing

/// The remembered wake-up: a signal sent while nobody waits is not lost.
@Suite struct WakeSignalTests {
    @Test func aSignalSentBeforeTheWaitIsRemembered() async {
        let wake = WakeSignal()
        wake.signal()
        wake.signal()
        let clock = ContinuousClock()
        let start = clock.now
        await wake.wait(orWhen: { try? await Task.sleep(for: .seconds(5)) })
        #expect(clock.now - start < .seconds(1))
        // Two signals made one wake-up: the next wait runs to its timer.
        let second = clock.now
        await wake.wait(orWhen: { try? await Task.sleep(for: .milliseconds(100)) })
        #expect(clock.now - second >= .milliseconds(100))
    }

    @Test func aWaiterIsWokenBySignalAndByCancellation() async {
        let wake = WakeSignal()
        let clock = ContinuousClock()
        let start = clock.now
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await wake.wait() }
            try? await Task.sleep(for: .milliseconds(50))
            wake.signal()
            await group.waitForAll()
        }
        #expect(clock.now - start < .seconds(2))

        let cancelled = Task { await wake.wait() }
        try? await Task.sleep(for: .milliseconds(50))
        cancelled.cancel()
        await cancelled.value
        #expect(clock.now - start < .seconds(3))
    }
}
