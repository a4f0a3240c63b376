/// What callers post to the loop thread's inbox.
enum CurlLoopCommand: Sendable {
    /// Start a transfer.
    case submit(CurlSubmission)
    /// Abort the transfer with this id (ignored when it already finished or never started).
    case cancel(UInt64)
}
