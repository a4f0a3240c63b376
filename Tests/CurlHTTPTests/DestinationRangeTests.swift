@testable import CurlHTTP
import Testing

/// The refused-range table of delivery.md §12 as a pure function: edges of every block, the IPv6 forms that carry
/// an IPv4 address, and public addresses that must pass.
@Suite struct DestinationRangeTests {
    static let refused: [String] = [
        // IPv4, first and last address of each block where it matters
        "0.0.0.0", "0.255.255.255", "10.0.0.0", "10.255.255.255", "100.64.0.0", "100.127.255.255", "127.0.0.1",
        "127.255.255.254", "169.254.0.1", "169.254.169.254", "172.16.0.0", "172.31.255.255", "192.0.0.1",
        "192.0.0.255", "192.0.2.1", "192.88.99.1", "192.168.0.1", "192.168.255.255", "198.18.0.0", "198.19.255.255",
        "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.255", "240.0.0.1", "255.255.255.255",
        // IPv6
        "::", "::1", "fe80::1", "febf:ffff::1", "fc00::1", "fd00:ec2::254", "fdff:ffff::1", "ff02::1", "ff00::",
        "2001:db8::1", "2001:db8:ffff::1", "3fff::1", "3fff:fff::1", "100::1", "100::ffff:ffff:ffff:ffff",
        "2002:0808:0808::1", "64:ff9b::808:808", "64:ff9b:1::1", "5f00::1", "2001::1", "2001:0:ffff::1", "fec0::1",
        // IPv6 carrying a refused IPv4 address
        "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:169.254.169.254", "::127.0.0.1", "::10.0.0.1",
        "64:ff9b::7f00:1", "2002:7f00:1::",
    ]

    static let allowed: [String] = [
        "1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "126.255.255.255",
        "128.0.0.0", "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0", "192.0.1.0", "192.0.3.0",
        "192.88.98.255", "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0", "198.51.99.255",
        "203.0.112.255", "203.0.114.0", "223.255.255.255",
        "2606:4700:4700::1111", "2a00:1450:4001::1", "2001:db9::1", "2001:1::1", "fbff:ffff::1", "fe7f::1",
        "::ffff:8.8.8.8", "::8.8.8.8", "64:ff9c::1", "2003::1", "3fff:1000::1", "101::1", "5f01::1",
    ]

    @Test(arguments: refused) func refusedAddresses(_ text: String) throws {
        let address = try #require(IPAddress(text))
        #expect(RefusedRanges.refusal(for: address) != nil, "\(text) should be refused")
    }

    @Test(arguments: allowed) func allowedAddresses(_ text: String) throws {
        let address = try #require(IPAddress(text))
        #expect(RefusedRanges.refusal(for: address) == nil, "\(text) should be allowed")
    }

    @Test func parsingIsStrictInetPton() {
        let notAddresses = [
            "127.1", "0x7f.0.0.1", "2130706433", "017.0.0.1", "1.2.3.4.5", "256.0.0.1", "[::1]", "fe80::1%eth0", "",
            "localhost",
        ]
        for text in notAddresses {
            #expect(IPAddress(text) == nil, "\(text) is not an address")
        }
        #expect(IPAddress("10.1.2.3") == .v4(0x0A01_0203))
        #expect(IPAddress("::ffff:127.0.0.1")?.embeddedIPv4 == IPAddress("127.0.0.1"))
        #expect(IPAddress("2002:c000:0204::1")?.embeddedIPv4 == IPAddress("192.0.2.4"))
        #expect(IPAddress("64:ff9b::c000:204")?.embeddedIPv4 == IPAddress("192.0.2.4"))
        #expect(IPAddress("2606:4700::1")?.embeddedIPv4 == nil)
        #expect(IPAddress("8.8.8.8")?.embeddedIPv4 == nil)
        #expect(IPAddress("::FFFF:7F00:1")?.description == "::ffff:127.0.0.1")
        #expect(IPAddress("192.168.1.20")?.description == "192.168.1.20")
    }

    @Test func rangesMaskHostBitsAndRespectTheirFamily() throws {
        let range = try #require(IPRange("10.1.2.3/8"))
        #expect(range.description == "10.0.0.0/8")
        #expect(range.contains(try #require(IPAddress("10.200.0.1"))))
        #expect(!range.contains(try #require(IPAddress("11.0.0.0"))))
        #expect(!range.contains(try #require(IPAddress("::ffff:10.0.0.1"))))  // another family
        let odd = try #require(IPRange("fe80::/10"))
        #expect(odd.contains(try #require(IPAddress("febf::"))))
        #expect(!odd.contains(try #require(IPAddress("fec0::"))))
        #expect(try #require(IPRange("0.0.0.0/0")).contains(try #require(IPAddress("203.0.113.1"))))
        #expect(try #require(IPRange("::1/128")).contains(try #require(IPAddress("0:0:0:0:0:0:0:1"))))
        for bad in ["10.0.0.0", "10.0.0.0/33", "::/129", "10.0.0.0/-1", "x/8", "10.0.0.0/8/8"] {
            #expect(IPRange(bad) == nil, "\(bad) is not a range")
        }
    }

    @Test func everyBuiltInBlockIsRefusedAtItsFirstAndLastAddress() {
        for range in RefusedRanges.ipv4 {
            guard case .v4(let first) = range.network else { Issue.record("\(range) is not IPv4"); continue }
            let last = first | (range.prefixLength == 0 ? UInt32.max : (UInt32.max >> UInt32(range.prefixLength)))
            #expect(RefusedRanges.refusal(for: .v4(first)) != nil, "\(range) first")
            #expect(RefusedRanges.refusal(for: .v4(last)) != nil, "\(range) last")
        }
        for range in RefusedRanges.ipv6 {
            #expect(RefusedRanges.refusal(for: range.network) != nil, "\(range) first")
        }
        #expect(RefusedRanges.ipv4.count == 15)
        #expect(RefusedRanges.ipv6.count == 14)
    }
}
