import CurlHTTP
import Logging
import Store

/// Delivers one webhook's queue, strictly in order: the head message (oldest `pending` or `failed`) is attempted
/// when due; only once it is delivered or aborted is the next one built from the event log, and a built message is
/// stored with the cursor (frozen, crash-safe) before its first attempt.
///
/// Each ``step()`` does at most one store-changing thing (build one message, or make one attempt) and says what
/// should happen next; the service's loop and ``Emitter/deliverPending(webhookID:)`` drive it.
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
        guard let webhook = try await store.webhook(id: webhookID) else { return .gone }
        if webhook.isPaused { return .stopped("paused") }
        if !webhook.isHealthy { return .stopped("unhealthy") }
        if let head = try await store.openMessage(webhookID: webhookID) {
            if head.status == .failed { return .stopped("head message \(head.id) failed; waiting for resume") }
            if let due = head.nextAttemptAt, due > context.clock.now() { return .waitUntil(due) }
            try await attempt(head, webhook: webhook)
            return .progressed
        }
        return try await buildNext(webhook)
    }

    /// Plans the next message from the log and stores it with the moved cursor; nothing is sent here.
    private mutating func buildNext(_ webhook: Webhook) async throws -> Step {
        guard let cursor = try await store.deliveryCursor(webhookID: webhookID) else { return .gone }
        let limit = max(1, webhook.pageMaxLimit)
        let pending = cursor.initialPhase == .pending
        // One event more than a page: it tells whether more follow.
        let events = try await store.events(
            webhook.stream, afterSeq: cursor.builtSeq, kinds: webhook.event.deliveredKinds, includeBackfill: pending,
            limit: limit + 1)
        // The baseline's state matters only while the initial sync is pending.
        let stream = pending ? try await store.streamState(webhook.stream) : StreamState(stream: webhook.stream)
        if events.isEmpty, !(pending && stream.baselineComplete) {
            partialSince = nil
            return .idle
        }
        let integrationType = try await store.connection(id: webhook.connectionID)?.integrationType
        let builder = PayloadBuilder(
            webhook: webhook, integrationType: integrationType, workspaceSecret: try await store.workspaceSecret(),
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
            return .progressed
        }
    }
}
