/// A target URL after the use-time check: every address its host resolved to passed the guard.
public struct ResolvedDestination: Sendable, Hashable {
    /// The URL as given.
    public var url: String
    /// The URL's scheme, normalised host and port; next links of a poll must stay on it.
    public var origin: DestinationOrigin
    /// Every address the host resolved to, in resolver order (one element for an IP literal); all were checked.
    public var addresses: [String]
    /// The address the request must connect to (``HTTPRequest/pinnedAddress``), so a second DNS lookup cannot rebind
    /// the host to a refused address. `nil` only when private targets are allowed and the host is a name: nothing is
    /// refused then, so libcurl resolves it itself and keeps its IPv4/IPv6 fallback.
    public var pinnedAddress: String?

    /// The URL's host, normalised (a lowercased name without trailing dots, or an address's text, IPv6 bare).
    public var host: String { origin.host }
    /// The URL's port (explicit or the scheme's default).
    public var port: Int { origin.port }
}
