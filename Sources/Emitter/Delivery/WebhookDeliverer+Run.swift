import Store

extension WebhookDeliverer {
    /// What sending a batch in order did: every attempt made, how many of the first were already logged, the
    /// journal's tickets for them, and the error that ended the run early (cancellation, a shut-down client, a store
    /// failure), if any.
    struct SendRun {
        var attempts: [SentAttempt] = []
        var loggedCount = 0
        var tickets: [AttemptJournal.Ticket] = []
        var error: (any Error)?

        /// Whether every attempt was delivered or aborted, so the messages after the batch may be sent.
        var allSettled: Bool {
            error == nil && attempts.allSatisfy { $0.record.status == .delivered || $0.record.status == .aborted }
        }
    }

    /// Sends a batch's messages in order, the first that is not delivered ending the run. A serving store's journal
    /// notes each attempt as soon as it is answered, so the SQLite log can wait for the end of the run (a crash then
    /// re-sends only the POST in flight). Without a journal the attempts are logged in groups of at most
    /// ``maxUnloggedAttempts``, which bounds what a crash re-sends (same ids: at-least-once delivery allows it).
    ///
    /// Never throws, so the caller can plan the next batch meanwhile and still log what this run sent.
    func sendInOrder(_ batch: Batch) async -> SendRun {
        let journal = store.attemptJournal
        var run = SendRun()
        do {
            for message in batch.messages {
                let attempt = try await send(
                    message, webhook: batch.webhook, workspaceSecret: batch.workspaceSecret, justBuilt: true)
                run.attempts.append(attempt)
                if let journal { run.tickets.append(try journal.append(attempt.record)) }
                if attempt.record.status != .delivered && attempt.record.status != .aborted { break }
                if journal == nil && run.attempts.count - run.loggedCount >= Self.maxUnloggedAttempts {
                    // Only delivered or aborted attempts so far: nothing here turns the webhook unhealthy.
                    try await store.recordAttempts(run.attempts[run.loggedCount...].map(\.record))
                    run.loggedCount = run.attempts.count
                }
            }
        } catch {
            run.error = error
        }
        return run
    }

    /// Logs what a run has not logged yet, settles its journal tickets, reports every attempt, and rethrows the
    /// error that ended it.
    mutating func finish(_ run: SendRun, webhook: Webhook) async throws {
        do {
            try await logAttempts(Array(run.attempts[run.loggedCount...]), webhook: webhook)
        } catch {
            report(run.attempts[..<run.loggedCount])
            throw run.error ?? error
        }
        store.attemptJournal?.settle(run.tickets)
        report(run.attempts[...])
        if let error = run.error { throw error }
    }
}
