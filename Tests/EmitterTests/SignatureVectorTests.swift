@testable import Emitter
import Store
import Testing

/// Every vector of `signatures.json`, computed with the Emitter's signers and compared as-is.
@Suite struct SignatureVectorTests {
    static let schemesCovered: Set<String> = [
        "unified-sig", "standard-webhooks-v1", "hubspot-v1", "hubspot-v2", "hubspot-v3", "hubspot-v3-uri",
    ]
    /// Ed25519 (`v1a`) is optional (signatures.md §5) and not implemented.
    static let schemesSkipped: Set<String> = ["standard-webhooks-v1a"]

    @Test func vectorFileIsComplete() {
        #expect(Vectors.all.count >= 19)
        for vector in Vectors.all {
            let scheme = vector.text("scheme")
            #expect(Self.schemesCovered.contains(scheme) || Self.schemesSkipped.contains(scheme), "unknown scheme \(scheme)")
        }
    }

    @Test(arguments: Vectors.names { $0["scheme"]?.stringValue == "unified-sig" })
    func unifiedSig(_ name: String) throws {
        let vector = try #require(Vectors.named(name))
        let secret = vector.text("input.workspace_secret")
        let nonce = vector.text("input.nonce")
        let dataJSON = vector.text("input.data_json")
        if let inputJSON = vector["input"]?["data_input_json"]?.stringValue {
            // What a provider sent, re-written the way JSON.stringify(JSON.parse(...)) does in Node.
            #expect(JSWriter.string(try JSONParser.parse(inputJSON)) == dataJSON)
        }
        let data = Array(dataJSON.utf8)
        #expect(Hex.lowercase(data + Array(nonce.utf8)) == vector.text("signed_utf8_hex"))
        let signer = UnifiedSigner(workspaceSecret: secret)
        #expect(signer.sig(data: data, nonce: nonce) == vector.text("expected.sig"))
        #expect(signer.sig256(data: data, nonce: nonce) == vector.text("expected.sig256"))
        #expect(signer.verify(data: data, nonce: nonce, sig: vector.text("expected.sig"), sig256: vector.text("expected.sig256")))
        #expect(!signer.verify(data: data, nonce: nonce + "x", sig: vector.text("expected.sig")))
        let hexSigner = UnifiedSigner(workspaceSecret: secret, encoding: .hex)
        #expect(hexSigner.sig(data: data, nonce: nonce) == vector.text("alternatives_not_used.sig_hex"))
        #expect(hexSigner.sig256(data: data, nonce: nonce) == vector.text("alternatives_not_used.sig256_hex"))

        if let expectedBody = vector["payload_body"]?.stringValue {
            // The exact body, assembled around the vector's own `webhook` member, sig256 off as in the vector.
            let webhook = try #require(TopLevelMembers(Array(expectedBody.utf8))?.range(of: "webhook"))
            let body = PayloadBuilder.assemble(
                data: data, webhookBytes: Array(Array(expectedBody.utf8)[webhook]), nonce: nonce,
                sig: signer.sig(data: data, nonce: nonce), sig256: nil, type: .virtual)
            #expect(String(decoding: body, as: UTF8.self) == expectedBody)
        }
    }

