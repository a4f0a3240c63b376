/// Why a wait on a ``WakeSignal`` returned, so callers and tests can act on (and assert) the
/// outcome rather than on how long the wait took.
public enum WakeReason: Sendable, Hashable {
    /// A signal arrived while waiting, or a remembered one was pending.
    case signalled
    /// The timer (or timeout) ran out first.
    case timer
    /// The waiting task was cancelled.
    case cancelled
}
