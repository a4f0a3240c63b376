import Testing

@testable import Store

@Suite struct JSONCanonicalTests {
    private func canonical(_ text: String) throws -> String {
        String(decoding: CanonicalWriter.serialize(try JSONParser.parse(text)), as: UTF8.self)
    }

    @Test func sortsKeysByUTF8BytesAtEveryLevel() throws {
        #expect(try canonical(#"{"b":1,"a":{"z":[{"y":1,"x":2}],"m":null},"10":true,"2":false,"B":0}"#)
            == #"{"10":true,"2":false,"B":0,"a":{"m":null,"z":[{"x":2,"y":1}]},"b":1}"#)
        // Byte order, not Unicode-aware collation: "Z" (0x5A) < "a" < "z" < "é" (0xC3 0xA9) < "😀" (0xF0…).
        #expect(try canonical(#"{"😀":1,"é":2,"z":3,"a":4,"Z":5,"":6,"aa":7}"#)
            == #"{"":6,"Z":5,"a":4,"aa":7,"z":3,"é":2,"😀":1}"#)
        // U+FFFD (EF BF BD) sorts before U+10000 (F0 90 80 80), though UTF-16 order would put it after.
        #expect(try canonical(#"{"\ud800\udc00":1,"\ufffd":2}"#) == "{\"\u{FFFD}\":2,\"\u{10000}\":1}")
    }

    @Test func writesStringsAndNumbersLikeJSWriter() throws {
        #expect(try canonical(#"[100.0,1E21,-0,0.10,"a\/b","\u0001",1e-7]"#) == #"[100,1e+21,0,0.1,"a/b","\u0001",1e-7]"#)
    }

    @Test func keepsArrayOrder() throws {
        #expect(try canonical("[3,1,2]") == "[3,1,2]")
    }

    @Test func versionHashIgnoresKeyOrderWhitespaceAndNumberSpelling() throws {
        let first = try JSONParser.parse(#"{"a":[true,null,"x",1.5],"b":100,"c":{"10":1,"2":2,"Z":3,"a":4}}"#)
        let second = try JSONParser.parse(#" { "c" : {"a":4, "Z":3, "2":2, "10":1.0}, "b" : 1e2, "a" : [ true, null, "x", 1.50 ] } "#)
        #expect(VersionHash.of(first) == VersionHash.of(second))
        // hashlib.sha256(b'{"a":[true,null,"x",1.5],"b":100,"c":{"10":1,"2":2,"Z":3,"a":4}}').hexdigest()
        // The first 16 bytes of SHA-256 over the canonical bytes; written by earlier builds in full as hex.
        #expect(VersionHash.of(first).description == "2b3302e2e0f5927422554a1cd041c1d4")
        #expect(VersionHash(hex: "2b3302e2e0f5927422554a1cd041c1d4ca69f7bec35af7ac2d8e7a334730bff8") == VersionHash.of(first))
    }

    @Test func versionHashSeesEveryDataChange() throws {
        let base = try JSONParser.parse(#"{"a":[1,2],"b":"x"}"#)
        let variants = [
            #"{"a":[2,1],"b":"x"}"#, #"{"a":[1,2],"b":"X"}"#, #"{"a":[1,2],"b":"x","c":null}"#,
            #"{"a":[1,2,null],"b":"x"}"#, #"{"a":[1,"2"],"b":"x"}"#, #"{"a":[1,2.000001],"b":"x"}"#,
        ]
        let hash = VersionHash.of(base)
        #expect(hash.bytes.count == 16)
        #expect(VersionHash(bytes: hash.bytes) == hash)
        #expect(VersionHash(hex: hash.description) == hash)
        for variant in variants {
            #expect(VersionHash.of(try JSONParser.parse(variant)) != hash, "\(variant)")
        }
    }

    @Test func stringsAreNotNormalised() throws {
        let precomposed = JSONValue.string("\u{E9}")
        let decomposed = JSONValue.string("e\u{301}")
        #expect(VersionHash.of(precomposed) != VersionHash.of(decomposed))
    }
}
