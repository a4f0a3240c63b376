import Store

/// How a provider writes the cursor it filters on (polling.md §14). The request echoes the provider's own format;
/// the store compares the normalized ``Timestamp``.
public enum CursorFormat: String, Sendable, Hashable, Codable {
    /// `2026-01-02T03:04:05Z`
    case iso8601 = "iso8601"
    /// `2026-01-02T03:04:05.678Z`
    case iso8601Milliseconds = "iso8601_ms"
    /// `2026-01-02T03:04:05.678901Z`
    case iso8601Microseconds = "iso8601_us"
    /// `1767323045`
    case epochSeconds = "epoch_s"
    /// `1767323045678`
    case epochMilliseconds = "epoch_ms"

    /// The query-parameter text for `time`. Second and millisecond formats round DOWN, so an inclusive filter never
    /// starts after the instant asked for.
    public func format(_ time: Timestamp) -> String {
        switch self {
        case .iso8601:
            let floored = Timestamp(microseconds: floorDiv(time.microseconds, 1_000_000) * 1_000_000)
            var text = floored.iso8601
            // "…:05.000Z" → "…:05Z"
            if let dot = text.lastIndex(of: ".") { text = String(text[..<dot]) + "Z" }
            return text
        case .iso8601Milliseconds:
            return time.iso8601
        case .iso8601Microseconds:
            return time.iso8601Microseconds
        case .epochSeconds:
            return String(floorDiv(time.microseconds, 1_000_000))
        case .epochMilliseconds:
            return String(floorDiv(time.microseconds, 1_000))
        }
    }

    /// Reads a record's timestamp field. Strings are ISO-8601 or numeric text; numbers are epoch values in this
    /// format's unit, or, for ISO formats, by magnitude (> 10^14 µs, > 10^11 ms, else s) as a fallback only.
    public func parse(_ value: JSONValue) -> Timestamp? {
        switch value {
        case let .string(text):
            if let number = Double(text), !text.contains("-"), !text.contains(":") {
                return epoch(number)
            }
            return Timestamp(iso8601: text)
        case let .number(number):
            return epoch(number)
        default:
            return nil
        }
    }

    /// `nil` for a number no timestamp can hold (a provider's `1e300` must not trap the poller).
    private func epoch(_ number: Double) -> Timestamp? {
        guard number.isFinite else { return nil }
        let microseconds: Double
        switch self {
        case .epochSeconds: microseconds = number * 1_000_000
        case .epochMilliseconds: microseconds = number * 1000
        case .iso8601, .iso8601Milliseconds, .iso8601Microseconds:
            let magnitude = abs(number)
            microseconds = magnitude > 1e14 ? number : magnitude > 1e11 ? number * 1000 : number * 1_000_000
        }
        guard abs(microseconds) < 9.2e18 else { return nil }
        return Timestamp(microseconds: Int64(microseconds.rounded()))
    }

    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && a < 0) ? q - 1 : q
    }
}
