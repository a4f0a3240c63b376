@testable import CurlHTTP
import Testing

/// `DestinationGuard.validate(url:)` (save time, no DNS) and `resolve(url:)` with loopback names and literals only.
@Suite struct DestinationGuardTests {
    static let strict = DestinationGuard(allowPrivateTargets: false)
    static let lenient = DestinationGuard(allowPrivateTargets: true)

    /// Refused whatever the setting: not an http(s) URL with a host, userinfo, a bad port, ambiguous characters.
    static let malformed: [String] = [
        "", "example.com/hook", "//example.com/hook", "ftp://example.com/hook", "file:///etc/passwd",
        "javascript://example.com", "gopher://example.com:70/", "http://", "http:///hook", "https://:443/hook",
        "http://user:pass@example.com/hook", "http://user@example.com/", "http://example.com@evil.example/",
        "http://example.com:0/", "http://example.com:65536/", "http://example.com:-1/", "http://example.com:80a/",
        "http://example.com:/", "http://exa mple.com/", "http://example.com\\@127.0.0.1/", "http://example.com/\n",
        "http://[::1/", "http://[example.com]/", "http://[::1]x/", "http://[fe80::1%25eth0]/", "http://exa%6dple.com/",
        "http://a:b:c/", "http://example.com:999999/",
    ]

    /// Accepted only when private targets are allowed.
    static let privateTargets: [String] = [
        "http://localhost/hook", "http://LOCALHOST:8080/hook", "http://localhost./", "http://api.localhost/",
        "http://127.0.0.1:8282/hook", "http://127.1/", "http://2130706433/", "http://0x7f.0.0.1/",
        "http://10.0.0.5/", "https://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/",
        "http://[::1]:8080/", "http://[::]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/",
        "http://[fd00:ec2::254]/", "http://[fe80::1]/", "http://[64:ff9b::a00:1]/", "http://[2001:db8::1]/",
        "http://255.255.255.255/", "http://224.0.0.1/", "http://100.64.0.1/",
    ]

    /// Always accepted at save time.
    static let publicTargets: [String] = [
        "https://example.com/hook", "http://example.com", "https://hooks.example.com:8443/a/b?c=d#e",
        "HTTPS://Example.COM/x", "https://8.8.8.8/hook", "https://[2606:4700:4700::1111]/hook",
        "https://[::ffff:8.8.8.8]:443/", "http://example.com:65535/", "http://example.com:1/",
        "https://xn--bcher-kva.example/",
        "https://example.com?query@thing", "https://example.com#frag@x",
    ]

    @Test(arguments: malformed) func malformedURLsAreRefusedWhateverTheSetting(_ url: String) {
        let rejection = Self.strict.validate(url: url)
        #expect(rejection?.kind == .invalidURL, "\(url): \(String(describing: rejection))")
        #expect(rejection?.url == url)
        #expect(Self.lenient.validate(url: url)?.kind == .invalidURL, "\(url)")
    }

    @Test(arguments: privateTargets) func privateTargetsAreRefusedUnlessAllowed(_ url: String) {
        let rejection = Self.strict.validate(url: url)
        #expect(rejection?.kind == .refused, "\(url): \(String(describing: rejection))")
        #expect(Self.lenient.validate(url: url) == nil, "\(url)")
    }

    @Test(arguments: publicTargets) func publicTargetsAreAccepted(_ url: String) {
        #expect(Self.strict.validate(url: url) == nil, "\(url)")
        #expect(Self.lenient.validate(url: url) == nil, "\(url)")
    }

    @Test func rejectionsNameTheURLAndTheReason() throws {
        let rejection = try #require(Self.strict.validate(url: "http://10.1.2.3:8080/hook"))
        #expect(rejection.description.contains("http://10.1.2.3:8080/hook"))
        #expect(rejection.reason.contains("10.0.0.0/8"))
        let mapped = try #require(Self.strict.validate(url: "http://[::ffff:169.254.169.254]/"))
        #expect(mapped.reason.contains("169.254.0.0/16"))
    }

    @Test func literalsResolveWithoutALookupAndArePinned() async throws {
        let v4 = try await Self.strict.resolve(url: "https://8.8.8.8:8443/hook")
        #expect(v4.addresses == ["8.8.8.8"])
        #expect(v4.pinnedAddress == "8.8.8.8")
        #expect(v4.port == 8443)
        let v6 = try await Self.lenient.resolve(url: "http://[::1]:8080/hook")
        #expect(v6.host == "::1")
        #expect(v6.pinnedAddress == "::1")
        let loopback = try await Self.lenient.resolve(url: "http://127.0.0.1/hook")
        #expect(loopback.pinnedAddress == "127.0.0.1")
        #expect(loopback.port == 80)
    }

    /// The lookup-free answer a poller keeps per connection is the full resolution's for a literal or a refused URL,
    /// and absent for a host name, which must be looked up at each use.
    @Test func theLookupFreeAnswerMatchesTheResolutionAndSkipsNames() async throws {
        for (guardian, url) in [
            (Self.strict, "https://8.8.8.8:8443/hook"), (Self.lenient, "http://127.0.0.1:9/list"),
            (Self.lenient, "http://[::1]:8080/"),
        ] {
            let kept = try #require(guardian.resolveWithoutLookup(url: url), "\(url)")
            #expect(try kept.get() == (try await guardian.resolve(url: url)), "\(url)")
        }
        for url in ["http://127.0.0.1:9/hook", "ftp://8.8.8.8/", "http://[::ffff:127.0.0.1]:9/"] {
            let kept = try #require(Self.strict.resolveWithoutLookup(url: url), "\(url)")
            #expect(throws: DestinationRejection.self, "\(url)") { try kept.get() }
        }
        #expect(Self.lenient.resolveWithoutLookup(url: "http://localhost:9/hook") == nil)
        #expect(Self.strict.resolveWithoutLookup(url: "https://example.com/hook") == nil)
    }

    @Test func loopbackIsRefusedAtResolutionUnlessAllowed() async throws {
        for url in ["http://127.0.0.1:9/hook", "http://[::1]:9/hook", "http://localhost:9/hook"] {
            await #expect(throws: DestinationRejection.self, "\(url)") {
                try await Self.strict.resolve(url: url)
            }
        }
        do {
            _ = try await Self.strict.resolve(url: "http://[::ffff:127.0.0.1]:9/")
            Issue.record("an IPv4-mapped loopback address was accepted")
        } catch {
            #expect(error.kind == .refused)
        }
    }

    @Test func localhostResolvesToLoopbackWhenAllowed() async throws {
        let resolved = try await Self.lenient.resolve(url: "http://localhost:9/hook")
        #expect(!resolved.addresses.isEmpty)
        #expect(resolved.addresses.allSatisfy { $0 == "127.0.0.1" || $0 == "::1" })
        // Private targets allowed and a name: libcurl resolves it itself (keeps its IPv4/IPv6 fallback).
        #expect(resolved.pinnedAddress == nil)
        // Every address it resolves to is refused by the table.
        for address in resolved.addresses {
            #expect(RefusedRanges.refusal(for: try #require(IPAddress(address))) != nil)
        }
    }

    @Test func theBlockingLookupFindsLoopback() throws {
        let addresses = try HostResolver.lookup("localhost").get()
        let v6Loopback = try #require(IPAddress("::1"))
        #expect(addresses.contains(.v4(0x7F00_0001)) || addresses.contains(v6Loopback))
    }
}
