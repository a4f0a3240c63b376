import CurlHTTP
import Logging
import Store

/// Delivers one webhook's queue, strictly in order: the head message (oldest `pending` or `failed`) is attempted
/// when due; only once it is delivered or aborted is the next one built from the event log, and a built message is
/// stored with the cursor (frozen, crash-safe) before its first attempt.
///
/// Each ``step()`` makes one attempt (of the head message, or of the message it has just built and stored) and says
/// what should happen next; the service's loop and ``Emitter/deliverPending(webhookID:)`` drive it.
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

    let webhookID: String
    let context: DeliveryContext
    /// A partial incremental batch waiting for more events: its first seq and when the wait began.
    private var partialSince: (seq: Int64, since: Timestamp)?

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

    /// Plans the next message from the log, stores it with the moved cursor, then makes its first attempt (the
    /// message is frozen before anything is sent, so a crash in between re-sends the same body and id).
    private mutating func buildNext(_ state: DeliveryState) async throws -> Step {
        let webhook = state.webhook
        let cursor = state.cursor
        let stream = state.stream
        let limit = max(1, webhook.pageMaxLimit)
        let pending = cursor.initialPhase == .pending
        // One event more than a page: it tells whether more follow.
        let events = try await store.events(
            webhook.stream, afterSeq: cursor.builtSeq, kinds: webhook.event.deliveredKinds, includeBackfill: pending,
            limit: limit + 1)
        if events.isEmpty, !(pending && stream.baselineComplete) {
            partialSince = nil
            return .idle
        }
        let builder = PayloadBuilder(
            webhook: webhook, integrationType: state.integrationType, workspaceSecret: state.workspaceSecret,
            options: context.configuration.signing, maximumBodyBytes: context.configuration.maxBodyBytes)
        let planner = MessagePlanner(builder: builder, limit: limit)

        var flush = context.configuration.batchWait <= .zero
        if let partialSince, !flush, events.first?.seq == partialSince.seq {
            flush = context.clock.now() >= partialSince.since + context.configuration.batchWait
        }
        switch planner.plan(cursor: cursor, events: events, stream: stream, flushPartial: flush) {
        case .waitForEvents:
            partialSince = nil
            return .idle
        case .partialBatch(let firstSeq):
            let since = partialSince.flatMap { $0.seq == firstSeq ? $0.since : nil } ?? context.clock.now()
            partialSince = (firstSeq, since)
            return .waitUntil(since + context.configuration.batchWait)
        case .message(let planned):
            partialSince = nil
            let nonce = RandomID.hex(bytes: 16)
            let data = builder.dataBytes(records: planned.batch.records)
            let message = DeliveryMessage(
                id: DeliveryMessage.makeID(webhookID: webhookID, firstSeq: planned.firstSeq, lastSeq: planned.lastSeq),
                webhookID: webhookID, firstSeq: planned.firstSeq, lastSeq: planned.lastSeq, type: planned.type,
                body: builder.body(data: data, nonce: nonce, type: planned.type), nonce: nonce,
                recordCount: planned.batch.count, createdAt: context.clock.now())
            try await store.appendMessage(message, cursor: planned.cursor)
            context.logger.debug(
                "message built",
                metadata: [
                    "webhook.id": "\(webhookID)", "message.id": "\(message.id)", "message.type": "\(message.type.rawValue)",
                    "message.records": "\(message.recordCount)", "message.bytes": "\(message.body.count)",
                ])
            try await attempt(message, webhook: webhook, workspaceSecret: state.workspaceSecret)
            return .progressed
        }
    }
}
