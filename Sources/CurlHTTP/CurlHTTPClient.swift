public import Logging

/// The production ``HTTPClient``: libcurl's multi interface driven by one dedicated thread, bridged to async/await.
///
/// All requests share one connection cache, so connections to a host are kept alive and reused (at most
/// `maxConnectionsPerHost` at a time; further requests queue). The loop thread starts with the first request and
/// stops with ``shutdown()`` (or, without waiting, when the client is deinitialised). Blocking work never runs on
/// Swift's cooperative pool. Requests never use a proxy from the environment, never send `Expect: 100-continue`,
/// and never follow redirects unless ``HTTPRequest/followRedirects`` is set.
public final class CurlHTTPClient: HTTPClient {
    let mailbox: CurlLoopMailbox

    /// Creates a client; no thread or handle exists until the first request.
    /// - Parameters:
    ///   - maxConnectionsPerHost: parallel connections per host (at least 1).
    ///   - userAgent: the `User-Agent` of every request (a request header of that name replaces it).
    ///   - logger: receives the loop's lifecycle and libcurl failures; nothing is logged per request.
    public init(maxConnectionsPerHost: Int = 32, userAgent: String = "VirtualHooks/0.1", logger: Logger) {
        let perHost = max(1, maxConnectionsPerHost)
        mailbox = CurlLoopMailbox(
            configuration: CurlLoopConfiguration(
                maxConnectionsPerHost: perHost,
                maxCachedConnections: max(64, perHost * 4),
                userAgent: userAgent,
                logger: logger
            )
        )
    }

    deinit {
        mailbox.stop(waiter: nil)
    }

    /// Performs `request` and returns the final response, whatever its status.
    /// - Throws: ``CurlHTTPError`` when no response was received, `CancellationError` when the calling task was
    ///   cancelled (the transfer is aborted at once).
    public func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        try request.validate()
        let mailbox = self.mailbox
        let id = mailbox.makeID()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                mailbox.submit(CurlSubmission(id: id, request: request, continuation: continuation))
            }
        } onCancel: {
            mailbox.cancel(id)
        }
    }

    /// Fails queued and in-flight requests with `.shutdown`, waits for the loop thread to free every libcurl handle and
    /// exit, and makes later requests fail with `.shutdown`. Idempotent; concurrent callers all wait.
    public func shutdown() async {
        await withCheckedContinuation { continuation in
            mailbox.stop(waiter: continuation)
        }
    }
}
