extension Duration {
    /// Whole milliseconds for libcurl's `_MS` options, rounded up so a positive duration never becomes 0 (which
    /// libcurl reads as "no timeout"), and clamped to what a C `long` timeout sensibly holds.
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        guard seconds >= 0, self > .zero else { return 1 }
        guard seconds < Int64(Int32.max / 1000) else { return Int(Int32.max) }
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int(max(1, milliseconds))
    }
}
