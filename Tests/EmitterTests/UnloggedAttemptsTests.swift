import CurlHTTP
import Emitter
import Foundation
import Store
import Testing

/// A crash re-sends every message that was POSTed but whose attempt was not yet logged or journaled. A serving store's
/// deliverer journals each attempt before the next POST, so only the one in flight is re-sent (README, "Delivery
/// guarantees"); without a journal the deliverer keeps that number at most 8 per webhook, however many messages it
/// built ahead.
@Suite struct UnloggedAttemptsTests {
    @Test func atMostEightMessagesAreEverPostedWithoutTheirAttemptsLogged() async throws {
        let fixture = try await EmitterFixture()
        // At the k-th POST, k minus the attempts logged so far is the number of messages POSTed (this one included)
        // whose attempts a SIGKILL now would lose.
        let gaps = try await deliverHundredMessages(fixture) { webhookID in
            await loggedAttempts(fixture.store, webhookID: webhookID)
        }
        let peak = gaps.peak
        #expect(peak <= 8, "up to \(peak) messages were POSTed without a logged attempt; gaps: \(gaps.all)")
        await fixture.close()
    }

    @Test func withTheJournalEveryAnsweredAttemptIsOnDiskBeforeTheNextPOST() async throws {
        let fixture = try await EmitterFixture(serving: true)
        let databasePath = fixture.directory.appendingPathComponent("vhooks.db").path
        // At the k-th POST, k minus the attempts journaled or logged so far is what a SIGKILL now would re-send.
        let gaps = try await deliverHundredMessages(fixture) { webhookID in
            max(await loggedAttempts(fixture.store, webhookID: webhookID), journaledAttempts(beside: databasePath))
        }
        #expect(gaps.all == Array(repeating: 1, count: 100), "messages POSTed without a journaled attempt: \(gaps.all)")
        await fixture.store.close()
        #expect(journaledAttempts(beside: databasePath) == 0, "a clean close leaves no journal behind")
        await fixture.close()
    }

    /// Delivers 100 messages of 2 records (more than the 64 the deliverer builds ahead from one read), all accepted,
    /// and returns, for each POST, how many POSTed messages `saved` (given the webhook's id) did not yet account for.
    private func deliverHundredMessages(
        _ fixture: EmitterFixture, saved: @escaping @Sendable (String) async -> Int
    ) async throws -> GapLog {
        let reports = ReportLog()
        let gaps = GapLog()
        let webhook = try await fixture.makeWebhook(url: "http://127.0.0.1:9/hook", pageMaxLimit: 2)
        let client = ScriptedHTTPClient { _ in
            gaps.posted(logged: await saved(webhook.id))
            return HTTPResponse(status: 200)
        }
        try await fixture.append(EmitterFixture.contacts(200))
        try await fixture.emitter(client: client, reports: reports).deliverPending(webhookID: webhook.id)
        #expect(client.requests.count == 100)
        #expect(reports.all.count == 100)
        #expect(reports.all.allSatisfy { $0.status == .delivered })
        return gaps
    }
}

/// The attempts of a webhook in the store's log (its SQLite tables).
private func loggedAttempts(_ store: Store, webhookID: String) async -> Int {
    (try? await store.recentAttempts(webhookID: webhookID, limit: 1_000).count) ?? 0
}

/// The attempt lines in the journal files beside a database.
private func journaledAttempts(beside databasePath: String) -> Int {
    let folder = URL(fileURLWithPath: databasePath).deletingLastPathComponent()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasPrefix("vhooks.db-attempts-") && $0.hasSuffix(".journal") }.reduce(0) { count, name in
        let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) ?? Data()
        return count + data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
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
