import CurlHTTP
import Logging
import Store

/// Delivers one webhook's queue, strictly in order: the head message (oldest `pending` or `failed`) is attempted
/// when due; only once it is delivered or aborted is the next one built from the event log, and a built message is
/// stored with the cursor (frozen, crash-safe) before its first attempt.
///
/// Each ``step()`` attempts the head message, or builds a few messages and sends them in order, and says what should
/// happen next; the service's loop and ``Emitter/deliverPending(webhookID:)`` drive it.
struct WebhookDeliverer {
    /// What the caller should do after a step.
    enum Step: Equatable {
        /// Something changed (a message was built or attempted): step again.
        case progressed
        /// Nothing to do before this time (a retry, or the end of a batching wait), unless woken.
        case waitUntil(Timestamp)
        /// Nothing to send until new events arrive.
        case idle
        /// Delivery is stopped (paused, unhealthy, failed head) until the webhook changes.
        case stopped(String)
        /// The webhook no longer exists.
        case gone
    }

    /// Without an attempt journal (a store opened without `serving`), the most messages of one webhook that may have
    /// been POSTed while their attempts are not yet logged; after a crash at most this many are POSTed again.
    static let maxUnloggedAttempts = 8

    let webhookID: String
    let context: DeliveryContext
    /// A partial incremental batch waiting for more events: its first seq and when the wait began.
    private var partialSince: (seq: Int64, since: Timestamp)?
    /// The initial sync's delivered pages, for the progress lines of the log.
    var initialSync = InitialSyncProgress()

    init(webhookID: String, context: DeliveryContext) {
        self.webhookID = webhookID
        self.context = context
    }

    var store: Store { context.store }

    mutating func step() async throws -> Step {
        guard let state = try await store.deliveryState(webhookID: webhookID) else { return .gone }
        let webhook = state.webhook
        if webhook.isPaused { return .stopped("paused") }
        if !webhook.isHealthy { return .stopped("unhealthy") }
        if let head = state.head {
            if head.status == .failed { return .stopped("head message \(head.id) failed; waiting for resume") }
            if let due = head.nextAttemptAt, due > context.clock.now() { return .waitUntil(due) }
            try await attempt(head, webhook: webhook, workspaceSecret: state.workspaceSecret)
            return .progressed
        }
        return try await buildNext(state)
    }

    /// Plans the next messages from the log (up to ``EmitterConfiguration/buildAhead`` of them, from one read),
    /// stores them with the moved cursor in one transaction, then attempts them in order, stopping at the first that
    /// is not delivered. Messages are frozen before anything is sent, so a crash in between re-sends the same bodies
    /// and ids; what a crash re-sends is bounded by the attempt journal (one message) or, without one, by
    /// ``maxUnloggedAttempts``.
    ///
    /// While a batch is being sent the next one is planned and stored from a fresh delivery state, so reading the
    /// log, building bodies and POSTing overlap; it is sent only if every message before it was delivered or
    /// aborted, and otherwise waits in the queue behind the head like any stored message.
    private mutating func buildNext(_ state: DeliveryState) async throws -> Step {
        var batch: Batch
        switch try await planBatch(state, partialWait: partialSince) {
        case .idle:
            partialSince = nil
            return .idle
        case .partial(let firstSeq):
            let since = partialSince.flatMap { $0.seq == firstSeq ? $0.since : nil } ?? context.clock.now()
            partialSince = (firstSeq, since)
            return .waitUntil(since + context.configuration.batchWait)
        case .readAgain:
            partialSince = nil
            return .progressed
        case .batch(let planned):
            partialSince = nil
            batch = planned
        }
        try await append(batch)
        while true {
            let sender = self
            async let sending = sender.sendInOrder(batch)
            let next: Result<Batch?, any Error>
            do {
                next = .success(try await planFollowing())
            } catch {
                next = .failure(error)
            }
            let run = await sending
            try await finish(run, webhook: batch.webhook)
            guard case let following? = try next.get() else { return .progressed }
            guard run.allSettled else { return .progressed }
            batch = following
        }
    }

    /// The batch after the one being sent, planned and stored from a fresh delivery state; nil when the webhook
    /// stopped (gone, paused, unhealthy) or the log has no whole batch ready (the next step then waits as usual).
    private func planFollowing() async throws -> Batch? {
        guard let state = try await store.deliveryState(webhookID: webhookID),
            !state.webhook.isPaused, state.webhook.isHealthy
        else { return nil }
        guard case .batch(let batch) = try await planBatch(state, partialWait: nil) else { return nil }
        try await append(batch)
        return batch
    }

    /// Stores a batch's messages with its cursor, in one transaction.
    private func append(_ batch: Batch) async throws {
        try await store.appendMessages(batch.messages, cursor: batch.cursor)
        context.logger.debug(
            "messages built",
            metadata: [
                "webhook.id": "\(webhookID)", "messages": "\(batch.messages.count)",
                "messages.records": "\(batch.messages.reduce(0) { $0 + $1.recordCount })",
            ])
    }
}