    @Test(arguments: Vectors.names {
        $0["scheme"]?.stringValue == "standard-webhooks-v1" && $0["input"]?["body"] != nil
    })
    func standardWebhooksSignature(_ name: String) throws {
        let vector = try #require(Vectors.named(name))
        let secrets = vector["input"]?["secrets"]?.arrayValue?.compactMap(\.stringValue) ?? [vector.text("input.secret")]
        if let bytesHex = vector["input"]?["secret_bytes_hex"]?.stringValue {
            #expect(Hex.lowercase(try StandardWebhooksSigner.keyBytes(secrets[0])) == bytesHex)
        }
        let signer = try StandardWebhooksSigner(secrets: secrets)
        let timestamp = Int64(vector.text("input.timestamp"))!
        let body = Array(vector.text("input.body").utf8)
        let messageID = vector.text("input.msg_id")
        #expect(vector.text("expected.webhook-id") == messageID)
        #expect(vector.text("expected.webhook-timestamp") == String(timestamp))
        let signature = signer.signature(messageID: messageID, timestamp: timestamp, body: body)
        #expect(signature == vector.text("expected.webhook-signature"))

        for secret in vector["verify"]?["accepts_with_secret"]?.arrayValue?.compactMap(\.stringValue) ?? secrets {
            try StandardWebhooksSigner(secret: secret).verify(
                messageID: messageID, timestamp: String(timestamp), signature: signature, body: body, now: timestamp)
        }
        for secret in vector["verify"]?["rejects_with_secret"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
            #expect(throws: StandardWebhooksError.noMatchingSignature) {
                try StandardWebhooksSigner(secret: secret).verify(
                    messageID: messageID, timestamp: String(timestamp), signature: signature, body: body, now: timestamp)
            }
            #expect(StandardWebhooksError.noMatchingSignature.description == vector.text("verify.rejection_error"))
        }
        #expect(throws: StandardWebhooksError.noMatchingSignature) {
            try signer.verify(
                messageID: messageID, timestamp: String(timestamp), signature: signature, body: body + [0x20],
                now: timestamp)
        }
    }

    @Test func standardWebhooksTimestampTolerance() throws {
        let vector = try #require(Vectors.named("standard-webhooks-v1-timestamp-tolerance"))
        let base = try #require(Vectors.named(vector.text("input.vector")))
        let signer = try StandardWebhooksSigner(secret: base.text("input.secret"))
        let cases = try #require(vector["expected"]?["cases"]?.arrayValue)
        #expect(cases.count == 4)
        for item in cases {
            let now = Int64(item.text("now"))!
            let verify = {
                try signer.verify(
                    messageID: base.text("input.msg_id"), timestamp: base.text("input.timestamp"),
                    signature: base.text("expected.webhook-signature"), body: Array(base.text("input.body").utf8),
                    now: now)
            }
            if item.text("result") == "accept" {
                try verify()
            } else {
                let error = try #require(throws: StandardWebhooksError.self) { try verify() }
                #expect(error.description == item.text("error"))
            }
        }
    }

    @Test func standardWebhooksHeaderProblems() throws {
        let signer = try StandardWebhooksSigner(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        #expect(throws: StandardWebhooksError.missingHeaders) {
            try signer.verify(messageID: nil, timestamp: "1", signature: "v1,x", body: [], now: 1)
        }
        #expect(throws: StandardWebhooksError.invalidHeaders) {
            try signer.verify(messageID: "msg_1", timestamp: "soon", signature: "v1,x", body: [], now: 1)
        }
        // Entries of other versions and entries without a comma are skipped, not fatal.
        let good = signer.signature(messageID: "msg_1", timestamp: 1, body: [])
        try signer.verify(messageID: "msg_1", timestamp: "1", signature: "v1a,abc junk " + good, body: [], now: 1)
        #expect(throws: StandardWebhooksError.self) { try StandardWebhooksSigner(secrets: []) }
        #expect(throws: StandardWebhooksError.self) { try StandardWebhooksSigner(secret: "whsec_") }
        #expect(throws: StandardWebhooksError.self) { try StandardWebhooksSigner(secret: "whsec_not*base64!") }
        // Unpadded base64 decodes to the same key as padded.
        #expect(
            try StandardWebhooksSigner.keyBytes("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGA")
                == StandardWebhooksSigner.keyBytes("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGA=="))
    }

    @Test(arguments: Vectors.names { ($0["scheme"]?.stringValue ?? "").hasPrefix("hubspot-v") })
    func hubSpot(_ name: String) throws {
        let vector = try #require(Vectors.named(name))
        let scheme = vector.text("scheme")
        if scheme == "hubspot-v3-uri" {
            #expect(HubSpotSigner.v3SignedURI(vector.text("input.uri")) == vector.text("expected.signed_uri"))
            return
        }
        let signer = HubSpotSigner(clientSecret: vector.text("input.client_secret"))
        let body = Array(vector.text("input.body").utf8)
        switch scheme {
        case "hubspot-v1":
            #expect(vector.text("expected.X-HubSpot-Signature-Version") == "v1")
            let signature = signer.v1(body: body)
            #expect(signature == vector.text("expected.X-HubSpot-Signature"))
            #expect(signer.verifyV1(body: body, signature: signature.uppercased()))
            #expect(!signer.verifyV1(body: body + [0x20], signature: signature))
        case "hubspot-v2":
            #expect(vector.text("expected.X-HubSpot-Signature-Version") == "v2")
            let method = vector.text("input.method")
            let uri = vector.text("input.uri")
            let signature = signer.v2(method: method, uri: uri, body: body)
            #expect(signature == vector.text("expected.X-HubSpot-Signature"))
            #expect(signer.verifyV2(method: method, uri: uri, body: body, signature: signature))
        case "hubspot-v3":
            let method = vector.text("input.method")
            let uri = vector.text("input.uri")
            let timestamp = vector.text("input.timestamp")
            #expect(HubSpotSigner.v3SignedURI(uri) == vector.text("input.signed_uri"))
            #expect(vector.text("expected.X-HubSpot-Request-Timestamp") == timestamp)
            let signature = signer.v3(method: method, uri: uri, body: body, timestamp: timestamp)
            #expect(signature == vector.text("expected.X-HubSpot-Signature-v3"))
            if let wrong = vector["wrong_if_uri_not_decoded"]?.stringValue {
                #expect(wrong != signature)
            }
            let sentAt = Int64(timestamp)!
            #expect(signer.verifyV3(
                method: method, uri: uri, body: body, timestamp: timestamp, signature: signature,
                nowMilliseconds: sentAt + 299_999))
            #expect(!signer.verifyV3(
                method: method, uri: uri, body: body, timestamp: timestamp, signature: signature,
                nowMilliseconds: sentAt + 300_000))
            #expect(!signer.verifyV3(
                method: method, uri: uri, body: body, timestamp: timestamp, signature: signature,
                nowMilliseconds: sentAt - 300_001))
        default:
            Issue.record("unexpected scheme \(scheme)")
        }
    }
}
