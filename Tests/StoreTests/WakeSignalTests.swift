import Store
import Testing

/// The remembered wake-up: a signal sent while nobody waits is not lost. Every wait here asserts why it returned,
/// never how long it took, so the tests hold on a busy machine.
@Suite struct WakeSignalTests {
    /// A timer that only returns when its task is cancelled (an hour is "never" for these tests).
    static let never: @Sendable () async -> Void = { try? await Task.sleep(for: .seconds(3600)) }

    @Test func aSignalSentBeforeTheWaitIsRemembered() async {
        let wake = WakeSignal()
        wake.signal()
        wake.signal()
        #expect(await wake.wait(orWhen: Self.never) == .signalled)
        // Two signals made one wake-up: the next wait runs to its timer.
        #expect(await wake.wait(orWhen: {}) == .timer)
    }

    @Test func aWaiterIsWokenBySignalAndByCancellation() async throws {
        let wake = WakeSignal()
        let waiter = Task { await wake.wait(orWhen: Self.never) }
        // Signalling before the waiter registers is remembered, so the outcome is the same either way.
        try await Task.sleep(for: .milliseconds(20))
        wake.signal()
        let reason = await waiter.value
        #expect(reason == .signalled, "the waiter returned \(reason)")

        let cancelled = Task { await wake.wait(orWhen: Self.never) }
        cancelled.cancel()
        let cancelledReason = await cancelled.value
        #expect(cancelledReason == .cancelled, "the cancelled waiter returned \(cancelledReason)")
    }

    @Test func aWaitWithoutATimerReturnsOnlyOnSignalOrCancellation() async {
        let wake = WakeSignal()
        wake.signal()
        #expect(await wake.wait() == .signalled)
        let cancelled = Task { await wake.wait() }
        cancelled.cancel()
        #expect(await cancelled.value == .cancelled)
    }
}
