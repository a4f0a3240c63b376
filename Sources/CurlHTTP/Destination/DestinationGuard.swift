/// The destination rule (`delivery.md` §12) for every outbound request a user's data can aim: hook URLs, a
/// connection's provider `api_url` and the next links a provider returns. A static check when a target is saved or
/// re-checked at start-up, and a resolve-and-check before use whose result is pinned, so the request connects to
/// exactly the address that was checked. Redirects are not followed by deliveries or polls, so a server cannot
/// bounce a request to a refused address either.
public struct DestinationGuard: Sendable {
    /// Whether private, loopback, link-local and reserved targets are allowed (the demo, tests, internal
    /// receivers). Then only the URL's shape is checked. Never settable through the public API.
    public var allowPrivateTargets: Bool

    public init(allowPrivateTargets: Bool) {
        self.allowPrivateTargets = allowPrivateTargets
    }

    /// The save-time check: an absolute `http`/`https` URL with a host in the normal form of ``DestinationHost``
    /// (ASCII, no empty label), no userinfo, a port in 1–65535 and none of the characters parsers disagree on;
    /// unless private targets are allowed, also no `localhost`/`*.localhost` host, no IPv4 address in a non-standard
    /// form (`127.1`, `0177.0.0.1`), and no IP literal (IPv4, IPv6, IPv4-mapped and other IPv6 forms carrying an IPv4
    /// address) in a refused range. Does no DNS lookup.
    /// - Returns: why the URL is refused, or `nil` when it may be saved.
    public func validate(url: String) -> DestinationRejection? {
        switch check(url) {
        case .success: return nil
        case .failure(let rejection): return rejection
        }
    }

    /// The use-time check: ``validate(url:)``, then (for a host name) one `getaddrinfo` lookup on a dedicated
    /// thread, off the cooperative pool; refuses if ANY resolved address is in a refused range (unless private
    /// targets are allowed). An IP literal, in any form, is checked without a lookup.
    /// - Returns: the checked addresses and the one to pin with ``HTTPRequest/pinnedAddress``.
    /// - Throws: ``DestinationRejection`` of kind ``DestinationRejection/Kind/unresolvable`` when the lookup fails,
    ///   otherwise of the kind ``validate(url:)`` would give or ``DestinationRejection/Kind/refused``.
    public func resolve(url: String) async throws(DestinationRejection) -> ResolvedDestination {
        let parsed: DestinationURL
        switch check(url) {
        case .success(let value): parsed = value
        case .failure(let rejection): throw rejection
        }
        if let literal = parsed.literal { return Self.literalDestination(url: url, parsed: parsed, address: literal) }
        let addresses: [IPAddress]
        switch await HostResolver.resolve(parsed.host) {
        case .success(let found): addresses = found
        case .failure(let failure):
            throw DestinationRejection(
                url: url, reason: "could not resolve \(parsed.host): \(failure.message)", kind: .unresolvable)
        }
        try check(resolved: addresses, of: parsed.host, url: url)
        return ResolvedDestination(
            url: url, origin: parsed.origin, addresses: addresses.map(\.description),
            pinnedAddress: allowPrivateTargets ? nil : addresses[0].description)
    }

    /// ``resolve(url:)`` when it needs no lookup (an IP literal host, or a URL it refuses): the same answer
    /// every time for the same URL, so a caller may keep it for as long as the URL does not change.
    /// - Returns: `nil` when the host is a name, whose addresses must be looked up at each use.
    public func resolveWithoutLookup(url: String) -> Result<ResolvedDestination, DestinationRejection>? {
        switch check(url) {
        case .failure(let rejection): return .failure(rejection)
        case .success(let parsed):
            guard let literal = parsed.literal else { return nil }
            return .success(Self.literalDestination(url: url, parsed: parsed, address: literal))
        }
    }

    private static func literalDestination(url: String, parsed: DestinationURL, address: IPAddress)
        -> ResolvedDestination
    {
        ResolvedDestination(url: url, origin: parsed.origin, addresses: ["\(address)"], pinnedAddress: "\(address)")
    }

    /// The after-lookup half of ``resolve(url:)``: refuses when any address `host` resolved to is in a refused range.
    func check(resolved addresses: [IPAddress], of host: String, url: String) throws(DestinationRejection) {
        guard !allowPrivateTargets else { return }
        for address in addresses {
            if let refusal = RefusedRanges.refusal(for: address) {
                throw DestinationRejection(
                    url: url, reason: "\(host) resolves to \(address): \(refusal)", kind: .refused)
            }
        }
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
        let host = parsed.hostForm
        if host.isLocalhostName { return refuse("\(host.text) is this machine") }
        if host.isNonStandardForm, let address = host.address {
            return refuse("the host is \(address) written in a non-standard IPv4 form")
        }
        if let literal = host.address, let refusal = RefusedRanges.refusal(for: literal) { return refuse(refusal) }
        return .success(parsed)
    }
}
