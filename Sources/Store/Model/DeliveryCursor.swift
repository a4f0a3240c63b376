/// A webhook's position over its stream's event log, advanced in the same transaction that stores a message.
public struct DeliveryCursor: Sendable, Hashable {
    /// Where the webhook's initial sync stands.
    public enum InitialPhase: String, Sendable, Hashable, Codable {
        /// No backfill asked (`include_all` false): backfill events are skipped.
        case none
        /// Backfill events go out as INITIAL-PARTIAL until INITIAL-COMPLETE has been built.
        case pending
        /// INITIAL-COMPLETE has been built; everything after is VIRTUAL.
        case complete
    }

    public var webhookID: String
    /// The last log position already placed in a message (delivered or queued).
    public var builtSeq: Int64
    public var initialPhase: InitialPhase
    /// For an `include_all` webhook created when its stream's baseline was already complete: the log head at that
    /// moment. Its initial sync is the snapshot of every record as of this position (no provider calls, one version
    /// per record); later changes follow as VIRTUAL. `nil` when the initial sync is the stream's own baseline.
    /// Fixed when the webhook is created; moving the cursor never changes it.
    public var snapshotSeq: Int64?

    public init(webhookID: String, builtSeq: Int64, initialPhase: InitialPhase, snapshotSeq: Int64? = nil) {
        self.webhookID = webhookID
        self.builtSeq = builtSeq
        self.initialPhase = initialPhase
        self.snapshotSeq = snapshotSeq
    }
}
