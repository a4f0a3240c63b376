@testable import Emitter
import Sandbox
import Store
import Testing

@Suite struct PayloadBuilderTests {
    static let secret = "test_workspace_secret"

    static func webhook(fields: String? = nil, interval: Double = 15, pageMaxLimit: Int = 100) -> Webhook {
        Webhook(
            id: "65f0c2a1e4b0a1b2c3d4e5f6", connectionID: "conn_abc", objectType: "crm_contact", event: .updated,
            hookURL: "https://example.com/hooks/unified", interval: interval, fields: fields,
            filters: ["company_id": "123", "a_type": "x"], pageMaxLimit: pageMaxLimit,
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", workspaceID: "ws_123",
            createdAt: Timestamp(milliseconds: 1_768_046_400_000), updatedAt: Timestamp(milliseconds: 1_768_046_700_000),
            checkedAt: Timestamp(milliseconds: 1_768_046_700_000))
    }

    static func event(_ recordJSON: String, seq: Int64 = 1, source: EventSource = .poll) throws -> ChangeEvent {
        let record = try JSONParser.parse(recordJSON)
        return ChangeEvent(
            seq: seq, stream: StreamKey(connectionID: "conn_abc", objectType: "crm_contact"),
            recordID: record["id"]?.keyText ?? "", kind: .updated, source: source, versionHash: VersionHash(digestOf: Array("h".utf8)),
            previousVersionHash: nil, record: JSWriter.serialize(record), occurredAt: nil, detectedAt: .now())
    }

    /// Records a provider might send, with every JS serialization trap.
    static let trickyRecords = [
        #"{"id":"c1","path":"a\/b","url":"https://example.com/x?y=<1>&z=2","name":"Zoë Ørsted 😀 \u2028 \u2029","ctl":"\u0001\u001f\b\f\n\r\t \"q\" \\"}"#,
        #"{"id":2,"tiny":1e-7,"small":0.000001,"huge":1e21,"below":999999999999999900000,"neg_zero":-0,"max_safe_plus_one":9007199254740993,"big":12345678901234567891,"float":100.0,"ratio":12.50,"neg":-1.5e-10}"#,
        #"{"id":"c3","custom":{"b":true,"10":"ten","a":null,"2":"two","01":"zero-one","4294967294":"max","4294967295":"not-index","-1":"neg"},"list":[1,"two",{"3":3,"x":[]}]}"#,
    ]

    @Test func trickyRecordsSignExactlyAsNodeWould() throws {
        let vector = try #require(Vectors.named("unified-sig-js-serialization-rules"))
        var events = try Self.trickyRecords.enumerated().map { try Self.event($1, seq: Int64($0 + 1)) }
        // The vector's record as well: its data bytes and sig must come out exactly as published.
        let vectorRecord = try #require(JSONParser.parse(vector.text("input.data_input_json")).arrayValue?.first)
        events.append(try Self.event(JSWriter.string(vectorRecord), seq: 4))

        let builder = PayloadBuilder(webhook: Self.webhook(), integrationType: "hubspot", workspaceSecret: Self.secret)
        let records = events.map(builder.recordBytes)
        let data = builder.dataBytes(records: records)
        let body = builder.body(data: data, nonce: "n0nce-7Q", type: .virtual)

        // Layout: keys in order, compact, data spliced byte for byte.
        let members = try #require(TopLevelMembers(body))
        #expect(members.members.map(\.key) == ["data", "webhook", "nonce", "sig", "sig256", "type"])
        #expect(Array(body[try #require(members.range(of: "data"))]) == data)
        #expect(String(decoding: body, as: UTF8.self).hasPrefix(#"{"data":[{"id":"c1","path":"a/b","#))

        // A Node receiver: JSON.stringify(JSON.parse(body).data) gives back the signed bytes...
        let parsed = try JSONParser.parse(body)
        #expect(JSWriter.serialize(try #require(parsed["data"])) == data)
        // ...and the Sandbox's independent verifier (the same computation) accepts sig and sig256.
        let check = UnifiedSignatureVerifier.verify(payload: parsed, workspaceSecret: Self.secret)
        #expect(check.sig == .valid)
        #expect(check.sig256 == .valid)
        #expect(!UnifiedSigner(workspaceSecret: "other").verify(data: data, nonce: "n0nce-7Q", sig: parsed["sig"]!.stringValue!))

        // The JS rules, visible in the bytes.
        let text = String(decoding: data, as: UTF8.self)
        for expected in [
            #""tiny":1e-7"#, #""small":0.000001"#, #""huge":1e+21"#, #""below":999999999999999900000"#,
            #""neg_zero":0"#, #""max_safe_plus_one":9007199254740992"#, #""big":12345678901234567000"#,
            #""float":100"#, #""ratio":12.5"#, #""neg":-1.5e-10"#, #""id":2"#,
            #""custom":{"2":"two","10":"ten","4294967294":"max","b":true,"a":null,"01":"zero-one","4294967295":"not-index","-1":"neg"}"#,
            #""ctl":"\u0001\u001f\b\f\n\r\t \"q\" \\""#, "Zoë Ørsted 😀 \u{2028} \u{2029}", #""list":[1,"two",{"3":3,"x":[]}]"#,
        ] {
            #expect(text.contains(expected), "missing \(expected) in \(text)")
        }

        // The vector's record alone reproduces the published data_json and sig.
        let vectorData = builder.dataBytes(records: [records[3]])
        #expect(String(decoding: vectorData, as: UTF8.self) == vector.text("input.data_json"))
        let vectorBody = try JSONParser.parse(builder.body(data: vectorData, nonce: vector.text("input.nonce"), type: .virtual))
        #expect(vectorBody["sig"]?.stringValue == vector.text("expected.sig"))
        #expect(vectorBody["sig256"]?.stringValue == vector.text("expected.sig256"))
    }

