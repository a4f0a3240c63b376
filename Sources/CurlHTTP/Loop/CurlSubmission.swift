/// A request handed from a caller's task to the loop thread, with the continuation the loop resumes exactly once.
struct CurlSubmission: Sendable {
    /// Unique per client; names the request in cancellations and as CURLOPT_PRIVATE.
    var id: UInt64
    var request: HTTPRequest
    var continuation: CheckedContinuation<HTTPResponse, any Error>
}
