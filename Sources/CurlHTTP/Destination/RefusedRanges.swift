/// The address table of `delivery.md` §12 (Svix's list plus Teredo and site-local): special-purpose, private,
/// loopback, link-local, documentation, multicast and reserved blocks no outbound request (delivery or poll) may
/// reach unless the server allows private targets.
public enum RefusedRanges {
    /// IPv4 blocks (`240.0.0.0/4` includes `255.255.255.255`).
    public static let ipv4: [IPRange] = parse([
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
        "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
        "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
    ])

    /// IPv6 blocks. IPv4-mapped, IPv4-compatible, NAT64 and 6to4 addresses are also checked through their embedded
    /// IPv4 address (``IPAddress/embeddedIPv4``).
    public static let ipv6: [IPRange] = parse([
        "::/128", "::1/128", "fe80::/10", "fc00::/7", "ff00::/8", "2001:db8::/32", "3fff::/20", "100::/64",
        "2002::/16", "64:ff9b::/96", "64:ff9b:1::/48", "5f00::/16", "2001::/32", "fec0::/10",
    ])

    /// The first refused block containing `address` (or, for an IPv6 address carrying an IPv4 one, the IPv4 block
    /// containing that), described for an error message; `nil` when the address may be reached.
    public static func refusal(for address: IPAddress) -> String? {
        switch address {
        case .v4:
            return ipv4.first { $0.contains(address) }.map { "\(address) is in the refused range \($0)" }
        case .v6:
            if let embedded = address.embeddedIPv4, let range = ipv4.first(where: { $0.contains(embedded) }) {
                return "\(address) carries \(embedded), which is in the refused range \(range)"
            }
            return ipv6.first { $0.contains(address) }.map { "\(address) is in the refused range \($0)" }
        }
    }

    private static func parse(_ blocks: [String]) -> [IPRange] {
        blocks.map { block in
            guard let range = IPRange(block) else { preconditionFailure("malformed built-in range \(block)") }
            return range
        }
    }
}
