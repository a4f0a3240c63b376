/// A CIDR block (`10.0.0.0/8`, `fc00::/7`) of one address family.
public struct IPRange: Hashable, Sendable, CustomStringConvertible {
    /// The first address of the block (host bits are cleared on creation).
    public let network: IPAddress
    /// Leading bits that must match: 0–32 for IPv4, 0–128 for IPv6.
    public let prefixLength: Int

    /// Parses `address/prefix`; `nil` when either part is malformed or the prefix is too long for the family.
    public init?(_ cidr: String) {
        let parts = cidr.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPAddress(String(parts[0])), let prefix = Int(parts[1]) else {
            return nil
        }
        let width: Int
        switch address {
        case .v4: width = 32
        case .v6: width = 128
        }
        guard (0...width).contains(prefix) else { return nil }
        self.prefixLength = prefix
        self.network = Self.masked(address, prefix)
    }

    /// Whether `address` is of the block's family and inside it.
    public func contains(_ address: IPAddress) -> Bool {
        switch (address, network) {
        case (.v4, .v4), (.v6, .v6): return Self.masked(address, prefixLength) == network
        default: return false
        }
    }

    public var description: String { "\(network)/\(prefixLength)" }

    private static func masked(_ address: IPAddress, _ prefix: Int) -> IPAddress {
        switch address {
        case .v4(let value):
            let mask: UInt32 = prefix == 0 ? 0 : UInt32.max << UInt32(32 - prefix)
            return .v4(value & mask)
        case .v6(let bytes):
            return .v6(
                bytes.enumerated().map { index, byte in
                    let bits = min(8, max(0, prefix - index * 8))
                    return bits == 0 ? 0 : byte & UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                })
        }
    }
}
