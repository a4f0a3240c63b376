/// A stream's cursor and in-run checkpoint, written in the same transaction as each page's events.
///
/// The watermark is stored twice (polling.md §1): the provider's own text, echoed back verbatim, and a normalized
/// ``Timestamp`` for comparisons. A run in progress is resumable from `runPageToken`.
public struct StreamState: Sendable, Hashable {
    public var stream: StreamKey
    /// Everything updated before this instant has been seen. `nil` until the baseline enumeration completed.
    public var watermark: Timestamp?
    /// The watermark in the provider's own format.
    public var watermarkRaw: String?
    /// In-run checkpoint: the token, offset or URL of the next page; `nil` when no run is in progress.
    public var runPageToken: String?
    /// In-run checkpoint: the `updated_gte` text the run in progress asked with (`nil` = a full enumeration).
    public var runQueryFrom: String?
    /// In-run checkpoint: the largest source `updated_at` durably processed by the run in progress.
    public var runHighWater: Timestamp?
    /// The first full enumeration (the baseline every `include_all` webhook replays) has completed.
    public var baselineComplete: Bool
    /// The log position at which the baseline ended: backfill events up to here make up the initial sync.
    public var baselineCompleteSeq: Int64?
    /// Provider time (its `Date` header) captured before the baseline began; incremental polling starts there.
    public var t0: Timestamp?
    /// End of the last completed run.
    public var lastRunAt: Timestamp?

    public init(
        stream: StreamKey, watermark: Timestamp? = nil, watermarkRaw: String? = nil, runPageToken: String? = nil,
        runQueryFrom: String? = nil, runHighWater: Timestamp? = nil, baselineComplete: Bool = false,
        baselineCompleteSeq: Int64? = nil, t0: Timestamp? = nil, lastRunAt: Timestamp? = nil
    ) {
        self.stream = stream
        self.watermark = watermark
        self.watermarkRaw = watermarkRaw
        self.runPageToken = runPageToken
        self.runQueryFrom = runQueryFrom
        self.runHighWater = runHighWater
        self.baselineComplete = baselineComplete
        self.baselineCompleteSeq = baselineCompleteSeq
        self.t0 = t0
        self.lastRunAt = lastRunAt
    }
}
