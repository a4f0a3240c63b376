/// The parts of a hook URL the guard checks, parsed strictly: anything libcurl or a receiver could read differently
/// (backslashes, whitespace, control characters, userinfo, zone ids) is refused rather than guessed at.
struct DestinationURL: Sendable {
    /// `http` or `https`, lowercased.
    var scheme: String
    /// The host, lowercased, without brackets (an IPv6 literal is bare).
    var host: String
    /// The explicit port, or the scheme's default.
    var port: Int
    /// The host parsed as an address when it is an IP literal.
    var literal: IPAddress?

    static func parse(_ url: String) -> Result<DestinationURL, DestinationRejection> {
        func reject(_ reason: String) -> Result<DestinationURL, DestinationRejection> {
            .failure(DestinationRejection(url: url, reason: reason, kind: .invalidURL))
        }
        guard !url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) else {
            return reject("the URL contains whitespace, a control character or a backslash")
        }
        guard let separator = url.range(of: "://") else { return reject("not an absolute URL") }
        let scheme = url[..<separator.lowerBound].lowercased()
        let defaultPort: Int
        switch scheme {
        case "http": defaultPort = 80
        case "https": defaultPort = 443
        default: return reject("scheme \"\(scheme)\" is not http or https")
        }
        let rest = url[separator.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.contains("@") else { return reject("the URL has userinfo (credentials before the host)") }
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return reject("unterminated IPv6 address") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return reject("unexpected text after the IPv6 address") }
                portText = after.dropFirst()
            }
            guard case .v6 = IPAddress(String(host)) else { return reject("\"\(host)\" is not an IPv6 address") }
        } else {
            if let colon = authority.lastIndex(of: ":") {
                host = authority[..<colon]
                portText = authority[authority.index(after: colon)...]
            } else {
                host = authority
            }
            guard !host.contains(":"), !host.contains("["), !host.contains("]") else {
                return reject("malformed host \"\(host)\"")
            }
        }
        guard !host.isEmpty else { return reject("the URL has no host") }
        guard !host.contains("%") else { return reject("percent-encoding or a zone id in the host") }
        var port = defaultPort
        if let portText {
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy(\.isASCII), let value = Int(portText),
                (1...65535).contains(value)
            else { return reject("port \"\(portText)\" is not between 1 and 65535") }
            port = value
        }
        let lowered = host.lowercased()
        return .success(DestinationURL(scheme: scheme, host: lowered, port: port, literal: IPAddress(lowered)))
    }

    /// Whether the host is a name that always means this machine (`localhost`, `*.localhost`, RFC 6761), with or
    /// without a trailing dot.
    var isLocalhostName: Bool {
        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        return name == "localhost" || name.hasSuffix(".localhost")
    }

    /// Whether the host looks like an IPv4 address in a form `inet_pton` refuses but resolvers accept (`127.1`,
    /// `0x7f.1`, `2130706433`): the WHATWG rule, the last label is numeric (no top-level domain starts with a digit).
    var isNonStandardIPv4: Bool {
        guard literal == nil else { return false }
        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        guard let last = name.split(separator: ".", omittingEmptySubsequences: false).last, let first = last.first
        else { return false }
        return first.isASCII && first.isNumber
    }
}
