internal import CCurl

/// A libcurl call on an easy handle failed; turned into a ``CurlHTTPError`` (which needs the request URL) by the
/// transfer that made the call.
struct CurlCodeFailure: Error {
    /// What libcurl returned.
    var code: CURLcode
}
