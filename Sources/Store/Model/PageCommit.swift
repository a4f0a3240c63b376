/// Everything one fetched page changes, written in ONE transaction (polling.md §3): the page's events (inserted
/// only if their identities are new), which are also the records' new states, and the stream checkpoint. The cursor
/// therefore never passes a record whose event is not stored, and a crash re-reads at most one page.
public struct PageCommit: Sendable {
    public var events: [ChangeEvent]
    public var checkpoint: StreamState
    /// Set on the commit that marks the baseline complete: it carries no event, yet the stream's deliverers must
    /// wake to close their initial sync with `INITIAL-COMPLETE`.
    public var completesBaseline: Bool
    /// The run this commit ends, stored in the same transaction (its `events` plus the events this commit inserts),
    /// with the stream's webhooks marked checked at its end: a poll that finds nothing costs one write.
    public var finishedRun: PollRun?

    public init(
        events: [ChangeEvent], checkpoint: StreamState, completesBaseline: Bool = false,
        finishedRun: PollRun? = nil
    ) {
        self.events = events
        self.checkpoint = checkpoint
        self.completesBaseline = completesBaseline
        self.finishedRun = finishedRun
    }

    /// The last page of a poll that found nothing: no event, no baseline to close, no run left in progress. Losing
    /// it in a crash only re-reads a window already diffed, so the store writes such commits in batches (one
    /// transaction for all the quiet polls of about a second) instead of one transaction each.
    public var isQuietFinish: Bool {
        events.isEmpty && !completesBaseline && finishedRun != nil && checkpoint.runPageToken == nil
    }
}

/// What a page commit stored.
public struct PageCommitResult: Sendable, Hashable {
    /// Events whose ids were new (the rest were already in the log: a re-read after a crash).
    public var insertedEvents: Int
    /// The log position after the commit; `nil` for a quiet finish (``PageCommit/isQuietFinish``), which is written
    /// with the next batch and reads nothing.
    public var headSeq: Int64?

    public init(insertedEvents: Int, headSeq: Int64?) {
        self.insertedEvents = insertedEvents
        self.headSeq = headSeq
    }
}
