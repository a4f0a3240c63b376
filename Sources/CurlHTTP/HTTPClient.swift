/// What polling and delivery code needs from HTTP: one request in, one complete response out. A protocol so tests
/// can substitute a scripted client for ``CurlHTTPClient``.
public protocol HTTPClient: Sendable {
    /// Performs `request` and returns the final response whatever its status.
    /// - Throws: ``CurlHTTPError`` when no response was received (timeout, connect, DNS, TLS, invalid request,
    ///   shutdown), `CancellationError` when the calling task was cancelled.
    func execute(_ request: HTTPRequest) async throws -> HTTPResponse
}
