import Store

/// The `runs` strings of a webhook (unified.md §1): its stream's polls and its own delivery attempts, newest first,
/// at most ``limit``, each `"<ISO time> <status> <records>"`.
///
/// A delivery attempt reads `<end> <HTTP status> <records in the message>` (`err` when no HTTP status came back).
/// A poll that produced no events reads `<end> - 0` (nothing was due); a failed poll `<end> err 0`. Polls that
/// produced events are represented by the deliveries they lead to. Polls from before the webhook was created are left
/// out.
struct WebhookRuns {
    static let limit = 20

    let store: Store

    func runs(of webhook: Webhook) async throws -> [String] {
        var entries: [(Timestamp, String)] = []
        // The stream's polls are shared; those before the webhook existed are not its runs.
        for run in try await store.pollRuns(webhook.stream, limit: Self.limit) where run.finishedAt >= webhook.createdAt {
            switch run.status {
            case .failed: entries.append((run.finishedAt, "\(run.finishedAt.iso8601) err 0"))
            case .ok where run.events == 0: entries.append((run.finishedAt, "\(run.finishedAt.iso8601) - 0"))
            case .ok: continue
            }
        }
        let attempts = try await store.recentAttempts(webhookID: webhook.id, limit: Self.limit)
        let records = try await store.recordCounts(messageIDs: Set(attempts.map(\.messageID)))
        for attempt in attempts {
            let end = Timestamp(microseconds: attempt.startedAt.microseconds + attempt.durationMicroseconds)
            let status = attempt.statusCode.map(String.init) ?? "err"
            let count = attempt.statusCode.map { (200..<300).contains($0) } == true ? records[attempt.messageID] ?? 0 : 0
            entries.append((end, "\(end.iso8601) \(status) \(count)"))
        }
        return entries.sorted { $0.0 > $1.0 }.prefix(Self.limit).map(\.1)
    }
}
