/// The SSRF guard of `delivery.md` §12 for hook URLs: a static check when a webhook is saved, and a resolve-and-check
/// before every delivery whose result is pinned, so the request connects to exactly the address that was checked.
/// Redirects are never followed for deliveries (the deliverer sets that), so a receiver cannot bounce a request
/// to a refused address either.
public struct DestinationGuard: Sendable {
    /// Whether private, loopback, link-local and reserved targets are allowed (the demo, tests, internal
    /// receivers). Then only the URL's shape is checked. Never settable through the public API.
    public var allowPrivateTargets: Bool

    public init(allowPrivateTargets: Bool) {
        self.allowPrivateTargets = allowPrivateTargets
    }

    /// The save-time check: an absolute `http`/`https` URL with a host, no userinfo, a port in 1–65535 and none of
    /// the characters parsers disagree on; unless private targets are allowed, also no `localhost`/`*.localhost`
    /// host, no IPv4 address in a non-standard form (`127.1`), and no IP literal (IPv4, IPv6, IPv4-mapped and other
    /// IPv6 forms carrying an IPv4 address) in a refused range. Does no DNS lookup.
    /// - Returns: why the URL is refused, or `nil` when it may be saved.
    public func validate(url: String) -> DestinationRejection? {
        switch check(url) {
        case .success: return nil
        case .failure(let rejection): return rejection
        }
    }

    /// The delivery-time check: ``validate(url:)``, then (for a host name) one `getaddrinfo` lookup on a dedicated
    /// thread, off the cooperative pool; refuses if ANY resolved address is in a refused range (unless private
    /// targets are allowed). An IP literal is checked without a lookup.
    /// - Returns: the checked addresses and the one to pin with ``CurlHTTP/HTTPRequest/pinnedAddress``.
    /// - Throws: ``DestinationRejection`` of kind ``DestinationRejection/Kind/unresolvable`` when the lookup fails,
    ///   otherwise of the kind ``validate(url:)`` would give or ``DestinationRejection/Kind/refused``.
    public func resolve(url: String) async throws(DestinationRejection) -> ResolvedDestination {
        let parsed: DestinationURL
        switch check(url) {
        case .success(let value): parsed = value
        case .failure(let rejection): throw rejection
        }
        if let literal = parsed.literal {
            return ResolvedDestination(
                url: url, host: parsed.host, port: parsed.port, addresses: ["\(literal)"], pinnedAddress: "\(literal)")
        }
        let addresses: [IPAddress]
        switch await HostResolver.resolve(parsed.host) {
        case .success(let found): addresses = found
        case .failure(let failure):
            throw DestinationRejection(
                url: url, reason: "could not resolve \(parsed.host): \(failure.message)", kind: .unresolvable)
        }
        if !allowPrivateTargets {
            for address in addresses {
                if let refusal = RefusedRanges.refusal(for: address) {
                    throw DestinationRejection(
                        url: url, reason: "\(parsed.host) resolves to \(address): \(refusal)", kind: .refused)
                }
            }
        }
        return ResolvedDestination(
            url: url, host: parsed.host, port: parsed.port, addresses: addresses.map(\.description),
            pinnedAddress: allowPrivateTargets ? nil : addresses[0].description)
    }

    private func check(_ url: String) -> Result<DestinationURL, DestinationRejection> {
        let parsed: DestinationURL
        switch DestinationURL.parse(url) {
        case .success(let value): parsed = value
        case .failure(let rejection): return .failure(rejection)
        }
        guard !allowPrivateTargets else { return .success(parsed) }
        func refuse(_ reason: String) -> Result<DestinationURL, DestinationRejection> {
            .failure(DestinationRejection(url: url, reason: reason, kind: .refused))
        }
        if parsed.isLocalhostName { return refuse("\(parsed.host) is this machine") }
        if parsed.isNonStandardIPv4 { return refuse("\(parsed.host) is an IPv4 address in a non-standard form") }
        if let literal = parsed.literal, let refusal = RefusedRanges.refusal(for: literal) { return refuse(refusal) }
        return .success(parsed)
    }
}
