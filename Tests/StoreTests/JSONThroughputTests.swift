import Foundation
import Testing

@testable import Store

/// Parses and serializes ~5 MB of CRM-like records and prints the rates. Not a benchmark gate (debug builds and a
/// shared machine make the figures noisy), but it proves the round trip at size and shows the order of magnitude.
@Suite struct JSONThroughputTests {
    static func record(_ index: Int) -> String {
        """
        {"id":"\(100_000 + index)","properties":{"email":"user\(index)@example.com","firstname":"First\(index)",\
        "lastname":"Lästname \(index)","company":"Company \\"\(index % 97)\\" Ltd","phone":"+1 555 \(1000 + index % 9000)",\
        "createdate":"2024-01-\(10 + index % 18)T10:11:12.345Z","lastmodifieddate":"2025-03-04T05:06:07.\(100_000 + index % 899_999)Z",\
        "hs_object_id":\(index),"amount":\(JSWriter.numberText(Double(index) * 1.25)),"score":\(index % 100),\
        "active":\(index % 2 == 0),"notes":null,"tags":["a","b\\n","c\(index % 7)"],\
        "address":{"street":"\(index) Main St","city":"Springfield","zip":"\(10_000 + index % 89_999)"}},\
        "createdAt":"2024-01-01T00:00:00Z","updatedAt":"2025-01-01T00:00:00.000Z","archived":false}
        """
    }

    @Test func parsesAndSerializesFiveMegabytes() throws {
        var document: [UInt8] = [UInt8(ascii: "[")]
        var count = 0
        while document.count < 5_000_000, count < 100_000 {
            if count > 0 { document.append(UInt8(ascii: ",")) }
            document.append(contentsOf: Self.record(count).utf8)
            count += 1
        }
        document.append(UInt8(ascii: "]"))

        let clock = ContinuousClock()
        var value = JSONValue.null
        let parseTime = try clock.measure { value = try JSONParser.parse(document) }
        var output: [UInt8] = []
        let writeTime = clock.measure { output = JSWriter.serialize(value) }
        var canonicalCount = 0
        let canonicalTime = clock.measure { canonicalCount = CanonicalWriter.serialize(value).count }

        #expect(value.arrayValue?.count == count)
        #expect(output == document)
        #expect(canonicalCount == document.count)

        func rate(_ duration: Duration) -> String {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return String(format: "%.1f MB/s", Double(document.count) / max(seconds, 1e-9) / 1e6)
        }
        print("JSON throughput (\(count) records, \(document.count) bytes): parse \(rate(parseTime)), "
            + "JSWriter \(rate(writeTime)), CanonicalWriter \(rate(canonicalTime))")
    }
}
