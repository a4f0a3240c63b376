/// An outbound HTTP request with its own limits, so every call has a connect and a total timeout and a bounded
/// response size (`delivery.md` §3–§4).
public struct HTTPRequest: Sendable {
    /// The method token, sent as given (`GET`, `POST`, `PUT`, ...).
    public var method: String
    /// An absolute `http` or `https` URL; other schemes fail with `.invalidRequest`.
    public var url: String
    /// Extra request headers, sent in order after libcurl's own (`Host`, `User-Agent`); a header named here
    /// replaces libcurl's header of the same name.
    public var headers: [HTTPHeader]
    /// The request body, sent with a `Content-Length`; `nil` sends none (an empty body for `POST`).
    public var body: [UInt8]?
    /// Limit for DNS resolution plus the TCP (and TLS) handshake.
    public var connectTimeout: Duration
    /// Limit for the whole exchange: connect, request, response headers and the capped body read.
    public var timeout: Duration
    /// The most response-body bytes kept. When a body is longer, reading stops at the cap, the connection is closed
    /// instead of drained, and the response is returned with ``HTTPResponse/truncated`` set.
    public var maxResponseBytes: Int
    /// Whether 3xx responses with a `Location` are followed (at most 5 hops). Deliveries never follow: a 3xx is then
    /// returned as the response.
    public var followRedirects: Bool
    /// An IP address (v4 or v6, no brackets) to connect to instead of resolving the URL's host, or `nil` to resolve
    /// normally. For the SSRF guard (`delivery.md` §12): resolve once, check the address, then pin it here so a
    /// second lookup cannot rebind. The `Host` header, TLS SNI and certificate checks keep the URL's host. Applies to
    /// every host the request reaches, redirect targets included.
    public var pinnedAddress: String?

    /// Creates a request; the defaults are the delivery policy's (5 s connect, 15 s total, no redirects, 10 MiB).
    public init(
        method: String = "GET",
        url: String,
        headers: [HTTPHeader] = [],
        body: [UInt8]? = nil,
        connectTimeout: Duration = .seconds(5),
        timeout: Duration = .seconds(15),
        maxResponseBytes: Int = 10 << 20,
        followRedirects: Bool = false,
        pinnedAddress: String? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
        self.followRedirects = followRedirects
        self.pinnedAddress = pinnedAddress
    }
}
