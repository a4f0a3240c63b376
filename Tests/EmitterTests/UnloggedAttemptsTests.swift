import CurlHTTP
import Emitter
import Foundation
import Store
import Testing

/// A crash re-sends every message that was POSTed but whose attempt was not yet logged; the deliverer keeps that
/// number at most 8 per webhook (README, "Delivery guarantees"), however many messages it built ahead.
@Suite struct UnloggedAttemptsTests {
    @Test func atMostEightMessagesAreEverPostedWithoutTheirAttemptsLogged() async throws {
        let fixture = try await EmitterFixture()
        let reports = ReportLog()
        let gaps = GapLog()
        // The observer reports an attempt once it is logged, so at the k-th POST, k minus the reports so far is the
        // number of messages POSTed (this one included) whose attempts a SIGKILL now would lose.
        let client = ScriptedHTTPClient { _ in
            gaps.posted(logged: reports.all.count)
            return HTTPResponse(status: 200)
        }
        // 100 messages of 2 records: more than the 64 the deliverer builds ahead from one read.
        let webhook = try await fixture.makeWebhook(url: "http://127.0.0.1:9/hook", pageMaxLimit: 2)
        try await fixture.append(EmitterFixture.contacts(200))
        try await fixture.emitter(client: client, reports: reports).deliverPending(webhookID: webhook.id)

        #expect(client.requests.count == 100)
        #expect(reports.all.count == 100)
        #expect(reports.all.allSatisfy { $0.status == .delivered })
        let peak = gaps.peak
        #expect(peak <= 8, "up to \(peak) messages were POSTed without a logged attempt; gaps: \(gaps.all)")
        await fixture.close()
    }
}

/// For each POST, how many POSTed messages had no logged attempt at that moment.
private final class GapLog: @unchecked Sendable {
    private var gaps: [Int] = []
    private let lock = NSLock()

    func posted(logged: Int) {
        lock.withLock { gaps.append(gaps.count + 1 - logged) }
    }

    var all: [Int] { lock.withLock { gaps } }
    var peak: Int { all.max() ?? 0 }
}
