import Store

/// The watermark advance rule of polling.md §2.
enum Watermark {
    /// `max(old, min(run high, server now − safety lag))`, additionally never past T0 after the baseline (edits
    /// made during a long enumeration must be re-read incrementally). A run that read nothing keeps `old`.
    static func advance(
        old: Timestamp?, runHigh: Timestamp?, serverNow: Timestamp, safetyLag: Duration, t0: Timestamp?
    ) -> Timestamp? {
        guard let runHigh else { return old }
        var candidate = min(runHigh, serverNow - safetyLag)
        if let t0 { candidate = min(candidate, t0) }
        guard let old else { return candidate }
        return max(old, candidate)
    }
}
