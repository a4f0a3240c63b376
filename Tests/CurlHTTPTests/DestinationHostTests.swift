@testable import CurlHTTP
import Testing

/// The one host normalisation of the destination rule, as a table of forms: what each spelling of a host means
/// (its normal form), and whether it is refused, accepted only with private targets allowed, or accepted.
@Suite struct DestinationHostTests {
    enum Verdict: Sendable, CustomStringConvertible {
        /// Not a valid target whatever the setting.
        case invalid
        /// Accepted only when private targets are allowed; the normal host it means.
        case privateTarget(String)
        /// Accepted either way; the normal host it means.
        case accepted(String)

        var description: String {
            switch self {
            case .invalid: return "invalid"
            case .privateTarget(let host): return "private \(host)"
            case .accepted(let host): return "accepted \(host)"
            }
        }
    }

    static let longestLabel = String(repeating: "a", count: 63)

    static let forms: [(String, Verdict)] = [
        // Names: case, trailing dots (any number), empty labels.
        ("http://localhost/", .privateTarget("localhost")),
        ("http://localhost./", .privateTarget("localhost")),
        ("http://localhost../", .privateTarget("localhost")),
        ("http://LocalHost.../", .privateTarget("localhost")),
        ("http://api.LOCALHOST./", .privateTarget("api.localhost")),
        ("http://example.com/", .accepted("example.com")),
        ("http://Example.COM./", .accepted("example.com")),
        ("http://example.com../", .accepted("example.com")),
        ("http://a_b-c.example.com/", .accepted("a_b-c.example.com")),
        ("http://xn--bcher-kva.example/", .accepted("xn--bcher-kva.example")),
        ("http://example.1com/", .accepted("example.1com")),
        ("http://a..b/", .invalid),
        ("http://.example.com/", .invalid),
        ("http://./", .invalid),
        ("http://../", .invalid),
        ("http://localhost..evil/", .invalid),
        ("http://\(String(repeating: "a", count: 64)).example/", .invalid),
        ("http://\(longestLabel).example/", .accepted("\(longestLabel).example")),
        // Anything but ASCII letters, digits, "-", "_" and "." (IDNA could map these onto another name).
        ("http://ⓛocalhost/", .invalid),
        ("http://bücher.example/", .invalid),
        ("http://exa!mple.com/", .invalid),
        ("http://exa*mple.com/", .invalid),
        // IPv4 in every form a resolver reads: all mean an address, and only the dotted quad is plain.
        ("http://127.0.0.1/", .privateTarget("127.0.0.1")),
        ("http://127.1/", .privateTarget("127.0.0.1")),
        ("http://127.0.1/", .privateTarget("127.0.0.1")),
        ("http://0x7f.1/", .privateTarget("127.0.0.1")),
        ("http://0X7F.0.0.1/", .privateTarget("127.0.0.1")),
        ("http://2130706433/", .privateTarget("127.0.0.1")),
        ("http://0x7F000001/", .privateTarget("127.0.0.1")),
        ("http://0177.0.0.1/", .privateTarget("127.0.0.1")),
        ("http://017700000001/", .privateTarget("127.0.0.1")),
        ("http://127.0.0.1./", .privateTarget("127.0.0.1")),
        ("http://127.0.0.1../", .privateTarget("127.0.0.1")),
        ("http://0/", .privateTarget("0.0.0.0")),
        ("http://0x/", .privateTarget("0.0.0.0")),
        ("http://4294967295/", .privateTarget("255.255.255.255")),
        ("http://8.8.8.8/", .accepted("8.8.8.8")),
        // A public address in a non-standard form is still refused: parsers disagree on those.
        ("http://8.8.8.8./", .privateTarget("8.8.8.8")),
        ("http://0x08080808/", .privateTarget("8.8.8.8")),
        ("http://134744072/", .privateTarget("8.8.8.8")),
        ("http://010.010.010.010/", .privateTarget("8.8.8.8")),
        // Ends in a number but is no address.
        ("http://1.2.3.4.5/", .invalid),
        ("http://256.0.0.1/", .invalid),
        ("http://1.2.3.256/", .invalid),
        ("http://1.2.65536/", .invalid),
        ("http://4294967296/", .invalid),
        ("http://08.0.0.1/", .invalid),
        ("http://0x7g.0.0.1/", .invalid),
        ("http://example.123/", .invalid),
        ("http://example.0x1/", .invalid),
        // IPv6: brackets only, canonical text, embedded IPv4 checked.
        ("http://[::1]/", .privateTarget("::1")),
        ("http://[0:0:0:0:0:0:0:1]/", .privateTarget("::1")),
        ("http://[::FFFF:127.0.0.1]/", .privateTarget("::ffff:127.0.0.1")),
        ("http://[::ffff:7f00:1]/", .privateTarget("::ffff:127.0.0.1")),
        ("http://[2606:4700:4700:0:0:0:0:1111]/", .accepted("2606:4700:4700::1111")),
        ("http://[1.2.3.4]/", .invalid),
        ("http://[example.com]/", .invalid),
        ("http://[::1%25lo]/", .invalid),
    ]

