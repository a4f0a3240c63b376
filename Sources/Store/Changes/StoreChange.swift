/// What a store write changed, named so that only the work it concerns wakes up: a commit wakes the deliverers of
/// that stream's webhooks, a saved webhook its stream's schedule and its own deliverer, and nothing else.
public enum StoreChange: Sendable, Hashable {
    /// A connection was created, replaced, paused, marked unhealthy or deleted (its webhooks' removals are announced
    /// separately).
    case connection(id: String)
    /// A webhook was created, replaced, marked healthy or unhealthy, or deleted. `streams` holds the stream it read
    /// before the write and the one it reads after (one entry when they are the same, none for an unknown id), so a
    /// webhook moved to another stream reschedules both.
    case webhook(id: String, streams: [StreamKey])
    /// A page commit on this stream stored new events, or completed the stream's baseline: its webhooks have
    /// something to deliver.
    case events(StreamKey)
}
