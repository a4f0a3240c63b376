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
    private mutating func buildNext(_ state: DeliveryState) async throws -> Step {
        let webhook = state.webhook
        var stream = state.stream
        let limit = max(1, webhook.pageMaxLimit)
        let ahead = max(1, context.configuration.buildAhead)
        let pending = state.cursor.initialPhase == .pending
        // One event more than the pages wanted: it tells whether more follow.
        let fetchLimit = ahead * limit + 1
        let events: [ChangeEvent]
        if pending, let snapshotSeq = state.cursor.snapshotSeq {
            // A late include_all webhook: its initial sync is the stream as of its creation, one version per
            // record, and ends there as if that were the baseline's end.
            events = try await store.reader.snapshotEvents(
                webhook.stream, asOf: snapshotSeq, afterSeq: state.cursor.builtSeq, limit: fetchLimit,
                filters: webhook.filters)
            stream.baselineComplete = true
            stream.baselineCompleteSeq = snapshotSeq
        } else {
            events = try await store.reader.events(
                webhook.stream, afterSeq: state.cursor.builtSeq, kinds: webhook.event.deliveredKinds,
                includeBackfill: pending, limit: fetchLimit, filters: webhook.filters)
        }
        if events.isEmpty, !(pending && stream.baselineComplete) {
            partialSince = nil
            return .idle
        }
        let logExhausted = events.count < fetchLimit
        let builder = PayloadBuilder(
            webhook: webhook, integrationType: state.integrationType, workspaceSecret: state.workspaceSecret,
            options: context.configuration.signing, maximumBodyBytes: context.configuration.maxBodyBytes)
        let planner = MessagePlanner(builder: builder, limit: limit)

        var flush = context.configuration.batchWait <= .zero
        if let partialSince, !flush, events.first?.seq == partialSince.seq {
            flush = context.clock.now() >= partialSince.since + context.configuration.batchWait
        }
        var cursor = state.cursor
        var remaining = events[...]
        var built: [DeliveryMessage] = []
        planning: while built.count < ahead {
            // The planner decides from at most a page plus one event, as if it had read the log itself; a slice cut
            // short by the read limit is not the end of the log.
            if !logExhausted && remaining.count <= limit { break }
            let window = Array(remaining.prefix(limit + 1))
            switch planner.plan(cursor: cursor, events: window, stream: stream, flushPartial: flush) {
            case .waitForEvents:
                if built.isEmpty {
                    partialSince = nil
                    return .idle
                }
                break planning
            case .partialBatch(let firstSeq):
                if built.isEmpty {
                    let since = partialSince.flatMap { $0.seq == firstSeq ? $0.since : nil } ?? context.clock.now()
                    partialSince = (firstSeq, since)
                    return .waitUntil(since + context.configuration.batchWait)
                }
                break planning
            case .message(let planned):
                let nonce = RandomID.hex(bytes: 16)
                let data = builder.dataBytes(records: planned.batch.records)
                built.append(
                    DeliveryMessage(
                        id: DeliveryMessage.makeID(
                            webhookID: webhookID, salt: webhook.idSalt, firstSeq: planned.firstSeq,
                            lastSeq: planned.lastSeq),
                        webhookID: webhookID, firstSeq: planned.firstSeq, lastSeq: planned.lastSeq, type: planned.type,
                        body: builder.body(data: data, nonce: nonce, type: planned.type), nonce: nonce,
                        recordCount: planned.batch.count, createdAt: context.clock.now(),
                        loggedRecords: builder.loggedRecords(of: planned.batch, dataCount: data.count)))
                cursor = planned.cursor
                remaining = remaining.drop { $0.seq <= planned.cursor.builtSeq }
            }
        }
        partialSince = nil
        guard !built.isEmpty else { return .progressed }
        try await store.appendMessages(built, cursor: cursor)
        context.logger.debug(
            "messages built",
            metadata: [
                "webhook.id": "\(webhookID)", "messages": "\(built.count)",
                "messages.records": "\(built.reduce(0) { $0 + $1.recordCount })",
            ])
        // Sent in order, the first that is not delivered ending the run. A serving store's journal notes each
        // attempt as soon as it is answered, so the SQLite log can wait for the end of the run (a crash then re-sends
        // only the POST in flight). Without a journal the attempts are logged in groups of at most
        // `maxUnloggedAttempts`, which bounds what a crash re-sends (same ids: at-least-once delivery allows it).
        let journal = store.attemptJournal
        var sent: [WebhookDeliverer.SentAttempt] = []
        var tickets: [AttemptJournal.Ticket] = []
        do {
            for message in built {
                let attempt = try await send(
                    message, webhook: webhook, workspaceSecret: state.workspaceSecret, justBuilt: true)
                sent.append(attempt)
                if let journal { tickets.append(try journal.append(attempt.record)) }
                if attempt.record.status != .delivered && attempt.record.status != .aborted { break }
                if journal == nil && sent.count >= Self.maxUnloggedAttempts {
                    let group = sent
                    sent.removeAll(keepingCapacity: true)
                    try await record(group, webhook: webhook)
                }
            }
        } catch {
            if (try? await record(sent, webhook: webhook)) != nil { journal?.settle(tickets) }
            throw error
        }
        try await record(sent, webhook: webhook)
        journal?.settle(tickets)
        return .progressed
    }
}
