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

    public static func + (lhs: Timestamp, rhs: Duration) -> Timestamp {
        Timestamp(microseconds: lhs.microseconds + rhs.wholeMicroseconds)
    }

    public static func - (lhs: Timestamp, rhs: Duration) -> Timestamp {
        Timestamp(microseconds: lhs.microseconds - rhs.wholeMicroseconds)
    }
}

extension Duration {
    /// The duration truncated to whole microseconds, the store's resolution.
    public var wholeMicroseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }
}

extension Int64 {
    fileprivate func floorDiv(_ d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
