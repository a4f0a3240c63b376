/// The ranges of the numbers that set polling: a webhook's interval, a connector's lookback and safety lag.
///
/// They are owned here because the poller's duration arithmetic depends on them (a lookback of 9.3e12 s overflows
/// the microsecond timestamps). The configuration file, the management API and connector spec files refuse values
/// outside them where they enter, naming the field; the poller clamps to them anyway, so a value that slipped past
/// (a database written by an older build, a configuration built in code) cannot trap a running server.
public enum PollLimits {
    /// A webhook's `interval`, in minutes: at most one year (the server's minimum is the lower bound in force).
    public static let intervalMinutes: ClosedRange<Double> = 0...525_600
    /// A connector's `lookback_seconds` (polling.md §1): up to 30 days, enough for date-only cursors.
    public static let lookbackSeconds: ClosedRange<Double> = 0...2_592_000
    /// A connector's `safety_lag_seconds` (polling.md §1): up to an hour behind the provider's clock.
    public static let safetyLagSeconds: ClosedRange<Double> = 0...3_600

    /// `seconds` as a duration, clamped into `range` (NaN reads as the lower bound), so it cannot trap.
    public static func duration(seconds: Double, clampedTo range: ClosedRange<Double>) -> Duration {
        let bounded = seconds.isNaN ? range.lowerBound : min(max(seconds, range.lowerBound), range.upperBound)
        return .milliseconds(Int64((bounded * 1000).rounded()))
    }

    /// `duration` clamped into `range` seconds.
    static func clamp(_ duration: Duration, to range: ClosedRange<Double>) -> Duration {
        min(max(duration, self.duration(seconds: range.lowerBound, clampedTo: range)),
            self.duration(seconds: range.upperBound, clampedTo: range))
    }
}
