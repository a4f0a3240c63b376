import CurlHTTP
@testable import Emitter
import Foundation
import Sandbox
import Store
import Testing

/// The guard in the deliverer: a refused destination is a failed attempt (`blocked_destination`) that never reaches
/// the receiver and is retried on the schedule; an allowed one is delivered to exactly the address that was checked.
@Suite struct DestinationDeliveryTests {
    @Test func aLoopbackReceiverIsBlockedWhenPrivateTargetsAreNotAllowed() async throws {
        let fixture = try await EmitterFixture()
        try await withReceiver(fixture) { subscriber, client in
            let webhook = try await fixture.makeWebhook(on: subscriber)
            try await fixture.append(EmitterFixture.contacts(3))
            var configuration = EmitterConfiguration.testing
            configuration.allowPrivateTargets = false
            let reports = ReportLog()
            let started = fixture.clock.now()
            try await fixture.emitter(client: client, configuration: configuration, reports: reports)
                .deliverPending(webhookID: webhook.id)

            #expect(subscriber.received().isEmpty)
            let message = try #require(try await fixture.store.messages(webhookID: webhook.id, limit: 1).first)
            let attempts = try await fixture.store.attempts(messageID: message.id)
            // Every attempt of the schedule was made, refused before any connection, and the webhook gave up.
            #expect(attempts.count == configuration.retryDelays.count)  // the first delay is the immediate attempt
            #expect(attempts.allSatisfy { $0.errorClass == "blocked_destination" && $0.statusCode == nil })
            #expect(attempts.allSatisfy { ($0.error ?? "").contains("127.0.0.0/8") })
            #expect(attempts[0].nextAttemptAt == started + .seconds(5))
            #expect(message.status == .failed)
            #expect(reports.all.first?.errorClass == "blocked_destination")
            #expect(reports.all.first?.status == .pending)
            let unhealthy = try #require(try await fixture.store.webhook(id: webhook.id))
            #expect(unhealthy.isHealthy == false)
            // The reason is kept for the API, naming the message and the refusal.
            let reason = unhealthy.unhealthyReason ?? ""
            #expect(reason.contains(message.id) && reason.contains("127.0.0.0/8"), "\(reason)")
            let shown = unhealthy.unifiedJSON(integrationType: nil).value(atPath: "unhealthy_reason")
            #expect(shown?.stringValue == reason)
            // A resume makes it healthy again and clears the reason.
            try await fixture.emitter(client: client, configuration: configuration).resume(webhookID: webhook.id)
            let resumed = try #require(try await fixture.store.webhook(id: webhook.id))
            #expect(resumed.isHealthy && resumed.unhealthyReason == nil, "\(resumed)")
        }
        await fixture.close()
    }

    @Test func aLoopbackReceiverIsDeliveredWhenPrivateTargetsAreAllowed() async throws {
        let fixture = try await EmitterFixture()
        try await withReceiver(fixture) { subscriber, client in
            let recording = RecordingHTTPClient(client)
            let webhook = try await fixture.makeWebhook(on: subscriber)
            try await fixture.append(EmitterFixture.contacts(3))
            var configuration = EmitterConfiguration.testing
            configuration.allowPrivateTargets = true
            try await fixture.emitter(client: recording, configuration: configuration)
                .deliverPending(webhookID: webhook.id)

            #expect(subscriber.received().map(\.recordCount) == [3])
            #expect(subscriber.received().allSatisfy { $0.isVerified })
            // The checked address was pinned, and it is the one libcurl connected to.
            let exchanges = recording.exchanges
            #expect(exchanges.count == 1)
            #expect(exchanges.first?.request.pinnedAddress == "127.0.0.1")
            #expect(exchanges.first?.response?.remoteAddress == "127.0.0.1")
            #expect(exchanges.first?.request.followRedirects == false)
        }
        await fixture.close()
    }

    @Test func aPublicAddressIsPinnedToTheCheckedAddress() async throws {
        let fixture = try await EmitterFixture()
        // A scripted client: nothing leaves the machine.
        let client = ScriptedHTTPClient { _ in HTTPResponse(status: 200) }
        let webhook = try await fixture.makeWebhook(url: "https://203.0.114.10:8443/hook")
        try await fixture.append(EmitterFixture.contacts(1))
        var configuration = EmitterConfiguration.testing
        configuration.allowPrivateTargets = false
        try await fixture.emitter(client: client, configuration: configuration).deliverPending(webhookID: webhook.id)
        #expect(client.requests.map(\.pinnedAddress) == ["203.0.114.10"])
        #expect(client.requests.map(\.url) == ["https://203.0.114.10:8443/hook"])
        await fixture.close()
    }

    @Test func aMalformedHookURLIsAFailedAttemptThatSendsNothing() async throws {
        let fixture = try await EmitterFixture()
        let client = ScriptedHTTPClient { _ in HTTPResponse(status: 200) }
        let webhook = try await fixture.makeWebhook(url: "http://user:secret@203.0.114.10/hook")
        try await fixture.append(EmitterFixture.contacts(1))
        let reports = ReportLog()
        try await fixture.emitter(client: client, reports: reports).deliverPending(webhookID: webhook.id)
        #expect(client.requests.isEmpty)
        #expect(reports.all.first?.errorClass == "blocked_destination")
        #expect(reports.all.first?.error?.contains("userinfo") == true)
        await fixture.close()
    }

    @Test func thePinnedAddressIsWhereCurlConnects() async throws {
        let fixture = try await EmitterFixture()
        try await withReceiver(fixture) { subscriber, client in
            let port = try #require(subscriber.port)
            // A name the guard resolves (private targets allowed), then pinned to its IPv4 loopback address.
            let resolved = try await DestinationGuard(allowPrivateTargets: true).resolve(
                url: "http://localhost:\(port)/pinned")
            #expect(resolved.addresses.contains("127.0.0.1"))
            let response = try await client.execute(
                HTTPRequest(
                    method: "POST", url: "http://localhost:\(port)/pinned", body: [], pinnedAddress: "127.0.0.1"))
            #expect(response.remoteAddress == "127.0.0.1")
            #expect(subscriber.received().map(\.path) == ["/pinned"])
        }
        await fixture.close()
    }
}

/// Passes requests to a real client and records each request with its response.
final class RecordingHTTPClient: HTTPClient, @unchecked Sendable {
    struct Exchange: Sendable {
        var request: HTTPRequest
        var response: HTTPResponse?
    }

    private let wrapped: any HTTPClient
    private var log: [Exchange] = []
    private let lock = NSLock()

    init(_ wrapped: any HTTPClient) {
        self.wrapped = wrapped
    }

    func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            let response = try await wrapped.execute(request)
            lock.withLock { log.append(Exchange(request: request, response: response)) }
            return response
        } catch {
            lock.withLock { log.append(Exchange(request: request, response: nil)) }
            throw error
        }
    }

    var exchanges: [Exchange] { lock.withLock { log } }
}
