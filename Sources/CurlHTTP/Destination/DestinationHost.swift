/// A URL's host in the one normal form the destination rule checks and compares, so two spellings of one host can
/// never get two answers (`localhost.` and `localhost..` are both `localhost`; `0177.0.0.1`, `127.1`, `0x7f.1` and
/// `2130706433` are all `127.0.0.1`).
///
/// The rule: ASCII only (an internationalised name is written in its `xn--` form, so no IDNA mapping can turn it into
/// another name later), lowercased, trailing dots dropped, no empty label, labels of at most 63 characters; a name
/// whose last label is a number is an IPv4 address in the WHATWG URL standard's forms (decimal, `0x` hex, `0` octal,
/// one to four parts) or no host at all; a bracketed host is an IPv6 address.
struct DestinationHost: Hashable, Sendable {
    /// The lowercased name without trailing dots, or the address's canonical text (IPv6 without brackets).
    var text: String
    /// The address when the host is an IP literal in any form.
    var address: IPAddress?
    /// Whether an IPv4 address was written in a form other than its plain dotted quad (`127.1`, `0x7f.0.0.1`,
    /// `2130706433`, `0177.0.0.1`, `127.0.0.1.`): parsers disagree on those, so they are refused unless private
    /// targets are allowed.
    var isNonStandardForm: Bool

    /// Whether the host is a name that always means this machine (`localhost`, `*.localhost`, RFC 6761).
    var isLocalhostName: Bool {
        address == nil && (text == "localhost" || text.hasSuffix(".localhost"))
    }

    /// Parses a host as it appears in a URL's authority (`bracketed`: it was written `[...]`).
    /// - Returns: the host, or why it is not one (a sentence fragment naming the host).
    static func parse(_ raw: Substring, bracketed: Bool) -> Result<DestinationHost, HostProblem> {
        func problem(_ reason: String) -> Result<DestinationHost, HostProblem> { .failure(HostProblem(reason: reason)) }
        guard !raw.isEmpty else { return problem("the URL has no host") }
        guard !raw.utf8.contains(UInt8(ascii: "%")) else { return problem("percent-encoding or a zone id in the host") }
        if bracketed {
            guard let address = IPAddress(String(raw)), case .v6 = address else {
                return problem("\"\(raw)\" is not an IPv6 address")
            }
            return .success(DestinationHost(text: address.description, address: address, isNonStandardForm: false))
        }
        guard raw.utf8.allSatisfy(Self.isHostByte) else {
            return problem(
                "the host \"\(raw)\" has a character other than letters, digits, \"-\", \"_\" and \".\" (write an "
                    + "internationalised name in its xn-- form)")
        }
        let lowered = raw.lowercased()
        var name = Substring(lowered)
        while name.hasSuffix(".") { name = name.dropLast() }
        guard !name.isEmpty else { return problem("the host \"\(raw)\" has no name, only dots") }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        if labels.contains(where: \.isEmpty) { return problem("the host \"\(raw)\" has an empty label") }
        if let long = labels.first(where: { $0.count > 63 }) {
            return problem("the host label \"\(long)\" is longer than 63 characters")
        }
        guard name.count <= 253 else { return problem("the host is longer than 253 characters") }
        guard let last = labels.last, IPv4Form.isNumber(last) else {
            return .success(DestinationHost(text: String(name), address: nil, isNonStandardForm: false))
        }
        guard let value = IPv4Form.parse(labels) else {
            return problem("the host \"\(raw)\" ends in a number but is not an IPv4 address")
        }
        let address = IPAddress.v4(value)
        let isPlain = lowered == address.description
        return .success(DestinationHost(text: address.description, address: address, isNonStandardForm: !isPlain))
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    /// Why a host was not accepted, a sentence fragment for ``DestinationRejection/reason``.
    struct HostProblem: Error {
        var reason: String
    }
}
