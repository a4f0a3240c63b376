import Store

/// Decides a webhook's next message from its cursor, the events after it and its stream's baseline state (the
/// initial-sync rules of unified.md §6.1–§6.2 and the batching rules of delivery.md §7). Pure: the deliverer reads,
/// the planner decides, the store writes message and cursor in one transaction.
struct MessagePlanner {
    /// What to do next.
    enum Plan {
        /// Build this message and move the cursor as given.
        case message(Planned)
        /// Nothing can be sent until more events (or the baseline's completion) arrive.
        case waitForEvents
        /// A partial incremental batch starting at `firstSeq` is ready; it may wait a little for more events.
        case partialBatch(firstSeq: Int64)
    }

    /// A message to build: its type, records and seq range, and the cursor to store with it.
    struct Planned {
        var type: PayloadType
        var batch: RecordBatch
        var firstSeq: Int64
        var lastSeq: Int64
        var cursor: DeliveryCursor
    }

    let builder: PayloadBuilder
    /// The webhook's `page_max_limit`.
    let limit: Int

    /// - Parameters:
    ///   - cursor: the webhook's delivery position.
    ///   - events: the deliverable events after `cursor.builtSeq`, in log order, up to `limit + 1` of them (the extra
    ///     one tells whether more follow); backfill events included only while the initial sync is pending.
    ///   - stream: the stream's state (baseline completion).
    ///   - flushPartial: send a partial incremental batch now instead of waiting for more events.
    func plan(cursor: DeliveryCursor, events: [ChangeEvent], stream: StreamState, flushPartial: Bool) -> Plan {
        if cursor.initialPhase == .pending {
            return planInitial(cursor: cursor, events: events, stream: stream)
        }
        return planIncremental(cursor: cursor, events: events, flushPartial: flushPartial)
    }

    /// While the initial sync is pending, every event up to the baseline's end is part of it (INITIAL-PARTIAL pages,
    /// full pages only until the baseline is complete); a last page that is not full is INITIAL-COMPLETE, and after a
    /// full one (or when there was nothing) an empty INITIAL-COMPLETE follows.
    private func planInitial(cursor: DeliveryCursor, events: [ChangeEvent], stream: StreamState) -> Plan {
        guard stream.baselineComplete else {
            let batch = builder.takeBatch(from: events, limit: limit)
            guard batch.count == limit || batch.closedBySize, let last = batch.events.last else { return .waitForEvents }
            return .message(planned(.initialPartial, batch, cursor: cursor, builtSeq: last.seq, phase: .pending))
        }
        // The baseline's last log position; a store that did not record it makes every event read so far initial.
        let endSeq = stream.baselineCompleteSeq ?? (events.last?.seq ?? cursor.builtSeq)
        let initial = events.prefix { $0.seq <= endSeq }
        guard !initial.isEmpty else {
            var next = cursor
            next.builtSeq = max(cursor.builtSeq, endSeq)
            next.initialPhase = .complete
            return .message(
                Planned(
                    type: .initialComplete, batch: RecordBatch(), firstSeq: cursor.builtSeq + 1,
                    lastSeq: cursor.builtSeq, cursor: next))
        }
        let batch = builder.takeBatch(from: initial, limit: limit)
        let last = batch.events[batch.events.count - 1]
        // The last page is INITIAL-COMPLETE only when it is not full; after a full last page an empty
        // INITIAL-COMPLETE follows, so receivers see the same sequence whatever the timing of the baseline.
        if batch.count == initial.count, batch.count < limit, !batch.closedBySize {
            return .message(
                planned(.initialComplete, batch, cursor: cursor, builtSeq: max(last.seq, endSeq), phase: .complete))
        }
        return .message(planned(.initialPartial, batch, cursor: cursor, builtSeq: last.seq, phase: .pending))
    }

    /// After the initial sync (or without one): runs of the same source become VIRTUAL (polled) or NATIVE messages;
    /// a message never mixes the two.
    private func planIncremental(cursor: DeliveryCursor, events: [ChangeEvent], flushPartial: Bool) -> Plan {
        guard let first = events.first else { return .waitForEvents }
        let type = Self.incrementalType(first)
        let run = events.prefix { Self.incrementalType($0) == type }
        let batch = builder.takeBatch(from: run, limit: limit)
        let last = batch.events[batch.events.count - 1]
        let closed = batch.count == limit || batch.closedBySize || run.count < events.count
        guard closed || flushPartial else { return .partialBatch(firstSeq: first.seq) }
        return .message(planned(type, batch, cursor: cursor, builtSeq: last.seq, phase: cursor.initialPhase))
    }

    private func planned(
        _ type: PayloadType, _ batch: RecordBatch, cursor: DeliveryCursor, builtSeq: Int64,
        phase: DeliveryCursor.InitialPhase
    ) -> Planned {
        var next = cursor
        next.builtSeq = builtSeq
        next.initialPhase = phase
        return Planned(
            type: type, batch: batch, firstSeq: batch.events[0].seq, lastSeq: batch.events[batch.count - 1].seq,
            cursor: next)
    }

    static func incrementalType(_ event: ChangeEvent) -> PayloadType {
        event.source == .native ? .native : .virtual
    }
}
