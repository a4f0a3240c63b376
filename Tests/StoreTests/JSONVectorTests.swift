import TestSupport
import Testing

@testable import Store

/// The `unified-sig` vectors of the project's `shared/vectors/signatures.json`, read as they are: the `data` each one
/// carries must serialize to exactly the bytes it signs (unified.md §5.1).
@Suite struct JSONVectorTests {

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
        let all = try #require(try JSONParser.parse(sharedSignatureVectors())["vectors"]?.arrayValue)
        let parsed = all.filter { $0["scheme"]?.stringValue == "unified-sig" }
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
