import Store

extension WebhookDeliverer {
    /// The messages of one build, with the cursor stored beside them.
    struct Batch {
        var messages: [DeliveryMessage]
        var cursor: DeliveryCursor
        /// The webhook and workspace secret the bodies were built and signed with; the run that sends them uses the
        /// same, so a body needs no re-signing check.
        var webhook: Webhook
        var workspaceSecret: String
    }

    /// What planning from a delivery state found.
    enum BatchPlan {
        /// Messages to store and send.
        case batch(Batch)
        /// Nothing deliverable until new events arrive.
        case idle
        /// A partial incremental batch starting at `firstSeq` may wait for more events.
        case partial(firstSeq: Int64)
        /// The read was cut short before a whole page: read again.
        case readAgain
    }

    /// Plans the next messages from the log, up to ``EmitterConfiguration/buildAhead`` of them from one read, and
    /// builds their bodies; stores and sends nothing.
    /// - Parameter partialWait: when the partial batch starting at this seq began waiting; it is flushed once the
    ///   batching wait has passed.
    func planBatch(_ state: DeliveryState, partialWait: (seq: Int64, since: Timestamp)?) async throws -> BatchPlan {
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
        if events.isEmpty, !(pending && stream.baselineComplete) { return .idle }
        let logExhausted = events.count < fetchLimit
        let builder = PayloadBuilder(
            webhook: webhook, integrationType: state.integrationType, workspaceSecret: state.workspaceSecret,
            options: context.configuration.signing, maximumBodyBytes: context.configuration.maxBodyBytes)
        let planner = MessagePlanner(builder: builder, limit: limit)

        var flush = context.configuration.batchWait <= .zero
        if let partialWait, !flush, events.first?.seq == partialWait.seq {
            flush = context.clock.now() >= partialWait.since + context.configuration.batchWait
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
                if built.isEmpty { return .idle }
                break planning
            case .partialBatch(let firstSeq):
                if built.isEmpty { return .partial(firstSeq: firstSeq) }
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
        guard !built.isEmpty else { return .readAgain }
        return .batch(Batch(messages: built, cursor: cursor, webhook: webhook, workspaceSecret: state.workspaceSecret))
    }
}
