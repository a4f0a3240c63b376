/// ISO-8601 / RFC 3339 text for timestamps, with microsecond precision (polling.md §14).
///
/// Parsing is done on UTF-8 bytes without Foundation: `ISO8601DateFormatter` drops microseconds and rejects
/// several forms providers send.
extension Timestamp {
    /// Reads an ISO-8601 date-time: `2026-01-02T03:04:05Z`, with `Z`, `+00:00`, `-05:00`, `+0530`, `+05` or no offset
    /// (read as UTC), `T`, `t` or a space between date and time, optional seconds, and a fraction of any number of
    /// digits (`.` or `,`): the first six are kept (microseconds), further digits are truncated so a nanosecond
    /// cursor never rounds past a record. A date alone (`2026-01-02`) is midnight UTC. Returns `nil` for anything
    /// else, including out-of-range fields (`2025-02-29`, `24:00`, leap second `:60`).
    public init?(iso8601 text: String) {
        let parsed = text.utf8.withContiguousStorageIfAvailable { Self.parseISO8601($0) }
        guard let microseconds = parsed ?? Array(text.utf8).withUnsafeBufferPointer({ Self.parseISO8601($0) }) else {
            return nil
        }
        self.init(microseconds: microseconds)
    }

    /// `YYYY-MM-DDTHH:MM:SS.sssZ` in UTC, milliseconds truncated toward the past: what JavaScript's
    /// `Date.prototype.toISOString` prints, for payload fields receivers read with `new Date(...)`.
    public var iso8601: String { formatISO8601(fractionDigits: 3) }

    /// `YYYY-MM-DDTHH:MM:SS.ssssssZ` in UTC: the lossless form cursors and canonical records use.
    public var iso8601Microseconds: String { formatISO8601(fractionDigits: 6) }

    private func formatISO8601(fractionDigits: Int) -> String {
        let fields = civilFields
        var text: [UInt8] = []
        text.reserveCapacity(32)
        if (0...9999).contains(fields.year) {
            Self.appendDigits(fields.year, width: 4, into: &text)
        } else {
            text.append(fields.year < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            Self.appendDigits(Int(fields.year.magnitude), width: 6, into: &text)
        }
        text.append(UInt8(ascii: "-"))
        Self.appendDigits(fields.month, width: 2, into: &text)
        text.append(UInt8(ascii: "-"))
        Self.appendDigits(fields.day, width: 2, into: &text)
        text.append(UInt8(ascii: "T"))
        Self.appendDigits(fields.hour, width: 2, into: &text)
        text.append(UInt8(ascii: ":"))
        Self.appendDigits(fields.minute, width: 2, into: &text)
        text.append(UInt8(ascii: ":"))
        Self.appendDigits(fields.second, width: 2, into: &text)
        text.append(UInt8(ascii: "."))
        let fraction = fractionDigits == 3 ? fields.microsecond / 1000 : fields.microsecond
        Self.appendDigits(fraction, width: fractionDigits, into: &text)
        text.append(UInt8(ascii: "Z"))
        return String(decoding: text, as: UTF8.self)
    }

    private static func parseISO8601(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var cursor = 0
        func digits(_ width: Int) -> Int? {
            guard cursor + width <= bytes.count else { return nil }
            var value = 0
            for _ in 0..<width {
                let digit = bytes[cursor] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
                cursor += 1
            }
            return value
        }
        func take(_ byte: UInt8) -> Bool {
            guard cursor < bytes.count, bytes[cursor] == byte else { return false }
            cursor += 1
            return true
        }

        guard let year = digits(4), take(UInt8(ascii: "-")), let month = digits(2), take(UInt8(ascii: "-")),
              let day = digits(2), (1...12).contains(month), (1...daysInMonth(month, year: year)).contains(day)
        else { return nil }
        let days = Int64(daysFromCivil(year: year, month: month, day: day))
        if cursor == bytes.count { return days * 86_400_000_000 }

        guard take(UInt8(ascii: "T")) || take(UInt8(ascii: "t")) || take(UInt8(ascii: " ")),
              let hour = digits(2), take(UInt8(ascii: ":")), let minute = digits(2), hour < 24, minute < 60
        else { return nil }
        var second = 0
        var microsecond = 0
        if take(UInt8(ascii: ":")) {
            guard let value = digits(2), value < 60 else { return nil }
            second = value
            if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                var count = 0
                while cursor < bytes.count, bytes[cursor] &- UInt8(ascii: "0") < 10 {
                    if count < 6 { microsecond = microsecond * 10 + Int(bytes[cursor] &- UInt8(ascii: "0")) }
                    count += 1
                    cursor += 1
                }
                guard count > 0 else { return nil }
                for _ in min(count, 6)..<6 { microsecond *= 10 }
            }
        }

        var offsetSeconds = 0
        if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) {
            offsetSeconds = 0
        } else if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "+") || bytes[cursor] == UInt8(ascii: "-") {
            let sign = bytes[cursor] == UInt8(ascii: "-") ? -1 : 1
            cursor += 1
            guard let hours = digits(2), hours < 24 else { return nil }
            var minutes = 0
            if cursor < bytes.count {
                _ = take(UInt8(ascii: ":"))
                guard let value = digits(2), value < 60 else { return nil }
                minutes = value
            }
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        }
        guard cursor == bytes.count else { return nil }

        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        return seconds * 1_000_000 + Int64(microsecond)
    }

    // MARK: Civil calendar (proleptic Gregorian, UTC), shared with HTTPDate

    /// Builds a timestamp from UTC calendar fields that the caller has already range-checked.
    init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, microsecond: Int = 0) {
        let days = Int64(Self.daysFromCivil(year: year, month: month, day: day))
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.init(microseconds: seconds * 1_000_000 + Int64(microsecond))
    }

    /// The UTC calendar fields of this instant; `weekday` is 0 for Sunday.
    var civilFields: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, microsecond: Int, weekday: Int) {
        let (days, remainder) = Self.floorDivide(microseconds, 86_400_000_000)
        let date = Self.civilFromDays(Int(days))
        let secondsOfDay = Int(remainder / 1_000_000)
        let weekday = Int((days % 7 + 7 + 4) % 7)
        return (date.year, date.month, date.day, secondsOfDay / 3600, secondsOfDay / 60 % 60, secondsOfDay % 60,
                Int(remainder % 1_000_000), weekday)
    }

    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }

    static func appendDigits(_ value: Int, width: Int, into text: inout [UInt8]) {
        // Non-negative values only (callers pass magnitudes); written right to left with zero padding, no String.
        var remaining = value
        var count = 0
        var probe = value
        repeat {
            count += 1
            probe /= 10
        } while probe > 0
        let total = max(width, count)
        let start = text.count
        text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: total))
        var index = start + total - 1
        repeat {
            text[index] = UInt8(ascii: "0") &+ UInt8(remaining % 10)
            remaining /= 10
            index -= 1
        } while remaining > 0
    }
}
