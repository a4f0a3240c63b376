import Foundation
import Sandbox
import Store
import TestSupport
import Testing

/// The recording subscriber verifies payloads as receivers do. Expected values come from the shared vectors
/// (`vectors/signatures.json`), copied here so the package's tests stand alone.
@Suite struct SandboxSubscriberTests {
    // Vector `unified-sig-basic`.
    static let workspaceSecret = "test_workspace_secret"
    static let webhookID = "65f0c2a1e4b0a1b2c3d4e5f6"
    static let basicBody = #"{"data":[{"id":"c1","name":"Ada Lovelace","emails":[{"email":"ada@example.com","type":"WORK"}],"updated_at":"2024-01-01T00:00:00.000Z"}],"webhook":{"id":"65f0c2a1e4b0a1b2c3d4e5f6","connection_id":"conn_abc","object_type":"crm_contact","event":"updated","hook_url":"https://example.com/hooks/unified","webhook_type":"virtual","interval":15,"environment":"Production","is_healthy":true},"nonce":"5f2b8c1e9a4d","sig":"Da3bsiDM1ayN7ZILIk7LqN7j/dE=","type":"VIRTUAL"}"#
    static let basicSig256 = "RiCKbMrbTWom8nwU0lE2gl847ZnTj0/H12BU2IUPhrY="
    static var basicBodyWithSig256: String {
        basicBody.replacingOccurrences(of: #","type":"VIRTUAL"}"#, with: #","sig256":"\#(basicSig256)","type":"VIRTUAL"}"#)
    }

    // Vectors `standard-webhooks-v1-library-test` and `standard-webhooks-v1-rotation-two-secrets`.
    static let whsec = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let previousWhsec = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYX"
    static let foreignWhsec = "whsec_ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7"
    static let libraryMessageID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    static let libraryTimestamp: Int64 = 1_614_265_330
    static let libraryBody = #"{"test": 2432232314}"#
    static let librarySignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    static let rotationSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= v1,/485aUtxlie+TIScVpHggMfqOB4so2KWb7+Gf727B44="

    /// Standard Webhooks headers for `body`, signed now (or at `time`) with `secret`.
    static func headers(for body: String, secret: String = whsec, messageID: String = "msg_0123456789abcdef0123456789abcdef",
                        time: Timestamp = .now()) throws -> [String: String] {
        let timestamp = String(time.microseconds / 1_000_000)
        let signature = try #require(StandardWebhooksVerifier.sign(
            messageID: messageID, timestamp: timestamp, body: Array(body.utf8), secret: secret))
        return ["content-type": "application/json", "webhook-id": messageID,
                "webhook-timestamp": timestamp, "webhook-signature": signature]
    }

    static var configured: SubscriberConfiguration {
        SubscriberConfiguration(workspaceSecret: workspaceSecret, webhookSecrets: [webhookID: whsec])
    }

    @Test func verifiesACorrectlySignedUnifiedPayload() async throws {
        let lines = LineCollector()
        try await withSubscriber(Self.configured, output: lines.append) { running in
            let body = Self.basicBodyWithSig256
            let response = try await TestHTTP.post(running.hookURL("/hooks/a"), body: Array(body.utf8),
                                                   headers: try Self.headers(for: body))
            #expect(response.status == 200)

            let received = try #require(running.subscriber.received().first)
            #expect(received.sig == .valid)
            #expect(received.sig256 == .valid)
            #expect(received.standardWebhooks == .valid)
            #expect(received.isVerified)
            #expect(received.type == "VIRTUAL")
            #expect(received.webhookID == Self.webhookID)
            #expect(received.messageID == "msg_0123456789abcdef0123456789abcdef")
            #expect(received.recordIDs == ["c1"])
            #expect(received.recordCount == 1)
            #expect(received.path == "/hooks/a")
            #expect(received.body == Array(body.utf8))
            #expect(lines.lines.count == 1)
            #expect(lines.lines.first?.contains("sig=valid sig256=valid webhook-signature=valid") == true)
        }
    }

    @Test func payloadWithoutSig256StillVerifies() async throws {
        try await withSubscriber(Self.configured) { running in
            _ = try await TestHTTP.post(running.hookURL(), body: Array(Self.basicBody.utf8),
                                        headers: try Self.headers(for: Self.basicBody))
            let received = try #require(running.subscriber.received().first)
            #expect(received.sig == .valid)
            #expect(received.sig256 == .missing)
            #expect(received.isVerified)
        }
    }

    @Test func rejectsATamperedPayload() async throws {
        var configuration = Self.configured
        configuration.rejectUnverified = true
        try await withSubscriber(configuration) { running in
            let original = Self.basicBodyWithSig256
            let headers = try Self.headers(for: original)
            let tampered = original.replacingOccurrences(of: "Ada Lovelace", with: "Ada Lovelacf")
            let response = try await TestHTTP.post(running.hookURL(), body: Array(tampered.utf8), headers: headers)
            #expect(response.status == 401)

            let received = try #require(running.subscriber.received().first)
            #expect(received.sig == .invalid)
            #expect(received.sig256 == .invalid)
            #expect(received.standardWebhooks == .invalid)
            #expect(!received.isVerified)
            #expect(running.subscriber.summary().unverified == 1)
            #expect(running.subscriber.summary().accepted == 0)
        }
    }

    @Test func wrongWorkspaceSecretAndStaleTimestampAreCaught() async throws {
        var configuration = Self.configured
        configuration.workspaceSecret = "another_secret"
        try await withSubscriber(configuration) { running in
            let body = Self.basicBodyWithSig256
            let stale = try Self.headers(for: body, time: .now() - .seconds(301))
            _ = try await TestHTTP.post(running.hookURL(), body: Array(body.utf8), headers: stale)
            let received = try #require(running.subscriber.received().first)
            #expect(received.sig == .invalid)
            #expect(received.sig256 == .invalid)
            #expect(received.standardWebhooks == .outsideTolerance)

            _ = try await TestHTTP.post(running.hookURL(), body: Array(body.utf8), headers: ["content-type": "application/json"])
            #expect(running.subscriber.received().last?.standardWebhooks == .missing)
        }
    }

    @Test func reserializesDataTheWayJavaScriptDoes() async throws {
        // Vector `unified-sig-js-serialization-rules`: `data` arrives with whitespace, `\/`, `100.0`, `1E-7`, …; the
        // receiver signs JSON.stringify(JSON.parse(data)), not the bytes as sent.
        let dataInput = #"[ { "id": "c2", "name": "Zoë Ørsted 😀", "website": "https://example.com/a/b?x=1&y=<2>", "path": "a\/b", "note": "line1\nline2\ttab \u0001 \"q\" \\ \u2028", "amount": 100.0, "ratio": 12.50, "tiny": 1E-7, "huge": 1e21, "big": 12345678901234567891, "neg_zero": -0, "custom": { "b": true, "10": "ten", "a": null, "2": "two", "01": "zero-one" }, "tags": [] } ]"#
        let body = #"{"data":"# + dataInput + #","webhook":{"id":"65f0c2a1e4b0a1b2c3d4e5f6"},"nonce":"n0nce-7Q","sig":"BXmgBBjmNAgtQzq9DpG6kFY8nnw=","sig256":"klKhGW3lr4/gVZSwZziJsIUqrBCpmY/RYroEjIu+w0k=","type":"VIRTUAL"}"#
        try await withSubscriber(Self.configured) { running in
            _ = try await TestHTTP.post(running.hookURL(), body: Array(body.utf8), headers: try Self.headers(for: body))
            let received = try #require(running.subscriber.received().first)
            #expect(received.sig == .valid)
            #expect(received.sig256 == .valid)
            #expect(received.standardWebhooks == .valid)
            #expect(received.recordIDs == ["c2"])
        }
    }

    @Test func standardWebhooksLibraryVectorsOverHTTP() async throws {
        let vectorNow = Timestamp(microseconds: (Self.libraryTimestamp + 10) * 1_000_000)
        #expect(StandardWebhooksVerifier.sign(messageID: Self.libraryMessageID, timestamp: String(Self.libraryTimestamp),
                                              body: Array(Self.libraryBody.utf8), secret: Self.whsec) == Self.librarySignature)
        for (secret, expected) in [(Self.whsec, VerificationOutcome.valid), (Self.previousWhsec, .valid), (Self.foreignWhsec, .invalid)] {
            let configuration = SubscriberConfiguration(defaultWebhookSecret: secret, clock: { vectorNow })
            try await withSubscriber(configuration) { running in
                let headers = ["webhook-id": Self.libraryMessageID, "webhook-timestamp": String(Self.libraryTimestamp),
                               "webhook-signature": Self.rotationSignature]
                _ = try await TestHTTP.post(running.hookURL(), body: Array(Self.libraryBody.utf8), headers: headers)
                let received = try #require(running.subscriber.received().first)
                #expect(received.standardWebhooks == expected, "secret \(secret)")
                #expect(received.sig == .malformed)  // not a Unified payload
            }
        }
    }

    @Test(arguments: [(Int64(300), VerificationOutcome.valid), (301, .outsideTolerance), (-300, .valid), (-301, .outsideTolerance)])
    func timestampToleranceIsFiveMinutesEitherWay(offset: Int64, expected: VerificationOutcome) {
        // Vector `standard-webhooks-v1-timestamp-tolerance`.
        let now = Timestamp(microseconds: (Self.libraryTimestamp + offset) * 1_000_000)
        let outcome = StandardWebhooksVerifier.verify(
            messageID: Self.libraryMessageID, timestamp: String(Self.libraryTimestamp), signature: Self.librarySignature,
            body: Array(Self.libraryBody.utf8), secret: Self.whsec, now: now)
        #expect(outcome == expected)
    }

    @Test func secretsAndFailuresAreControllableOverHTTP() async throws {
        try await withSubscriber(SubscriberConfiguration(keepBodies: false)) { running in
            let body = Self.basicBodyWithSig256
            _ = try await TestHTTP.post(running.hookURL(), body: Array(body.utf8), headers: try Self.headers(for: body))
            #expect(running.subscriber.received().last?.sig == .noSecret)
            #expect(running.subscriber.received().last?.standardWebhooks == .noSecret)

            let secrets = JSONValue.object([("workspace_secret", .string(Self.workspaceSecret)),
                                            ("webhook_id", .string(Self.webhookID)), ("secret", .string(Self.whsec))])
            #expect(try await TestHTTP.post(running.baseURL + "/_subscriber/secrets", json: secrets).status == 200)
            let fail = JSONValue.object([("status", .number(503)), ("count", .number(2))])
            #expect(try await TestHTTP.post(running.baseURL + "/_subscriber/fail", json: fail).status == 200)

            var statuses: [Int] = []
            for _ in 0..<3 {
                let response = try await TestHTTP.post(running.hookURL(), body: Array(body.utf8),
                                                       headers: try Self.headers(for: body))
                statuses.append(response.status)
            }
            #expect(statuses == [503, 503, 200])

            let report = try await TestHTTP.get(running.baseURL + "/_subscriber/received?since=1").json()
            let entries = try #require(report["received"]?.arrayValue)
            #expect(entries.count == 3)
            #expect(entries.map { $0["status"] } == [.number(503), .number(503), .number(200)])
            #expect(entries.allSatisfy { $0["sig"] == .string("valid") && $0["standard_webhooks"] == .string("valid") })
            #expect(entries.allSatisfy { $0["record_ids"] == .array([.string("c1")]) && $0["body"] == nil })
            #expect(report["summary"]?["payloads"] == .number(4))
            #expect(report["summary"]?["accepted"] == .number(2))
            #expect(running.subscriber.received().allSatisfy { $0.body == nil })
        }
    }

    @Test func keepsABoundedListButCountsEverything() async throws {
        let configuration = SubscriberConfiguration(workspaceSecret: Self.workspaceSecret,
                                                    webhookSecrets: [Self.webhookID: Self.whsec], capacity: 2)
        try await withSubscriber(configuration) { running in
            running.subscriber.failNext(1, status: 500)
            for _ in 0..<3 {
                let body = Self.basicBody
                _ = try await TestHTTP.post(running.hookURL(), body: Array(body.utf8), headers: try Self.headers(for: body))
            }
            #expect(running.subscriber.received().map(\.sequence) == [2, 3])
            #expect(running.subscriber.received(since: 2).map(\.sequence) == [3])
            #expect(running.subscriber.summary() == SubscriberSummary(payloads: 3, records: 3, accepted: 2, unverified: 0, dropped: 1))
            running.subscriber.clearReceived()
            #expect(running.subscriber.received().isEmpty)
            #expect(try await TestHTTP.get(running.baseURL + "/hook").status == 405)
        }
    }
}

/// Collects the subscriber's output lines.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }

    var append: @Sendable (String) -> Void {
        { [self] line in
            lock.lock()
            defer { lock.unlock() }
            storage.append(line)
        }
    }
}
