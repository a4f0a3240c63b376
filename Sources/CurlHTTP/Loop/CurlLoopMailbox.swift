import NIOConcurrencyHelpers

/// The thread-safe side of the client: callers post commands here, the loop thread drains them. Starts the loop
/// thread lazily on the first submission and stops it on request.
final class CurlLoopMailbox: Sendable {
    let configuration: CurlLoopConfiguration
    private let state = NIOLockedValueBox(CurlLoopState())

    init(configuration: CurlLoopConfiguration) {
        self.configuration = configuration
    }

    /// A fresh request id, unique for this client.
    func makeID() -> UInt64 {
        state.withLockedValue { state in
            state.lastID &+= 1
            return state.lastID
        }
    }

    /// Queues `submission`, or resumes its continuation at once with `.shutdown`, `CancellationError` (the calling
    /// task is already cancelled) or a start-up failure.
    ///
    /// The cancellation check happens under the same lock as `cancel(_:)`'s enqueue, so a cancel for this id is
    /// either seen here or queued after the submission: it is never lost.
    func submit(_ submission: CurlSubmission) {
        let rejection: (any Error)? = state.withLockedValue { state in
            switch state.phase {
            case .stopping, .stopped:
                return CurlHTTPError.shutdown(url: submission.request.url)
            case .idle, .running:
                break
            }
            if Task.isCancelled { return CancellationError() }
            if case .idle = state.phase {
                do {
                    state.phase = .running(try startLoop(url: submission.request.url))
                } catch {
                    return error
                }
            }
            guard case .running(let waker) = state.phase else { return CurlHTTPError.shutdown(url: submission.request.url) }
            state.inbox.append(.submit(submission))
            if state.parked {
                state.parked = false
                waker.wake()
            }
            return nil
        }
        if let rejection { submission.continuation.resume(throwing: rejection) }
    }

    /// Asks the loop to abort request `id` with `CancellationError`; a no-op when it is not in flight.
    func cancel(_ id: UInt64) {
        state.withLockedValue { state in
            guard case .running(let waker) = state.phase else { return }
            state.inbox.append(.cancel(id))
            if state.parked {
                state.parked = false
                waker.wake()
            }
        }
    }

    /// Requests shutdown; `waiter` (if any) is resumed once the loop thread has failed every request and freed its
    /// handles, or at once if no loop is running.
    func stop(waiter: CheckedContinuation<Void, Never>?) {
        let resumeNow: Bool = state.withLockedValue { state in
            switch state.phase {
            case .idle, .stopped:
                state.phase = .stopped
                return true
            case .running(let waker):
                state.phase = .stopping(waker)
                state.parked = false
                waker.wake()
            case .stopping:
                break
            }
            if let waiter { state.stopWaiters.append(waiter) }
            return false
        }
        if resumeNow { waiter?.resume() }
    }

    /// Whether the loop has exited (or was never started and shutdown was requested).
    var isStopped: Bool {
        state.withLockedValue { state in
            if case .stopped = state.phase { return true }
            return false
        }
    }

    // MARK: loop-thread side

    /// Moves the queued commands into `buffer` (which must be empty) and reports whether shutdown was requested.
    func drain(into buffer: inout [CurlLoopCommand]) -> Bool {
        state.withLockedValue { state in
            state.parked = false
            swap(&state.inbox, &buffer)
            if case .stopping = state.phase { return true }
            return false
        }
    }

    /// Marks the loop parked if there is nothing to drain; returns whether it may block in `curl_multi_poll`.
    func park() -> Bool {
        state.withLockedValue { state in
            guard state.inbox.isEmpty, case .running = state.phase else { return false }
            state.parked = true
            return true
        }
    }

    /// Marks the loop stopped (no waker is handed out any more, so the multi handle may be freed) and returns the
    /// shutdown waiters plus any commands still queued.
    func finish() -> (waiters: [CheckedContinuation<Void, Never>], leftovers: [CurlLoopCommand]) {
        state.withLockedValue { state in
            state.phase = .stopped
            defer {
                state.stopWaiters = []
                state.inbox = []
            }
            return (state.stopWaiters, state.inbox)
        }
    }

    /// Creates the multi handle and the loop thread; called under the lock, once.
    private func startLoop(url: String) throws(CurlHTTPError) -> CurlMultiWaker {
        guard
            let multi = CurlMulti(
                maxConnectionsPerHost: configuration.maxConnectionsPerHost,
                maxCachedConnections: configuration.maxCachedConnections
            )
        else {
            throw CurlHTTPError(kind: .transfer, message: "libcurl could not create a multi handle", url: url)
        }
        let waker = multi.waker
        CurlLoopThread.start(CurlLoop(mailbox: self, multi: multi))
        configuration.logger.debug("curl loop thread started")
        return waker
    }
}
