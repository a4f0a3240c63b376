/// The quiet finishes a store holds in memory until their batch is written (``PageCommit/isQuietFinish``).
struct HeldFinishes: Sendable {
    /// In commit order: a batch written is always a prefix.
    var commits: [PageCommit] = []
    /// Set by ``Store/close()``: a finish held after that would never be written, so it is refused.
    var isClosed = false
}
