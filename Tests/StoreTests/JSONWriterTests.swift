import Testing

@testable import Store

@Suite struct JSONWriterTests {
    /// `[JSON text, String(Number(text)) in Node 20]`.
    static let numberVectors: [(String, String)] = [
        ("5e-324", "5e-324"), ("1.7976931348623157e308", "1.7976931348623157e+308"), ("0.1", "0.1"),
        ("123456789012345680000", "123456789012345680000"), ("1e21", "1e+21"), ("1e-7", "1e-7"),
        ("0.000001", "0.000001"), ("9007199254740993", "9007199254740992"), ("100", "100"), ("100.0", "100"),
        ("12.5", "12.5"), ("-0", "0"), ("0", "0"), ("1.5e-10", "1.5e-10"), ("-1.5e-10", "-1.5e-10"),
        ("1e-6", "0.000001"), ("1.2e-6", "0.0000012"), ("1e-5", "0.00001"), ("0.00001234", "0.00001234"),
        ("123e-20", "1.23e-18"), ("1e20", "100000000000000000000"), ("1e22", "1e+22"), ("-1e21", "-1e+21"),
        ("2.5e21", "2.5e+21"), ("4294967295", "4294967295"), ("4294967296.5", "4294967296.5"),
        ("-123.456", "-123.456"), ("0.30000000000000004", "0.30000000000000004"),
        ("1.7976931348623157e-308", "1.7976931348623155e-308"), ("2.2250738585072014e-308", "2.2250738585072014e-308"),
        ("9007199254740992", "9007199254740992"), ("18014398509481984", "18014398509481984"),
        ("18014398509481985", "18014398509481984"), ("144115188075855870", "144115188075855870"),
        ("3.141592653589793", "3.141592653589793"), ("-2.718281828459045", "-2.718281828459045"),
        ("1000000000000000128", "1000000000000000100"), ("999999999999999999999", "1e+21"),
        ("1.0000000000000002", "1.0000000000000002"), ("123456789.12345679", "123456789.12345679"),
        ("5e-7", "5e-7"), ("50e-8", "5e-7"), ("0.0000005", "5e-7"), ("1e300", "1e+300"),
        ("6.02214076e23", "6.02214076e+23"), ("1.602176634e-19", "1.602176634e-19"),
        ("12345678901234567891", "12345678901234567000"),
    ]

