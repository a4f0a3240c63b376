import Pollers
import Store

/// The range a number from a client or an operator must fall in, checked where the value enters so that no later
/// arithmetic on it can trap, and stated in the error ("must be a number of seconds from 0 to 3600").
public struct NumberRange: Sendable, Hashable {
    public var bounds: ClosedRange<Double>
    /// The lower bound itself is refused ("more than 0").
    public var excludesLowerBound: Bool
    public var wholeNumbers: Bool
    /// `minutes`, `seconds`, or empty.
    public var unit: String

    public init(_ bounds: ClosedRange<Double>, unit: String = "", excludesLowerBound: Bool = false, wholeNumbers: Bool = false) {
        self.bounds = bounds
        self.unit = unit
        self.excludesLowerBound = excludesLowerBound
        self.wholeNumbers = wholeNumbers
    }

    /// `min_interval_minutes` and `--min-interval`: more than 0, at most a year.
    public static let minimumIntervalMinutes = NumberRange(
        0...PollLimits.intervalMinutes.upperBound, unit: "minutes", excludesLowerBound: true)
    /// A webhook's `interval`: from the server's minimum to a year.
    public static func intervalMinutes(minimum: Double) -> NumberRange {
        NumberRange(max(0, minimum)...PollLimits.intervalMinutes.upperBound, unit: "minutes")
    }
    /// `lookback_seconds`: 0 to 30 days.
    public static let lookbackSeconds = NumberRange(PollLimits.lookbackSeconds, unit: "seconds")
    /// `safety_lag_seconds`: 0 to an hour.
    public static let safetyLagSeconds = NumberRange(PollLimits.safetyLagSeconds, unit: "seconds")
    /// One delay of `retry_schedule`: 0 to a day.
    public static let retryDelaySeconds = NumberRange(0...86_400, unit: "seconds")
    /// A webhook's `page_max_limit`: records in one POST.
    public static let pageMaxLimit = NumberRange(1...1000, wholeNumbers: true)

    public func contains(_ value: Double) -> Bool {
        guard value.isFinite, bounds.contains(value) else { return false }
        if excludesLowerBound, value == bounds.lowerBound { return false }
        return !wholeNumbers || value == value.rounded()
    }

    /// "must be a number of minutes from 1 to 525600".
    public var requirement: String {
        let noun = (wholeNumbers ? "a whole number" : "a number") + (unit.isEmpty ? "" : " of \(unit)")
        let low = JSWriter.numberText(bounds.lowerBound)
        let high = JSWriter.numberText(bounds.upperBound)
        return excludesLowerBound ? "must be \(noun) more than \(low) and at most \(high)" : "must be \(noun) from \(low) to \(high)"
    }
}
