/// The scheme, host and port of a target URL, each normalised by the destination rule's one parser: a provider's
/// next links are followed only on the origin of the connection's `api_url`, so its credential never goes elsewhere.
public struct DestinationOrigin: Hashable, Sendable, CustomStringConvertible {
    /// `http` or `https`.
    public var scheme: String
    /// The normalised host (``ResolvedDestination/host``).
    public var host: String
    /// The explicit port or the scheme's default, so `http://a` and `http://a:80` are one origin.
    public var port: Int

    /// The origin of `url`, or `nil` when the destination rule cannot parse it (``DestinationGuard/validate(url:)``
    /// says why).
    public init?(url: String) {
        guard case .success(let parsed) = DestinationURL.parse(url) else { return nil }
        self = parsed.origin
    }

    init(scheme: String, host: String, port: Int) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// `scheme://host:port`, an IPv6 host in brackets.
    public var description: String {
        "\(scheme)://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }
}
