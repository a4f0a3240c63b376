import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves host names with `getaddrinfo`, which blocks: each lookup runs on its own short-lived thread, never on
/// the cooperative pool, and the awaiting task is resumed with the result. A cancelled task still waits for the
/// lookup (getaddrinfo cannot be interrupted); its timeout is the system resolver's.
enum HostResolver {
    /// The outcome of one lookup: the addresses (deduplicated, resolver order) or the resolver's message.
    typealias Outcome = Result<[IPAddress], ResolutionFailure>

    struct ResolutionFailure: Error {
        var message: String
    }

    static func resolve(_ host: String) async -> Outcome {
        await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
            let thread = Thread {
                continuation.resume(returning: lookup(host))
            }
            thread.name = "vhooks-dns"
            thread.stackSize = 256 << 10
            thread.start()
        }
    }

    /// The blocking lookup: TCP stream addresses of both families.
    static func lookup(_ host: String) -> Outcome {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0 else {
            return .failure(ResolutionFailure(message: String(cString: gai_strerror(status))))
        }
        defer { freeaddrinfo(list) }
        var addresses: [IPAddress] = []
        var node = list
        while let entry = node?.pointee {
            if let address = entry.ai_addr.flatMap(Self.address(of:)), !addresses.contains(address) {
                addresses.append(address)
            }
            node = entry.ai_next
        }
        guard !addresses.isEmpty else { return .failure(ResolutionFailure(message: "no addresses")) }
        return .success(addresses)
    }

    private static func address(of socketAddress: UnsafeMutablePointer<sockaddr>) -> IPAddress? {
        switch Int32(socketAddress.pointee.sa_family) {
        case AF_INET:
            return socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                .v4(UInt32(bigEndian: $0.pointee.sin_addr.s_addr))
            }
        case AF_INET6:
            return socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                var storage = $0.pointee.sin6_addr
                return .v6(withUnsafeBytes(of: &storage) { Array($0) })
            }
        default:
            return nil
        }
    }
}
