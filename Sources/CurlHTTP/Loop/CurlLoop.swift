internal import CCurl
import Logging

/// The loop thread's state: the multi handle, the transfers in flight and a pool of idle easy handles. Confined to
/// its thread; talks to callers only through the ``CurlLoopMailbox`` and the requests' continuations.
final class CurlLoop {
    private let mailbox: CurlLoopMailbox
    private let multi: CurlMulti
    private let userAgent: String
    private let logger: Logger
    private var transfers: [UInt64: CurlTransfer] = [:]
    private var idleHandles: [CurlEasy] = []
    private var commands: [CurlLoopCommand] = []

    private static let maxIdleHandles = 64
    /// Poll limit with nothing in flight; any submission wakes the loop earlier.
    private static let idlePollMilliseconds: Int32 = 10_000
    /// Poll limit with transfers in flight (libcurl shortens it to its own next timer).
    private static let busyPollMilliseconds: Int32 = 1_000

    init(mailbox: CurlLoopMailbox, multi: CurlMulti) {
        self.mailbox = mailbox
        self.multi = multi
        userAgent = mailbox.configuration.userAgent
        logger = mailbox.configuration.logger
    }

    /// Drives transfers until shutdown is requested, then fails everything left with `.shutdown` and returns the
    /// waiters to resume once this loop is released.
    func run() -> [CheckedContinuation<Void, Never>] {
        while !mailbox.drain(into: &commands) {
            for command in commands { handle(command) }
            commands.removeAll(keepingCapacity: true)
            performAndCollect()
            if mailbox.park() {
                let timeout = transfers.isEmpty ? Self.idlePollMilliseconds : Self.busyPollMilliseconds
                let code = multi.poll(timeoutMilliseconds: timeout)
                if code != CURLM_OK {
                    logger.error("curl_multi_poll failed", metadata: ["curl.error": "\(CurlMulti.describe(code))"])
                }
            }
        }
        failQueued(commands)
        commands.removeAll()
        for transfer in transfers.values {
            multi.remove(transfer.easy)
            transfer.continuation.resume(throwing: CurlHTTPError.shutdown(url: transfer.url))
        }
        transfers.removeAll()
        let (waiters, leftovers) = mailbox.finish()
        failQueued(leftovers)
        logger.debug("curl loop thread stopped")
        return waiters
    }

    private func handle(_ command: CurlLoopCommand) {
        switch command {
        case .submit(let submission):
            start(submission)
        case .cancel(let id):
            guard let transfer = transfers.removeValue(forKey: id) else { return }
            multi.remove(transfer.easy)
            recycle(transfer.easy)
            transfer.continuation.resume(throwing: CancellationError())
        }
    }

    private func start(_ submission: CurlSubmission) {
        let url = submission.request.url
        guard let easy = idleHandles.popLast() ?? CurlEasy() else {
            let error = CurlHTTPError(kind: .transfer, message: "libcurl could not create an easy handle", url: url)
            submission.continuation.resume(throwing: error)
            return
        }
        let transfer: CurlTransfer
        do {
            transfer = try CurlTransfer(submission: submission, easy: easy, userAgent: userAgent)
        } catch {
            recycle(easy)
            submission.continuation.resume(throwing: error)
            return
        }
        let code = multi.add(easy)
        guard code == CURLM_OK else {
            recycle(easy)
            let message = "libcurl refused the transfer: \(CurlMulti.describe(code))"
            submission.continuation.resume(throwing: CurlHTTPError(kind: .transfer, message: message, url: url))
            return
        }
        transfers[submission.id] = transfer
    }

    private func performAndCollect() {
        let code = multi.perform()
        if code != CURLM_OK {
            logger.error("curl_multi_perform failed", metadata: ["curl.error": "\(CurlMulti.describe(code))"])
        }
        while let done = multi.nextDone() {
            guard let id = CurlEasy.transferID(of: done.handle), let transfer = transfers.removeValue(forKey: id) else {
                logger.error("libcurl reported an unknown transfer as done")
                continue
            }
            let result = transfer.finish(code: done.result)
            multi.remove(transfer.easy)
            recycle(transfer.easy)
            transfer.continuation.resume(with: result)
        }
    }

    private func recycle(_ easy: CurlEasy) {
        easy.reset()
        if idleHandles.count < Self.maxIdleHandles { idleHandles.append(easy) }
    }

    private func failQueued(_ queued: [CurlLoopCommand]) {
        for case .submit(let submission) in queued {
            submission.continuation.resume(throwing: CurlHTTPError.shutdown(url: submission.request.url))
        }
    }
}
