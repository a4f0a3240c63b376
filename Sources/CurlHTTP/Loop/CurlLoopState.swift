/// Everything the callers and the loop thread share, guarded by the mailbox's lock.
struct CurlLoopState: Sendable {
    /// The loop's lifecycle. The waker is only reachable while the loop (and so its multi handle) is alive.
    enum Phase: Sendable {
        /// No thread yet; the first submission starts it.
        case idle
        case running(CurlMultiWaker)
        /// Shutdown requested; the loop fails what is queued and in flight, then stops.
        case stopping(CurlMultiWaker)
        /// The loop has exited (or never started); submissions fail with `.shutdown`.
        case stopped
    }

    var phase: Phase = .idle
    /// Commands not yet taken by the loop, in submission order.
    var inbox: [CurlLoopCommand] = []
    /// Whether the loop is in (or about to enter) `curl_multi_poll` with an empty inbox: only then does a new command
    /// need `curl_multi_wakeup` (waking on every submission cost ~30 % throughput in the prototype).
    var parked = false
    var lastID: UInt64 = 0
    /// `shutdown()` callers waiting for the loop to exit.
    var stopWaiters: [CheckedContinuation<Void, Never>] = []
}
