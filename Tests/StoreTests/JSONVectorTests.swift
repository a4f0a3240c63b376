import Testing

@testable import Store

/// The `unified-sig` vectors of the project's `vectors/signatures.json`, copied verbatim so the package's tests stand
/// alone: the `data` each one carries must serialize to exactly the bytes it signs (unified.md §5.1).
@Suite struct JSONVectorTests {
    static let vectorsJSON = #"""
[
  {
    "name": "unified-sig-basic",
    "scheme": "unified-sig",
    "origin": "project",
    "source": "https://docs.unified.to/unified/webhook/model ; https://docs.unified.to/crm/event/model (sig = HMAC-SHA1(workspace.secret, data + nonce))",
    "checked_with": [
      "Node 20 JSON.stringify + crypto.createHmac",
      "Python hmac with an independent implementation of the ECMAScript JSON.stringify rules"
    ],
    "input": {
      "workspace_secret": "test_workspace_secret",
      "nonce": "5f2b8c1e9a4d",
      "data_json": "[{\"id\":\"c1\",\"name\":\"Ada Lovelace\",\"emails\":[{\"email\":\"ada@example.com\",\"type\":\"WORK\"}],\"updated_at\":\"2024-01-01T00:00:00.000Z\"}]"
    },
    "signed": "[{\"id\":\"c1\",\"name\":\"Ada Lovelace\",\"emails\":[{\"email\":\"ada@example.com\",\"type\":\"WORK\"}],\"updated_at\":\"2024-01-01T00:00:00.000Z\"}]5f2b8c1e9a4d",
    "signed_utf8_hex": "5b7b226964223a226331222c226e616d65223a22416461204c6f76656c616365222c22656d61696c73223a5b7b22656d61696c223a22616461406578616d706c652e636f6d222c2274797065223a22574f524b227d5d2c22757064617465645f6174223a22323032342d30312d30315430303a30303a30302e3030305a227d5d356632623863316539613464",
    "expected": {
      "sig": "Da3bsiDM1ayN7ZILIk7LqN7j/dE=",
      "sig256": "RiCKbMrbTWom8nwU0lE2gl847ZnTj0/H12BU2IUPhrY="
    },
    "alternatives_not_used": {
      "sig_hex": "0daddbb220ccd5ac8ded920b224ecba8dee3fdd1",
      "sig256_hex": "46208a6ccadb4d6a26f27c14d25136825f38ed99d38f4fc7d76054d8850f86b6"
    },
    "payload_body": "{\"data\":[{\"id\":\"c1\",\"name\":\"Ada Lovelace\",\"emails\":[{\"email\":\"ada@example.com\",\"type\":\"WORK\"}],\"updated_at\":\"2024-01-01T00:00:00.000Z\"}],\"webhook\":{\"id\":\"65f0c2a1e4b0a1b2c3d4e5f6\",\"connection_id\":\"conn_abc\",\"object_type\":\"crm_contact\",\"event\":\"updated\",\"hook_url\":\"https://example.com/hooks/unified\",\"webhook_type\":\"virtual\",\"interval\":15,\"environment\":\"Production\",\"is_healthy\":true},\"nonce\":\"5f2b8c1e9a4d\",\"sig\":\"Da3bsiDM1ayN7ZILIk7LqN7j/dE=\",\"type\":\"VIRTUAL\"}",
    "note": "sig = base64(HMAC-SHA1(workspace secret, JSON.stringify(data) + nonce)). The base64 digest and the JSON.stringify reading of 'data + nonce' are a design decision (Unified documents only 'HMAC-SHA1(workspace.secret, data + nonce)'); sig256 is the same message with HMAC-SHA256 and is a project addition. payload_body is the exact compact body a receiver gets."
  },
  {
    "name": "unified-sig-js-serialization-rules",
    "scheme": "unified-sig",
    "origin": "project",
    "source": "https://docs.unified.to/unified/webhook/model ; https://docs.unified.to/crm/event/model (sig = HMAC-SHA1(workspace.secret, data + nonce))",
    "checked_with": [
      "Node 20 JSON.stringify + crypto.createHmac",
      "Python hmac with an independent implementation of the ECMAScript JSON.stringify rules"
    ],
    "input": {
      "workspace_secret": "test_workspace_secret",
      "nonce": "n0nce-7Q",
      "data_input_json": "[ { \"id\": \"c2\", \"name\": \"Zoë Ørsted 😀\", \"website\": \"https://example.com/a/b?x=1&y=<2>\", \"path\": \"a\\/b\", \"note\": \"line1\\nline2\\ttab \\u0001 \\\"q\\\" \\\\ \\u2028\", \"amount\": 100.0, \"ratio\": 12.50, \"tiny\": 1E-7, \"huge\": 1e21, \"big\": 12345678901234567891, \"neg_zero\": -0, \"custom\": { \"b\": true, \"10\": \"ten\", \"a\": null, \"2\": \"two\", \"01\": \"zero-one\" }, \"tags\": [] } ]",
      "data_json": "[{\"id\":\"c2\",\"name\":\"Zoë Ørsted 😀\",\"website\":\"https://example.com/a/b?x=1&y=<2>\",\"path\":\"a/b\",\"note\":\"line1\\nline2\\ttab \\u0001 \\\"q\\\" \\\\  \",\"amount\":100,\"ratio\":12.5,\"tiny\":1e-7,\"huge\":1e+21,\"big\":12345678901234567000,\"neg_zero\":0,\"custom\":{\"2\":\"two\",\"10\":\"ten\",\"b\":true,\"a\":null,\"01\":\"zero-one\"},\"tags\":[]}]"
    },
    "signed": "[{\"id\":\"c2\",\"name\":\"Zoë Ørsted 😀\",\"website\":\"https://example.com/a/b?x=1&y=<2>\",\"path\":\"a/b\",\"note\":\"line1\\nline2\\ttab \\u0001 \\\"q\\\" \\\\  \",\"amount\":100,\"ratio\":12.5,\"tiny\":1e-7,\"huge\":1e+21,\"big\":12345678901234567000,\"neg_zero\":0,\"custom\":{\"2\":\"two\",\"10\":\"ten\",\"b\":true,\"a\":null,\"01\":\"zero-one\"},\"tags\":[]}]n0nce-7Q",
    "signed_utf8_hex": "5b7b226964223a226332222c226e616d65223a225a6fc3ab20c398727374656420f09f9880222c2277656273697465223a2268747470733a2f2f6578616d706c652e636f6d2f612f623f783d3126793d3c323e222c2270617468223a22612f62222c226e6f7465223a226c696e65315c6e6c696e65325c74746162205c7530303031205c22715c22205c5c20e280a8222c22616d6f756e74223a3130302c22726174696f223a31322e352c2274696e79223a31652d372c2268756765223a31652b32312c22626967223a31323334353637383930313233343536373030302c226e65675f7a65726f223a302c22637573746f6d223a7b2232223a2274776f222c223130223a2274656e222c2262223a747275652c2261223a6e756c6c2c223031223a227a65726f2d6f6e65227d2c2274616773223a5b5d7d5d6e306e63652d3751",
    "expected": {
      "sig": "BXmgBBjmNAgtQzq9DpG6kFY8nnw=",
      "sig256": "klKhGW3lr4/gVZSwZziJsIUqrBCpmY/RYroEjIu+w0k="
    },
    "alternatives_not_used": {
      "sig_hex": "0579a00418e634082d433abd0e91ba90563c9e7c",
      "sig256_hex": "9252a1196de5af8fe05594b0673889b0852aac10a9998fd162ba048c8bbec349"
    },
    "note": "Tests the JS-compatible writer: data_input_json is what a provider might send; data_json is what JSON.stringify(JSON.parse(data_input_json)) yields in Node, and is what must be signed and sent. Shows: no whitespace; '\\/' becomes '/'; non-ASCII and U+2028 literal; \\u0001 lowercase hex; 100.0 -> 100; 12.50 -> 12.5; 1E-7 -> 1e-7; 1e21 -> 1e+21; integers beyond 2^53 rounded to the nearest double (12345678901234567891 -> 12345678901234567000); -0 -> 0; integer-like keys (\"2\", \"10\") first in ascending numeric order, other keys (including \"01\") in insertion order."
  }
]
"""#

    private struct Vector {
        var name: String
        var dataJSON: String
        var dataInputJSON: String?
        var nonce: String
        var signed: String
        var signedHex: String
        var payloadBody: String?
    }

    private func vectors() throws -> [Vector] {
        let parsed = try #require(try JSONParser.parse(Self.vectorsJSON).arrayValue)
        return try parsed.map { vector in
            let input = try #require(vector["input"])
            return Vector(
                name: try #require(vector["name"]?.stringValue),
                dataJSON: try #require(input["data_json"]?.stringValue),
                dataInputJSON: input["data_input_json"]?.stringValue,
                nonce: try #require(input["nonce"]?.stringValue),
                signed: try #require(vector["signed"]?.stringValue),
                signedHex: try #require(vector["signed_utf8_hex"]?.stringValue),
                payloadBody: vector["payload_body"]?.stringValue)
        }
    }

    private func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] }, as: UTF8.self)
    }

    @Test func bothUnifiedVectorsArePresent() throws {
        #expect(try vectors().map(\.name) == ["unified-sig-basic", "unified-sig-js-serialization-rules"])
    }

    @Test func dataSerializesToTheSignedBytes() throws {
        for vector in try vectors() {
            let source = vector.dataInputJSON ?? vector.dataJSON
            let data = try JSONParser.parse(source)
            let bytes = JSWriter.serialize(data)
            #expect(bytes == Array(vector.dataJSON.utf8), "\(vector.name)")
            let message = bytes + Array(vector.nonce.utf8)
            #expect(message == Array(vector.signed.utf8), "\(vector.name)")
            #expect(hex(message) == vector.signedHex, "\(vector.name)")
            // Re-serializing the already compact form is the identity, as for JSON.stringify(JSON.parse(x)).
            #expect(JSWriter.serialize(try JSONParser.parse(vector.dataJSON)) == bytes, "\(vector.name)")
        }
    }

    @Test func payloadBodyRoundTripsByteForByte() throws {
        let bodies = try vectors().compactMap(\.payloadBody)
        #expect(!bodies.isEmpty)
        for body in bodies {
            let value = try JSONParser.parse(body)
            #expect(JSWriter.string(value) == body)
            #expect(value.objectMembers?.map(\.0) == ["data", "webhook", "nonce", "sig", "type"])
        }
    }
}
