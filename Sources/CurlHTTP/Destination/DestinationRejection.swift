/// Why a target URL (a hook URL, a provider `api_url` or next link) may not be saved or called (`delivery.md` §12),
/// naming the URL.
public struct DestinationRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is, so callers can answer 400 for ``invalidURL`` and ``refused`` and keep
    /// ``unresolvable`` (a DNS failure, possibly transient) apart at use.
    public enum Kind: String, Sendable, Hashable {
        /// Not an absolute http(s) URL with a host, no userinfo and a valid port.
        case invalidURL = "invalid_url"
        /// The host is, or resolves to, an address in a refused range, or is a `localhost` name.
        case refused
        /// The host name did not resolve to any address.
        case unresolvable
    }

    /// The URL as given.
    public var url: String
    /// A readable explanation (`10.0.0.5 is in the refused range 10.0.0.0/8`).
    public var reason: String
    /// The category of the problem.
    public var kind: Kind

    public init(url: String, reason: String, kind: Kind) {
        self.url = url
        self.reason = reason
        self.kind = kind
    }

    /// The advice for a ``Kind/refused`` target, for messages that name the setting.
    public static let privateTargetsHint =
        "private, loopback, link-local and reserved targets need the server's --allow-private-targets"

    public var description: String { "destination \(url) refused: \(reason)" }
}