    @Test(arguments: forms) func everyFormHasOneMeaning(_ url: String, _ verdict: Verdict) {
        let strict = DestinationGuard(allowPrivateTargets: false).validate(url: url)
        let lenient = DestinationGuard(allowPrivateTargets: true).validate(url: url)
        let parsed = DestinationURL.parse(url)
        switch verdict {
        case .invalid:
            #expect(strict?.kind == .invalidURL, "\(url): \(String(describing: strict))")
            #expect(lenient?.kind == .invalidURL, "\(url): \(String(describing: lenient))")
        case .privateTarget(let host):
            #expect(strict?.kind == .refused, "\(url): \(String(describing: strict))")
            #expect(lenient == nil, "\(url): \(String(describing: lenient))")
            #expect((try? parsed.get())?.host == host, "\(url): \(parsed)")
        case .accepted(let host):
            #expect(strict == nil, "\(url): \(String(describing: strict))")
            #expect(lenient == nil, "\(url): \(String(describing: lenient))")
            #expect((try? parsed.get())?.host == host, "\(url): \(parsed)")
        }
    }

    @Test func numericHostsResolveToTheAddressTheyMeanWithoutALookup() async throws {
        let lenient = DestinationGuard(allowPrivateTargets: true)
        for url in ["http://127.1:8080/", "http://0x7f000001:8080/", "http://0177.0.0.1.:8080/"] {
            let resolved = try await lenient.resolve(url: url)
            #expect(resolved.addresses == ["127.0.0.1"], "\(url)")
            #expect(resolved.pinnedAddress == "127.0.0.1", "\(url)")
            #expect(resolved.origin == DestinationOrigin(url: "http://127.0.0.1:8080/x"), "\(url)")
        }
    }

    @Test func originsCompareTheNormalForms() {
        func origin(_ url: String) -> DestinationOrigin? { DestinationOrigin(url: url) }
        #expect(origin("http://Example.COM./a") == origin("http://example.com:80/b?c"))
        #expect(origin("HTTPS://example.com../") == origin("https://example.com:443"))
        #expect(origin("http://127.1/") == origin("http://127.0.0.1:80/"))
        #expect(origin("http://[0::1]:8080/") == origin("http://[::1]:8080/x"))
        #expect(origin("http://example.com/") != origin("https://example.com/"))
        #expect(origin("http://example.com/") != origin("http://example.com:8080/"))
        #expect(origin("http://example.com/") != origin("http://api.example.com/"))
        #expect(origin("http://localhost:80/") != origin("http://127.0.0.1:80/"))
        #expect(origin("http://a..b/") == nil)
        #expect(origin("http://[::1]:8080/")?.description == "http://[::1]:8080")
    }

    @Test func aNameResolvingToARefusedAddressIsRefusedAfterTheLookup() throws {
        // The real resolver's answer for `localhost`, checked as the answer for any other name would be.
        let addresses = try HostResolver.lookup("localhost").get()
        let strict = DestinationGuard(allowPrivateTargets: false)
        do {
            try strict.check(resolved: addresses, of: "provider.example", url: "http://provider.example/")
            Issue.record("loopback addresses \(addresses) were accepted")
        } catch {
            #expect(error.kind == .refused)
            #expect(error.reason.contains("provider.example resolves to"), "\(error.reason)")
        }
        try DestinationGuard(allowPrivateTargets: true).check(
            resolved: addresses, of: "provider.example", url: "http://provider.example/")
    }
}
