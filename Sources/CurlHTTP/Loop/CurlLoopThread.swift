import Foundation

/// Runs a ``CurlLoop`` on its own thread, off Swift's cooperative pool, since `curl_multi_poll` blocks.
enum CurlLoopThread {
    /// Hands `loop` to a new thread. When the loop returns, the thread releases it (freeing every curl handle) and only
    /// then resumes the `shutdown()` waiters, so a finished `shutdown()` means the handles are gone.
    static func start(_ loop: CurlLoop) {
        let handoff = Handoff(loop)
        let thread = Thread {
            var loop: CurlLoop? = handoff.take()
            let waiters = loop?.run() ?? []
            loop = nil
            for waiter in waiters { waiter.resume() }
        }
        thread.name = "curl-loop"
        thread.start()
    }

    /// Carries the non-Sendable loop to its thread. `@unchecked Sendable`: the creating thread never touches the loop
    /// after `start(_:)`, and `take()` is called once, by the new thread.
    private final class Handoff: @unchecked Sendable {
        private var loop: CurlLoop?

        init(_ loop: CurlLoop) {
            self.loop = loop
        }

        func take() -> CurlLoop? {
            defer { loop = nil }
            return loop
        }
    }
}
