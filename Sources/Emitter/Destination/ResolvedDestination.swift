/// A hook URL after the delivery-time check: every address its host resolved to passed the guard.
public struct ResolvedDestination: Sendable, Hashable {
    /// The URL as given.
    public var url: String
    /// The URL's host, lowercased, without brackets.
    public var host: String
    /// The URL's port (explicit or the scheme's default).
    public var port: Int
    /// Every address the host resolved to, in resolver order (one element for an IP literal); all were checked.
    public var addresses: [String]
    /// The address the request must connect to (``CurlHTTP/HTTPRequest/pinnedAddress``), so a second DNS lookup
    /// cannot rebind the host to a refused address. `nil` only when private targets are allowed and the host is a
    /// name: nothing is refused then, so libcurl resolves it itself and keeps its IPv4/IPv6 fallback.
    public var pinnedAddress: String?
}
