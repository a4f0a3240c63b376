import Foundation

/// The save-time URL rules for `hook_url` and `auth.api_url` (delivery.md §12, the part decidable without DNS):
/// http or https with a host, and, unless private targets are allowed, no `localhost` host and no literal IP in a
/// private, loopback, link-local, unspecified or otherwise reserved range. The emitter checks the resolved address
/// again at every connection.
struct TargetURLRule {
    var allowPrivateTargets: Bool

    /// `nil` when `text` passes, else why it does not.
    func problem(with text: String) -> String? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { return "must be an http:// or https:// URL" }
        guard var host = url.host, !host.isEmpty else { return "must be an http:// or https:// URL with a host" }
        if allowPrivateTargets { return nil }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered.hasSuffix(".localhost") {
            return "must not point at localhost (start the server with --allow-private-targets to allow it)"
        }
        if let octets = Self.ipv4(lowered), Self.isReserved(ipv4: octets) {
            return "must not point at a private, loopback, link-local or reserved address (\(host))"
        }
        if let bytes = Self.ipv6(lowered), Self.isReserved(ipv6: bytes) {
            return "must not point at a private, loopback, link-local or reserved address (\(host))"
        }
        return nil
    }

    static func ipv4(_ text: String) -> [UInt8]? {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    static func ipv6(_ text: String) -> [UInt8]? {
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    static func isReserved(ipv4 o: [UInt8]) -> Bool {
        switch (o[0], o[1]) {
        case (0, _), (10, _), (127, _), (169, 254), (192, 168), (255, _): return true
        case (172, 16...31), (100, 64...127), (198, 18...19): return true
        case (192, 0) where o[2] == 0 || o[2] == 2: return true
        case (198, 51) where o[2] == 100, (203, 0) where o[2] == 113: return true
        default: return o[0] >= 224
        }
    }

    static func isReserved(ipv6 b: [UInt8]) -> Bool {
        if b[0..<15].allSatisfy({ $0 == 0 }) && (b[15] == 0 || b[15] == 1) { return true }  // :: and ::1
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xff && b[11] == 0xff {  // IPv4-mapped
            return isReserved(ipv4: Array(b[12..<16]))
        }
        if b[0] & 0xfe == 0xfc { return true }  // fc00::/7 unique local
        if b[0] == 0xfe && b[1] & 0xc0 == 0x80 { return true }  // fe80::/10 link-local
        if b[0] == 0xff { return true }  // multicast
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8 { return true }  // documentation
        return false
    }
}