    @Test func webhookMemberIsTheManagementObjectWithoutSecretOrRuns() throws {
        let builder = PayloadBuilder(
            webhook: Self.webhook(fields: "id,name", interval: 0.5), integrationType: "hubspot",
            workspaceSecret: Self.secret)
        let body = builder.body(data: Array("[]".utf8), nonce: "n", type: .initialComplete)
        let members = try #require(TopLevelMembers(body))
        let webhook = String(decoding: body[try #require(members.range(of: "webhook"))], as: UTF8.self)
        #expect(
            webhook == #"{"id":"65f0c2a1e4b0a1b2c3d4e5f6","created_at":"2026-01-10T12:00:00.000Z","#
                + #""updated_at":"2026-01-10T12:05:00.000Z","workspace_id":"ws_123","connection_id":"conn_abc","#
                + #""hook_url":"https://example.com/hooks/unified","object_type":"crm_contact","event":"updated","#
                + #""interval":0.5,"fields":"id,name","filters":{"a_type":"x","company_id":"123"},"page_max_limit":100,"#
                + #""is_healthy":true,"is_paused":false,"environment":"Production","webhook_type":"virtual","#
                + #""integration_type":"hubspot","checked_at":"2026-01-10T12:05:00.000Z","is_beta":false}"#)
        #expect(!String(decoding: body, as: UTF8.self).contains("whsec_"))
        #expect(!webhook.contains("runs"))
        #expect(String(decoding: body, as: UTF8.self).hasSuffix(#""type":"INITIAL-COMPLETE"}"#))
    }

    @Test func sig256AndEncodingFollowTheOptions() throws {
        let builder = PayloadBuilder(
            webhook: Self.webhook(), integrationType: nil, workspaceSecret: Self.secret,
            options: UnifiedSigningOptions(encoding: .hex, includeSig256: false))
        let body = try JSONParser.parse(builder.body(data: Array("[]".utf8), nonce: "abc", type: .virtual))
        #expect(body["sig256"] == nil)
        #expect(body["sig"]?.stringValue?.count == 40)
        #expect(body["webhook"]?["integration_type"] == nil)
    }

    @Test func fieldsTrimRecordsKeepingIDAndOrder() throws {
        let builder = PayloadBuilder(
            webhook: Self.webhook(fields: " emails,name ,10,unknown,"), integrationType: nil, workspaceSecret: Self.secret)
        let event = try Self.event(
            #"{"name":"Ada","id":"c1","secret":"x","emails":[{"email":"a@b.c"}],"10":"ten","raw":{"z":1}}"#)
        #expect(String(decoding: builder.recordBytes(event), as: UTF8.self)
            == #"{"10":"ten","name":"Ada","id":"c1","emails":[{"email":"a@b.c"}]}"#)
        // Without fields the stored bytes go out untouched.
        let plain = PayloadBuilder(webhook: Self.webhook(fields: " , "), integrationType: nil, workspaceSecret: Self.secret)
        #expect(plain.recordBytes(event) == event.record)
        // Trimmed data still verifies as Node would.
        let data = builder.dataBytes(records: [builder.recordBytes(event)])
        let parsed = try JSONParser.parse(builder.body(data: data, nonce: "n", type: .virtual))
        #expect(UnifiedSignatureVerifier.verify(payload: parsed, workspaceSecret: Self.secret).sig == .valid)
    }

    @Test func bodyCapClosesMessagesBeforeTheyGrowTooLarge() throws {
        let cap = 4096
        let builder = PayloadBuilder(
            webhook: Self.webhook(), integrationType: nil, workspaceSecret: Self.secret, maximumBodyBytes: cap)
        let filler = String(repeating: "x", count: 1000)
        let events = try (1...10).map { try Self.event(#"{"id":"r\#($0)","blob":"\#(filler)"}"#, seq: Int64($0)) }
        var remaining = events[...]
        var sizes: [Int] = []
        while !remaining.isEmpty {
            let batch = builder.takeBatch(from: remaining, limit: 100)
            let body = builder.body(data: builder.dataBytes(records: batch.records), nonce: RandomID.hex(bytes: 16), type: .virtual)
            #expect(body.count <= cap)
            // The estimate assumes the longest type (INITIAL-COMPLETE), so it bounds every body.
            let estimate = builder.bodySize(recordByteCounts: batch.records.map(\.count))
            #expect(body.count <= estimate && estimate - body.count <= 9)
            #expect(batch.closedBySize == (batch.count < remaining.count))
            sizes.append(batch.count)
            remaining = remaining.dropFirst(batch.count)
        }
        #expect(sizes == [3, 3, 3, 1])
        #expect(sizes.reduce(0, +) == 10)

        // A record larger than the cap goes alone.
        let huge = try Self.event(#"{"id":"big","blob":"\#(String(repeating: "y", count: 5000))"}"#, seq: 20)
        let alone = builder.takeBatch(from: [huge] + events, limit: 100)
        #expect(alone.count == 1)
        #expect(alone.closedBySize)
        // The limit applies before the cap.
        #expect(builder.takeBatch(from: events, limit: 2).count == 2)
    }

    @Test func messageIDIsDeterministic() {
        // A webhook without a salt (made before salts existed) keeps the unsalted derivation, so ids of messages in
        // flight across an upgrade do not change.
        #expect(
            DeliveryMessage.makeID(webhookID: "wh_1", salt: "", firstSeq: 1, lastSeq: 100)
                == "msg_ef4a5ebb4aac591d94996ead398a81fe")
        #expect(
            DeliveryMessage.makeID(webhookID: "65f0c2a1e4b0a1b2c3d4e5f6", salt: "", firstSeq: 101, lastSeq: 100)
                == "msg_f0d5fc3a0ba997ca2cf2b9fd67095837")
        #expect(
            DeliveryMessage.makeID(webhookID: "wh_1", salt: "", firstSeq: 1, lastSeq: 10)
                != DeliveryMessage.makeID(webhookID: "wh_1", salt: "", firstSeq: 11, lastSeq: 0))
    }

    @Test func aSaltedMessageIDMixesTheSaltInAndIsStableForTheSameSalt() {
        let salt = "0123456789abcdef0123456789abcdef"
        // SHA-256("wh_1␟1␟100␟" + salt), first 32 hex characters.
        #expect(
            DeliveryMessage.makeID(webhookID: "wh_1", salt: salt, firstSeq: 1, lastSeq: 100)
                == "msg_44473f0241e41d42069fa4693b915dd5")
        #expect(
            DeliveryMessage.makeID(webhookID: "wh_1", salt: salt, firstSeq: 1, lastSeq: 100)
                == DeliveryMessage.makeID(webhookID: "wh_1", salt: salt, firstSeq: 1, lastSeq: 100))
        let other = RandomID.messageIDSalt()
        #expect(
            DeliveryMessage.makeID(webhookID: "wh_1", salt: other, firstSeq: 1, lastSeq: 100)
                != DeliveryMessage.makeID(webhookID: "wh_1", salt: salt, firstSeq: 1, lastSeq: 100),
            "salt \(other)")
    }

