import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A textual IPv4 or IPv6 address, checked with `inet_pton`.
struct IPAddressLiteral {
    /// The address as given.
    var text: String
    var isIPv6: Bool

    /// `nil` unless `text` is a plain IPv4 or IPv6 address (no brackets, port or zone).
    init?(_ text: String) {
        var storage = in6_addr()
        if inet_pton(AF_INET, text, &storage) == 1 {
            isIPv6 = false
        } else if inet_pton(AF_INET6, text, &storage) == 1 {
            isIPv6 = true
        } else {
            return nil
        }
        self.text = text
    }

    /// The form libcurl expects where a host goes (IPv6 in brackets).
    var urlHost: String {
        isIPv6 ? "[\(text)]" : text
    }
}
