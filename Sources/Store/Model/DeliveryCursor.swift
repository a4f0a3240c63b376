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

    public init(webhookID: String, builtSeq: Int64, initialPhase: InitialPhase) {
        self.webhookID = webhookID
        self.builtSeq = builtSeq
        self.initialPhase = initialPhase
    }
}
