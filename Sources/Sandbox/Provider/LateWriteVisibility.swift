import Store

/// When a late write (a record committed with an `updated_at` in the past) becomes visible in List results.
public enum LateWriteVisibility: Sendable, Equatable {
    /// At once: the record shows up now with its old `updated_at`, below any watermark already passed.
    case now
    /// After this many more List requests of the record's object have been answered without it.
    case afterRequests(Int)
    /// Once the provider's clock reaches this time.
    case after(Timestamp)
    /// Only when ``SandboxProvider/revealLateWrites(of:)`` is called.
    case whenRevealed
}
