/// The parts of a target URL (a hook URL, a provider's `api_url` or next link) the destination rule checks, parsed
/// strictly: anything libcurl or a receiver could read differently (backslashes, whitespace, control characters,
/// userinfo, zone ids, non-ASCII or empty host labels) is refused rather than guessed at. The one parser of targets.
struct DestinationURL: Sendable {
    /// `http` or `https`, lowercased.
    var scheme: String
    /// The host in its normal form (``DestinationHost``).
    var hostForm: DestinationHost
    /// The explicit port, or the scheme's default.
    var port: Int

    /// The normalised host: a lowercased name without trailing dots, or an address's canonical text (IPv6 bare).
    var host: String { hostForm.text }
    /// The host as an address when it is an IP literal in any form.
    var literal: IPAddress? { hostForm.address }
    /// The scheme, normalised host and port: what "the same origin" compares.
    var origin: DestinationOrigin { DestinationOrigin(scheme: scheme, host: host, port: port) }

    static func parse(_ url: String) -> Result<DestinationURL, DestinationRejection> {
        func reject(_ reason: String) -> Result<DestinationURL, DestinationRejection> {
            .failure(DestinationRejection(url: url, reason: reason, kind: .invalidURL))
        }
        guard !url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) else {
            return reject("the URL contains whitespace, a control character or a backslash")
        }
        guard let separator = Self.schemeSeparator(in: url) else { return reject("not an absolute URL") }
        let scheme = url[..<separator.lowerBound].lowercased()
        let defaultPort: Int
        switch scheme {
        case "http": defaultPort = 80
        case "https": defaultPort = 443
        default: return reject("scheme \"\(scheme)\" is not http or https")
        }
        let rest = url[separator.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.utf8.contains(UInt8(ascii: "@")) else { return reject("the URL has userinfo (credentials before the host)") }
        var rawHost: Substring
        var portText: Substring?
        let bracketed = authority.hasPrefix("[")
        if bracketed {
            guard let close = authority.firstIndex(of: "]") else { return reject("unterminated IPv6 address") }
            rawHost = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return reject("unexpected text after the IPv6 address") }
                portText = after.dropFirst()
            }
        } else {
            if let colon = authority.lastIndex(of: ":") {
                rawHost = authority[..<colon]
                portText = authority[authority.index(after: colon)...]
            } else {
                rawHost = authority
            }
            // By bytes: `contains` with a string argument is Foundation's search, which showed in the idle profile.
            guard !rawHost.utf8.contains(where: Self.isHostDelimiter) else {
                return reject("malformed host \"\(rawHost)\"")
            }
        }
        let host: DestinationHost
        switch DestinationHost.parse(rawHost, bracketed: bracketed) {
        case .success(let value): host = value
        case .failure(let problem): return reject(problem.reason)
        }
        var port = defaultPort
        if let portText {
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy(\.isASCII), let value = Int(portText),
                (1...65535).contains(value)
            else { return reject("port \"\(portText)\" is not between 1 and 65535") }
            port = value
        }
        return .success(DestinationURL(scheme: scheme, hostForm: host, port: port))
    }

    /// `:`, `[` or `]`, which a host outside brackets never holds.
    private static func isHostDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ":") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
    }

    /// Where the first `://` is, found by bytes (a Foundation search per request showed in the idle profile).
    private static func schemeSeparator(in url: String) -> Range<String.Index>? {
        let bytes = url.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            if bytes[index] == UInt8(ascii: ":") {
                let slash1 = bytes.index(after: index)
                if slash1 != bytes.endIndex, bytes[slash1] == UInt8(ascii: "/") {
                    let slash2 = bytes.index(after: slash1)
                    if slash2 != bytes.endIndex, bytes[slash2] == UInt8(ascii: "/") {
                        return index..<bytes.index(after: slash2)
                    }
                }
            }
            index = bytes.index(after: index)
        }
        return nil
    }
}
