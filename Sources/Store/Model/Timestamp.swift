import Foundation

/// A point in time as microseconds since the Unix epoch (UTC).
///
/// Cursors must survive storage and comparison without losing precision (polling.md §1, §14), so the store
/// compares integers, never `Date`s or strings.
public struct Timestamp: Sendable, Hashable, Comparable, Codable {
    public var microseconds: Int64

    public init(microseconds: Int64) { self.microseconds = microseconds }

    public init(milliseconds: Int64) { self.microseconds = milliseconds * 1000 }

    public init(seconds: Double) { self.microseconds = Int64((seconds * 1_000_000).rounded()) }

    /// The local wall clock. Only for bookkeeping: watermarks are capped by the provider's `Date` header instead.
    public static func now() -> Timestamp {
        Timestamp(seconds: Date().timeIntervalSince1970)
    }

    public var milliseconds: Int64 { microseconds.floorDiv(1000) }
    public var seconds: Double { Double(microseconds) / 1_000_000 }
    public var date: Date { Date(timeIntervalSince1970: seconds) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.microseconds < rhs.microseconds }

    /// Saturates at the ends of the representable range instead of trapping: the durations come from configuration
    /// (a lookback, a safety lag) and must not be able to kill a running server.
    public static func + (lhs: Timestamp, rhs: Duration) -> Timestamp {
        let (sum, overflow) = lhs.microseconds.addingReportingOverflow(rhs.wholeMicroseconds)
        return Timestamp(microseconds: overflow ? (rhs < .zero ? .min : .max) : sum)
    }

    /// Saturates like ``+(_:_:)``.
    public static func - (lhs: Timestamp, rhs: Duration) -> Timestamp {
        let (difference, overflow) = lhs.microseconds.subtractingReportingOverflow(rhs.wholeMicroseconds)
        return Timestamp(microseconds: overflow ? (rhs < .zero ? .max : .min) : difference)
    }
}

extension Duration {
    /// The duration truncated to whole microseconds, the store's resolution; saturated at `Int64.min`/`.max` for
    /// durations beyond about 292,000 years instead of trapping.
    public var wholeMicroseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (sum, carry) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000_000)
        return carry ? (seconds < 0 ? .min : .max) : sum
    }
}

extension Int64 {
    fileprivate func floorDiv(_ d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
