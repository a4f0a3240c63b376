import Testing

@testable import Store

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws(JSONParseError) -> JSONValue { try JSONParser.parse(text) }

    @Test func parsesScalarsAndContainers() throws {
        #expect(try parse("null") == .null)
        #expect(try parse(" true ") == .bool(true))
        #expect(try parse("\n\t\r false") == .bool(false))
        #expect(try parse("\"\"") == .string(""))
        #expect(try parse("-12.5e1") == .number(-125))
        #expect(try parse("[]") == .array([]))
        #expect(try parse("{ }") == .object([]))
        let value = try parse(#" { "z" : [1, "two", {"x": null}], "a": {"k": [true, false]} } "#)
        #expect(value == .object([
            ("z", .array([.number(1), .string("two"), .object([("x", .null)])])),
            ("a", .object([("k", .array([.bool(true), .bool(false)]))])),
        ]))
    }

    @Test func keepsKeysInDocumentOrder() throws {
        let value = try parse(#"{"b":1,"a":2,"10":3,"2":4}"#)
        #expect(value.objectMembers?.map(\.0) == ["b", "a", "10", "2"])
    }

    @Test func duplicateKeysKeepFirstPositionAndLastValue() throws {
        let value = try parse(#"{"a":1,"b":2,"a":3,"c":{"x":1,"x":[2]}}"#)
        #expect(value == .object([("a", .number(3)), ("b", .number(2)), ("c", .object([("x", .array([.number(2)]))]))]))
        #expect(JSWriter.string(value) == #"{"a":3,"b":2,"c":{"x":[2]}}"#)
    }

    @Test func duplicateKeysInLargeObjects() throws {
        // Past the linear-scan limit the parser looks duplicates up in a table; the result must not change.
        var text = "{"
        for index in 0..<200 { text += "\"k\(index)\":\(index)," }
        text += "\"k5\":\"five\",\"k150\":\"hundred-fifty\",\"k199\":true,\"new\":0}"
        let members = try #require(try parse(text).objectMembers)
        #expect(members.count == 201)
        #expect(members[5].0 == "k5" && members[5].1 == .string("five"))
        #expect(members[150].0 == "k150" && members[150].1 == .string("hundred-fifty"))
        #expect(members[199].1 == .bool(true))
        #expect(members[200].0 == "new")
    }

    @Test func keysAreComparedByBytesNotByUnicodeEquivalence() throws {
        // "é" precomposed and "e" + combining acute are equal Swift strings but distinct JavaScript keys.
        let value = try parse("{\"\u{E9}\":1,\"e\u{301}\":2}")
        let members = try #require(value.objectMembers)
        #expect(members.count == 2)
        #expect(Array(members[0].0.utf8) == [0xC3, 0xA9])
        #expect(Array(members[1].0.utf8) == [0x65, 0xCC, 0x81])
    }

    @Test func escapedAndUnescapedKeysAreTheSameKey() throws {
        let value = try parse(#"{"ab":1,"\u0061b":2,"a\/":3,"a/":4}"#)
        #expect(value == .object([("ab", .number(2)), ("a/", .number(4))]))
    }

    @Test func decodesEscapes() throws {
        #expect(try parse(#""\"\\\/\b\f\n\r\t""#) == .string("\"\\/\u{8}\u{C}\n\r\t"))
        #expect(try parse(#""\u0041\u00e9\u20AC\u2028""#) == .string("Aé€\u{2028}"))
        #expect(try parse(#""x\ud83d\ude00y""#) == .string("x😀y"))
        #expect(try parse(#""\uD83D\uDE00""#) == .string("😀"))
    }

    @Test func loneSurrogateEscapesAreKeptAsJavaScriptKeepsThem() throws {
        #expect(try parse(#""\ud800""#) == .utf16String([0xD800]))
        #expect(try parse(#""\udc00x""#) == .utf16String([0xDC00, 0x78]))
        #expect(try parse(#""\ud800\u0041""#) == .utf16String([0xD800, 0x41]))
        #expect(try parse(#""\ud800\ud83d\ude00""#) == .utf16String([0xD800, 0xD83D, 0xDE00]))
        #expect(try parse(#""\ude00\ud83d""#) == .utf16String([0xDE00, 0xD83D]))
        // Text reads it with U+FFFD; a paired escape is still an ordinary string.
        #expect(try parse(#""\ud800x""#).stringValue == "\u{FFFD}x")
        #expect(try parse(#""\ud83d\ude00""#) == .string("😀"))
        // Keys are Swift strings: there a lone surrogate still becomes U+FFFD.
        #expect(try parse(#"{"\ud800":1}"#).objectMembers?.first?.0 == "\u{FFFD}")
    }

    @Test func acceptsValidUTF8() throws {
        let text = "\"Zoë Ørsted 😀 \u{10FFFF} \u{E000} ࠀ\""
        #expect(try parse(text) == .string("Zoë Ørsted 😀 \u{10FFFF} \u{E000} ࠀ"))
    }

    @Test(arguments: [
        ([0x22, 0xFF, 0x22], 1),  // never valid in UTF-8
        ([0x22, 0x61, 0xC0, 0x80, 0x22], 2),  // overlong NUL
        ([0x22, 0xE0, 0x80, 0xAF, 0x22], 1),  // overlong '/'
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),  // UTF-8 encoded surrogate
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),  // past U+10FFFF
        ([0x22, 0x61, 0x62, 0xE2, 0x82, 0x22], 3),  // truncated sequence
        ([0x22, 0x80, 0x22], 1),  // lone continuation byte
        ([0x22, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0xC3, 0x22], 9),  // after a word-sized run
    ] as [([UInt8], Int)])
    func rejectsInvalidUTF8InStrings(bytes: [UInt8], offset: Int) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(bytes) }
        do {
            _ = try JSONParser.parse(bytes)
        } catch {
            #expect(error.offset == offset)
        }
    }

    @Test(arguments: [
        ("", 0),
        ("   ", 3),
        ("[1,]", 3),
        ("[1 2]", 3),
        ("[1,2", 4),
        ("[", 1),
        ("{\"a\" 1}", 5),
        ("{\"a\":1,}", 7),
        ("{1:2}", 1),
        ("{\"a\":1", 6),
        ("{'a':1}", 1),
        ("01", 0),
        ("-01", 0),
        ("-", 1),
        ("- 1", 1),
        ("1.", 2),
        ("1.e5", 2),
        (".5", 0),
        ("+1", 0),
        ("1e", 2),
        ("1e+", 3),
        ("0x10", 1),
        ("NaN", 0),
        ("Infinity", 0),
        ("-Infinity", 1),
        ("tru", 3),
        ("trux", 3),
        ("nul", 3),
        ("True", 0),
        ("1 x", 2),
        ("{} {}", 3),
        ("\"abc", 4),
        ("\"a\u{1}b\"", 2),
        ("\"tab\there\"", 4),
        ("\"a\\x\"", 2),
        ("\"\\u12G4\"", 5),
        ("\"\\u12", 5),
        ("\u{FEFF}1", 0),
        ("[1]\u{0}", 3),
    ])
    func rejectsMalformedDocumentsWithOffsets(text: String, offset: Int) {
        do {
            let value = try JSONParser.parse(text)
            Issue.record("parsed \(text.debugDescription) as \(value)")
        } catch {
            #expect(error.offset == offset, "\(text.debugDescription): \(error)")
            #expect(!error.reason.isEmpty)
        }
    }

    @Test func errorDescriptionNamesOffsetAndReason() {
        do {
            _ = try JSONParser.parse("[1, 01]")
            Issue.record("leading zero accepted")
        } catch {
            #expect(error.offset == 4)
            #expect(error.description == "invalid JSON at byte 4: \(error.reason)")
            #expect(error.reason.contains("leading zero"))
        }
    }

    @Test func nestingIsCappedAt512Levels() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        var value = try parse(deepest)
        var depth = 0
        while case let .array(items) = value, depth < 600 {
            depth += 1
            guard let first = items.first else { break }
            value = first
        }
        #expect(depth == 512)

        let mixed = String(repeating: "{\"a\":[", count: 256) + String(repeating: "]}", count: 256)
        #expect(throws: Never.self) { try JSONParser.parse(mixed) }

        do {
            _ = try parse(String(repeating: "[", count: 513) + String(repeating: "]", count: 513))
            Issue.record("513 levels accepted")
        } catch {
            #expect(error.offset == 512)
        }
        // Far deeper input fails the same way instead of exhausting the stack.
        #expect(throws: JSONParseError.self) { try JSONParser.parse(String(repeating: "[", count: 100_000)) }
    }

    @Test func numbersAreCorrectlyRounded() throws {
        let cases: [(String, Double)] = [
            ("0", 0), ("-0", -0.0), ("1", 1), ("-1", -1), ("0.1", 0.1), ("1E-7", 1e-7), ("1e21", 1e21),
            ("9007199254740993", 9_007_199_254_740_992), ("12345678901234567891", 12_345_678_901_234_567_168),
            ("2.2250738585072011e-308", Double(bitPattern: 0x000F_FFFF_FFFF_FFFF)), ("4.9e-324", .leastNonzeroMagnitude),
            ("2.4703282292062328e-324", .leastNonzeroMagnitude), ("2.4703282292062327e-324", 0),
            ("1.7976931348623157e308", .greatestFiniteMagnitude), ("123456789012345678901234567890", 1.2345678901234568e29),
            ("0.30000000000000004", 0.30000000000000004), ("1.00000000000000011102230246251565404236316680908203125", 1),
            ("1.00000000000000011102230246251565404236316680908203126", 1.0000000000000002),
            ("100.000", 100), ("1e+2", 100), ("1E2", 100), ("0e999999999999", 0), ("123.456e-2", 1.23456),
        ]
        for (text, expected) in cases {
            let value = try #require(try parse(text).numberValue, "\(text)")
            #expect(value.bitPattern == expected.bitPattern, "\(text) gave \(value), expected \(expected)")
        }
        #expect(try parse("1e400").numberValue == .infinity)
        #expect(try parse("-1e400").numberValue == -.infinity)
        #expect(try parse("1e-400").numberValue?.bitPattern == 0.0.bitPattern)
    }

    @Test func allEntryPointsAgree() throws {
        let text = #"{"a":[1,2.5,"é"],"b":{"c":null}}"#
        let bytes = Array(text.utf8)
        let fromBytes = try JSONParser.parse(bytes)
        let fromText = try JSONParser.parse(text)
        let fromBuffer = try bytes.withUnsafeBytes { try JSONParser.parse($0) }
        #expect(fromBytes == fromText)
        #expect(fromBytes == fromBuffer)
        #expect(throws: JSONParseError.self) { try [UInt8]().withUnsafeBytes { try JSONParser.parse($0) } }
    }

    @Test func longStringsAndEscapesAcrossWordBoundaries() throws {
        // Specials at every position relative to the 8-byte scanning window.
        for length in 0..<40 {
            let plain = String(repeating: "a", count: length)
            #expect(try parse("\"\(plain)\"") == .string(plain))
            #expect(try parse("\"\(plain)\\n\(plain)\"") == .string(plain + "\n" + plain))
            #expect(try parse("\"\(plain)é\(plain)\"") == .string(plain + "é" + plain))
            #expect(throws: JSONParseError.self) { try JSONParser.parse("\"\(plain)\u{1F}\"") }
        }
    }

    @Test func repeatedKeysAcrossManyRecordsStayDistinct() throws {
        // The key cache must never hand back a different key with a colliding slot.
        var text = "["
        for index in 0..<300 {
            if index > 0 { text += "," }
            text += "{\"id\":\(index),\"name\(index % 7)\":\"n\",\"k\(index)\":true,\"shared_long_key_name_over_sixteen_bytes\":1}"
        }
        text += "]"
        let records = try #require(try parse(text).arrayValue)
        #expect(records.count == 300)
        for (index, record) in records.enumerated() {
            let keys = try #require(record.objectMembers).map(\.0)
            #expect(keys == ["id", "name\(index % 7)", "k\(index)", "shared_long_key_name_over_sixteen_bytes"])
        }
    }
}
