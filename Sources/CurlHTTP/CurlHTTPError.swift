/// Why ``CurlHTTPClient`` produced no response, with the URL and libcurl's own explanation.
///
/// `kind` is what callers branch on (`delivery.md` §2 maps it to the attempt log's error class); `curlCode` and
/// `message` are for logs.
public struct CurlHTTPError: Error, Sendable, CustomStringConvertible {
    /// The failure class.
    public enum Kind: String, Sendable {
        /// The connect or the total timeout of the request elapsed.
        case timeout
        /// The TCP connection could not be established (refused, unreachable).
        case connect
        /// The host name did not resolve.
        case dns
        /// The TLS handshake or certificate verification failed.
        case tls
        /// The client was shut down before the request completed.
        case shutdown
        /// The request could not be sent as given (bad URL, scheme, method or header).
        case invalidRequest
        /// The exchange broke after connecting (reset, malformed response, empty reply, ...).
        case transfer
    }

    /// The failure class.
    public var kind: Kind
    /// libcurl's `CURLcode`, or 0 when the error did not come from libcurl.
    public var curlCode: Int32
    /// A human-readable explanation (libcurl's error buffer when it had one).
    public var message: String
    /// The URL of the failed request.
    public var url: String

    /// Creates an error; public so fake clients in tests can fail like the real one.
    public init(kind: Kind, curlCode: Int32 = 0, message: String, url: String) {
        self.kind = kind
        self.curlCode = curlCode
        self.message = message
        self.url = url
    }

    /// `"<kind> error for <url>: <message> (curl code N)"`.
    public var description: String {
        let code = curlCode == 0 ? "" : " (curl code \(curlCode))"
        return "\(kind.rawValue) error for \(url): \(message)\(code)"
    }
}
