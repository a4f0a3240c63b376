import Foundation
import Pollers
import Store
import Testing

@Suite struct ConnectorSpecTests {
    @Test func builtinSpecsDecodeAndResolveObjects() throws {
        let catalog = ConnectorCatalog.builtin()
        #expect(Set(catalog.specs.keys) == ["hubspot", "sandbox", "sandbox-offset", "unified"])
        let unified = try #require(catalog.spec("unified")?.object("crm_contact"))
        #expect(unified.path == "/crm/{connection_id}/contact")
        #expect(catalog.spec("unified")?.object("nounderscore") == nil)
        #expect(catalog.spec("sandbox")?.object("crm_lead") == nil)
    }

    @Test func badSpecFilesNameTheFieldAtFault() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("spec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.json")
        try Data(#"{"name":"x","objects":{"crm_contact":{"path":"/c","pagination":{"style":"pages"}}}}"#.utf8)
            .write(to: file)
        var catalog = ConnectorCatalog.builtin()
        #expect {
            try catalog.load(directory: dir.path)
        } throws: { error in
            let text = "\(error)"
            return text.contains("bad.json") && text.contains("pagination") && text.contains("pages")
        }
    }

    @Test(arguments: [
        (CursorFormat.iso8601, "2026-01-02T03:04:05Z"), (.iso8601Milliseconds, "2026-01-02T03:04:05.678Z"),
        (.iso8601Microseconds, "2026-01-02T03:04:05.678901Z"), (.epochSeconds, "1767323045"),
        (.epochMilliseconds, "1767323045678"),
    ])
    func cursorFormatsEchoTheProvidersOwnForm(format: CursorFormat, text: String) throws {
        let time = try #require(Timestamp(iso8601: "2026-01-02T03:04:05.678901Z"))
        #expect(format.format(time) == text)
        let parsed = try #require(format.parse(.string(text)))
        #expect(format.format(parsed) == text)
    }

    @Test func epochNumbersParseInTheDeclaredUnit() {
        #expect(CursorFormat.epochMilliseconds.parse(.number(1_767_323_045_678)) == Timestamp(milliseconds: 1_767_323_045_678))
        #expect(CursorFormat.epochSeconds.parse(.number(1_767_323_045)) == Timestamp(seconds: 1_767_323_045))
        #expect(CursorFormat.iso8601.parse(.number(1_767_323_045_678)) == Timestamp(milliseconds: 1_767_323_045_678))
    }

    /// A provider's out-of-range cursor value is no timestamp (the record is processed without moving the
    /// watermark), not a trap.
    @Test func epochNumbersNoTimestampCanHoldAreNil() {
        for format in [CursorFormat.epochSeconds, .epochMilliseconds, .iso8601] {
            #expect(format.parse(.number(1e300)) == nil)
            #expect(format.parse(.number(-1e300)) == nil)
            #expect(format.parse(.string("1e300")) == nil)
            #expect(format.parse(.number(9.3e18)) == nil)
        }
        #expect(CursorFormat.epochSeconds.parse(.number(9.3e12)) == nil)
        #expect(CursorFormat.epochSeconds.parse(.number(9e12)) != nil)
    }
}