    @Test func resignerRecomputesSignaturesOnlyWhenTheSecretChanged() throws {
        let builder = PayloadBuilder(webhook: Self.webhook(), integrationType: nil, workspaceSecret: "old-secret")
        // A record with a "webhook" key and tricky strings must not confuse the splice.
        let record = try Self.event(#"{"id":"c1","webhook":{"sig":"]}\"[{"},"note":"\",\"sig\":\"x"}"#)
        let data = builder.dataBytes(records: [builder.recordBytes(record)])
        let body = builder.body(data: data, nonce: "nonce-1", type: .virtual)

        #expect(BodyResigner(workspaceSecret: "old-secret", encoding: .base64).resigned(body) == body)
        let resigned = BodyResigner(workspaceSecret: "new-secret", encoding: .base64).resigned(body)
        #expect(resigned != body)
        let parsed = try JSONParser.parse(resigned)
        #expect(UnifiedSignatureVerifier.verify(payload: parsed, workspaceSecret: "new-secret") == .init(sig: .valid, sig256: .valid))
        let original = try #require(TopLevelMembers(body))
        let updated = try #require(TopLevelMembers(resigned))
        for key in ["data", "webhook", "nonce", "type"] {
            #expect(body[try #require(original.range(of: key))] == resigned[try #require(updated.range(of: key))])
        }
        #expect(updated.members.map(\.key) == original.members.map(\.key))
        // Not a Unified body: left alone.
        #expect(BodyResigner(workspaceSecret: "s", encoding: .base64).resigned(Array("[1]".utf8)) == Array("[1]".utf8))
    }
}
