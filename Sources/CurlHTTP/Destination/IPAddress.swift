#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed IPv4 or IPv6 address, the unit the SSRF guard's range table (`delivery.md` §12) is checked against, and
/// what a request is pinned to (``HTTPRequest/pinnedAddress``). Parsed with `inet_pton` only, so the non-standard
/// IPv4 forms some resolvers accept (`127.1`, `0x7f.0.0.1`, `2130706433`) are not addresses here; the destination
/// rule reads those URL hosts itself and refuses them unless private targets are allowed.
public enum IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// An IPv4 address, most significant octet first in the high bits.
    case v4(UInt32)
    /// An IPv6 address as its 16 octets in network order.
    case v6([UInt8])

    /// `nil` unless `text` is a plain IPv4 dotted quad or an IPv6 address (no brackets, port or zone).
    public init?(_ text: String) {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            self = .v4(UInt32(bigEndian: v4.s_addr))
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        self = .v6(withUnsafeBytes(of: &v6) { Array($0) })
    }

    /// The canonical text form (`inet_ntop`), e.g. `::ffff:127.0.0.1` or `2001:db8::1`.
    public var description: String {
        switch self {
        case .v4(let value):
            return [24, 16, 8, 0].map { String((value >> UInt32($0)) & 0xFF) }.joined(separator: ".")
        case .v6(let bytes):
            var storage = in6_addr()
            withUnsafeMutableBytes(of: &storage) { raw in
                for index in 0..<16 { raw[index] = bytes[index] }
            }
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            guard inet_ntop(AF_INET6, &storage, &buffer, socklen_t(buffer.count)) != nil else { return "?" }
            return String(cString: buffer)
        }
    }

    /// The form a URL's host takes (an IPv6 address in brackets), as libcurl's `CURLOPT_CONNECT_TO` expects it.
    public var urlHost: String {
        switch self {
        case .v4: return description
        case .v6: return "[\(description)]"
        }
    }

    /// The IPv4 address carried inside an IPv6 one in the forms §12 names: IPv4-mapped `::ffff:a.b.c.d`,
    /// IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::a.b.c.d` and 6to4 `2002:AABB:CCDD::`; `nil` for IPv4 addresses and
    /// other IPv6 ones. The guard checks the embedded address with the IPv4 rules as well.
    public var embeddedIPv4: IPAddress? {
        guard case .v6(let bytes) = self else { return nil }
        func v4(at offset: Int) -> IPAddress {
            .v4(bytes[offset..<(offset + 4)].reduce(UInt32(0)) { ($0 << 8) | UInt32($1) })
        }
        let zeroPrefix = bytes[0..<10].allSatisfy { $0 == 0 }
        if zeroPrefix && bytes[10] == 0xFF && bytes[11] == 0xFF { return v4(at: 12) }
        if zeroPrefix && bytes[10] == 0 && bytes[11] == 0 { return v4(at: 12) }
        if bytes[0..<12] == [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0] { return v4(at: 12) }
        if bytes[0] == 0x20 && bytes[1] == 0x02 { return v4(at: 2) }
        return nil
    }
}