    /// `[JSON text, JSON.stringify(JSON.parse(text)) in Node 20]`: lone surrogates survive as lowercase `\udxxx`.
    static let loneSurrogateVectors: [(String, String)] = [
        (#""\ud800""#, #""\ud800""#), (#""a\udc00b""#, #""a\udc00b""#), (#""\uD800\u0041""#, #""\ud800A""#),
        (#""\ud800\ud83d\ude00""#, #""\ud800😀""#), (#""\ude00\ud83d""#, #""\ude00\ud83d""#),
        (#""\udbff\n\u0001\"é""#, #""\udbff\n\u0001\"é""#),
        (#"{"b":["\udfff"],"a":"\ud800"}"#, #"{"b":["\udfff"],"a":"\ud800"}"#),
    ]

    @Test func loneSurrogatesAreWrittenAsJSONStringifyWritesThem() throws {
        for (text, expected) in Self.loneSurrogateVectors {
            let value = try JSONParser.parse(text)
            #expect(JSWriter.string(value) == expected, "\(text)")
        }
        // Canonical bytes (version hashes) keep them too, so a lone surrogate and U+FFFD are different versions.
        let lone = CanonicalWriter.serialize(try JSONParser.parse(#"{"n":"\ud800"}"#))
        #expect(String(decoding: lone, as: UTF8.self) == #"{"n":"\ud800"}"#)
        #expect(lone != CanonicalWriter.serialize(try JSONParser.parse(#"{"n":"\ufffd"}"#)))
    }

    @Test func numbersPrintAsNumberPrototypeToString() throws {
        for (text, expected) in Self.numberVectors {
            let number = try #require(try JSONParser.parse(text).numberValue)
            #expect(JSWriter.numberText(number) == expected, "\(text)")
            #expect(JSWriter.string(.number(number)) == expected, "\(text)")
        }
    }

    @Test func numberTextOfSwiftDoubles() {
        #expect(JSWriter.numberText(100.0) == "100")
        #expect(JSWriter.numberText(-0.0) == "0")
        #expect(JSWriter.numberText(0.1 + 0.2) == "0.30000000000000004")
        #expect(JSWriter.numberText(Double(1 << 53) + 1) == "9007199254740992")
        #expect(JSWriter.numberText(-9_007_199_254_740_991) == "-9007199254740991")
        #expect(JSWriter.numberText(.leastNonzeroMagnitude) == "5e-324")
        #expect(JSWriter.numberText(.greatestFiniteMagnitude) == "1.7976931348623157e+308")
        #expect(JSWriter.numberText(.leastNormalMagnitude) == "2.2250738585072014e-308")
        #expect(JSWriter.numberText(1e-7) == "1e-7")
        #expect(JSWriter.numberText(1.5e-7) == "1.5e-7")
        #expect(JSWriter.numberText(1e21) == "1e+21")
        #expect(JSWriter.numberText(1.5e300) == "1.5e+300")
        #expect(JSWriter.numberText(0.001) == "0.001")
        #expect(JSWriter.numberText(1e15) == "1000000000000000")
        #expect(JSWriter.numberText(1e16) == "10000000000000000")
        #expect(JSWriter.numberText(.nan) == "NaN")
        #expect(JSWriter.numberText(.infinity) == "Infinity")
        #expect(JSWriter.numberText(-.infinity) == "-Infinity")
    }

    @Test func nonFiniteNumbersSerializeAsNull() {
        #expect(JSWriter.string(.array([.number(.nan), .number(.infinity), .number(-.infinity)])) == "[null,null,null]")
    }

    @Test func integerLikeKeysComeFirstInNumericOrder() {
        // Expected output from Node 20's JSON.stringify of the same object literal.
        let value = JSONValue.object([
            ("b", .number(1)), ("10", .number(2)), ("a", .number(3)), ("2", .number(4)), ("01", .number(5)),
            ("-1", .number(6)), ("4294967294", .number(7)), ("4294967295", .number(8)), ("1.5", .number(9)),
            ("0", .number(10)), (" 1", .number(11)),
        ])
        #expect(JSWriter.string(value) ==
            #"{"0":10,"2":4,"10":2,"4294967294":7,"b":1,"a":3,"01":5,"-1":6,"4294967295":8,"1.5":9," 1":11}"#)
    }

    @Test func arrayIndexRecognition() {
        #expect(JSWriter.arrayIndex("0") == 0)
        #expect(JSWriter.arrayIndex("4294967294") == 4_294_967_294)
        for key in ["", "00", "01", "-0", "+1", "1e3", "4294967295", "99999999999", "1 ", "１"] {
            #expect(JSWriter.arrayIndex(key) == nil, "\(key)")
        }
    }

    @Test func nestedObjectsAreNotSorted() {
        let value = JSONValue.object([("z", .object([("y", .null), ("x", .null), ("3", .null)])), ("a", .array([]))])
        #expect(JSWriter.string(value) == #"{"z":{"3":null,"y":null,"x":null},"a":[]}"#)
    }

    @Test func stringEscapesMatchJavaScript() {
        var text = ""
        for code in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(code))) }
        text += "\"\\/\u{7F}\u{2028}\u{2029}<>&é😀"
        // Node 20: JSON.stringify of the same string.
        let expected = #""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010"#
            + #"\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\"\\/"#
            + "\u{7F}\u{2028}\u{2029}<>&é😀\""
        #expect(JSWriter.string(.string(text)) == expected)
        var buffer: [UInt8] = [0x41]
        JSWriter.writeString("a/b\"", into: &buffer)
        #expect(buffer == Array(#"A"a/b\"""#.utf8))
    }

    @Test func escapesAtEveryPositionOfTheScanningWindow() {
        for length in 0..<24 {
            let plain = String(repeating: "x", count: length)
            #expect(JSWriter.string(.string(plain + "\n" + plain + "\"")) == "\"\(plain)\\n\(plain)\\\"\"")
            #expect(JSWriter.string(.string(plain + "\u{1F}")) == "\"\(plain)\\u001f\"")
            #expect(JSWriter.string(.string(plain + "é")) == "\"\(plain)é\"")
        }
    }

    @Test func literalsAndEmptyContainers() {
        #expect(JSWriter.string(.null) == "null")
        #expect(JSWriter.string(.bool(true)) == "true")
        #expect(JSWriter.string(.bool(false)) == "false")
        #expect(JSWriter.string(.array([])) == "[]")
        #expect(JSWriter.string(.object([])) == "{}")
        #expect(JSWriter.string(.string("")) == "\"\"")
    }

    @Test func writeAppendsAndSerializeMatches() {
        let value = JSONValue.array([.number(1), .string("two"), .object([("k", .bool(false))])])
        var buffer = Array("prefix:".utf8)
        JSWriter.write(value, into: &buffer)
        #expect(buffer == Array("prefix:".utf8) + JSWriter.serialize(value))
        #expect(JSWriter.string(value) == #"[1,"two",{"k":false}]"#)
    }

    @Test func compactJavaScriptOutputRoundTripsByteForByte() throws {
        let documents = [
            #"{"id":"c1","n":[1,-2.5,1e+21,1e-7,0.000001,123456789012345680000],"s":"a/b\u0001\n😀","o":{"2":1,"10":2,"x":null}}"#,
            #"[[],{},[{}],"",0,true,false,null]"#,
            #""\u001f\"\\ plain""#,
        ]
        for document in documents {
            let value = try JSONParser.parse(document)
            #expect(JSWriter.string(value) == document)
            #expect(try JSONParser.parse(JSWriter.serialize(value)) == value)
        }
    }

    @Test func parseThenWriteNormalisesLikeJavaScript() throws {
        // Input with whitespace, escapes and number spellings; output as JSON.stringify(JSON.parse(input)).
        let input = #" { "b" : 1.50 , "a" : "\u00e9\/" , "1" : [ 1E2 , -0 , 0.10 ] , "b" : 2 } "#
        #expect(JSWriter.string(try JSONParser.parse(input)) == #"{"1":[100,0,0.1],"b":2,"a":"é/"}"#)
    }

    @Test func keyTextUsesJavaScriptNumbers() {
        #expect(JSONValue.number(123).keyText == "123")
        #expect(JSONValue.number(1.5).keyText == "1.5")
        #expect(JSONValue.string("123").keyText == "123")
    }
}
