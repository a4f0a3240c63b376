/// HTTP date text (RFC 9110 §5.6.7), as found in `Date`, `Retry-After` and `Last-Modified` headers.
///
/// Pollers cap watermarks by the provider's `Date` header and honour `Retry-After` dates, so all three forms a
/// recipient must accept are read; only the preferred IMF-fixdate is written.
public enum HTTPDate {
    private static let shortDayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    private static let longDayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let formatDayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let formatMonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Reads an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), an obsolete RFC 850 date
    /// (`Sunday, 06-Nov-94 08:49:37 GMT`) or an asctime date (`Sun Nov  6 08:49:37 1994`). Names are matched without
    /// regard to case and the weekday is not cross-checked (as browsers do); surrounding whitespace is ignored. A
    /// two-digit RFC 850 year more than 50 years in the future means the most recent past year with those digits
    /// (RFC 9110). A leap second (`:60`) reads as the first second of the next minute. Returns `nil` otherwise.
    public static func parse(_ text: String) -> Timestamp? {
        parse(text, currentYear: Timestamp.now().civilFields.year)
    }

    /// ``parse(_:)`` with the year two-digit RFC 850 years are resolved against, for tests.
    static func parse(_ text: String, currentYear: Int) -> Timestamp? {
        var reader = Reader(Array(text.utf8))
        reader.trim()
        guard let dayName = reader.word() else { return nil }
        if reader.take(UInt8(ascii: ",")) {
            guard shortDayNames.contains(dayName) || longDayNames.contains(dayName), reader.take(UInt8(ascii: " ")),
                  let day = reader.number(width: 2) else { return nil }
            let year: Int
            let month: Int
            if reader.take(UInt8(ascii: " ")) {
                guard let monthIndex = reader.month(), reader.take(UInt8(ascii: " ")),
                      let fullYear = reader.number(width: 4) else { return nil }
                (month, year) = (monthIndex, fullYear)
            } else if reader.take(UInt8(ascii: "-")) {
                guard let monthIndex = reader.month(), reader.take(UInt8(ascii: "-")),
                      let shortYear = reader.number(width: 2) else { return nil }
                // The latest year with these last two digits that is at most 50 years ahead.
                let limit = currentYear + 50
                (month, year) = (monthIndex, limit - ((limit - shortYear) % 100 + 100) % 100)
            } else {
                return nil
            }
            guard reader.take(UInt8(ascii: " ")), let time = reader.timeOfDay(), reader.take(UInt8(ascii: " ")),
                  reader.word() == "gmt", reader.atEnd else { return nil }
            return timestamp(year: year, month: month, day: day, time: time)
        }
        // asctime: `Sun Nov  6 08:49:37 1994` (a one-digit day is padded with a space).
        guard shortDayNames.contains(dayName), reader.take(UInt8(ascii: " ")), let month = reader.month(),
              reader.take(UInt8(ascii: " ")) else { return nil }
        let day: Int
        if reader.take(UInt8(ascii: " ")) {
            guard let value = reader.number(width: 1) else { return nil }
            day = value
        } else {
            guard let value = reader.number(width: 2) else { return nil }
            day = value
        }
        guard reader.take(UInt8(ascii: " ")), let time = reader.timeOfDay(), reader.take(UInt8(ascii: " ")),
              let year = reader.number(width: 4), reader.atEnd else { return nil }
        return timestamp(year: year, month: month, day: day, time: time)
    }

    /// `time` in IMF-fixdate form (`Sun, 06 Nov 1994 08:49:37 GMT`), whole seconds truncated toward the past.
    public static func format(_ time: Timestamp) -> String {
        let fields = time.civilFields
        var text: [UInt8] = []
        text.reserveCapacity(29)
        text.append(contentsOf: formatDayNames[fields.weekday].utf8)
        text.append(contentsOf: ", ".utf8)
        Timestamp.appendDigits(fields.day, width: 2, into: &text)
        text.append(UInt8(ascii: " "))
        text.append(contentsOf: formatMonthNames[fields.month - 1].utf8)
        text.append(UInt8(ascii: " "))
        Timestamp.appendDigits(fields.year, width: 4, into: &text)
        text.append(UInt8(ascii: " "))
        Timestamp.appendDigits(fields.hour, width: 2, into: &text)
        text.append(UInt8(ascii: ":"))
        Timestamp.appendDigits(fields.minute, width: 2, into: &text)
        text.append(UInt8(ascii: ":"))
        Timestamp.appendDigits(fields.second, width: 2, into: &text)
        text.append(contentsOf: " GMT".utf8)
        return String(decoding: text, as: UTF8.self)
    }

    private static func timestamp(year: Int, month: Int, day: Int, time: (hour: Int, minute: Int, second: Int)) -> Timestamp? {
        guard (1...Timestamp.daysInMonth(month, year: year)).contains(day) else { return nil }
        return Timestamp(year: year, month: month, day: day, hour: time.hour, minute: time.minute, second: time.second)
    }

    /// A cursor over the header's bytes.
    private struct Reader {
        var bytes: [UInt8]
        var cursor = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { cursor == bytes.count }

        mutating func trim() {
            while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
            while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard cursor < bytes.count, bytes[cursor] == byte else { return false }
            cursor += 1
            return true
        }

        /// A run of ASCII letters, lowercased.
        mutating func word() -> String? {
            let start = cursor
            while cursor < bytes.count, (bytes[cursor] | 0x20) &- UInt8(ascii: "a") < 26 { cursor += 1 }
            guard cursor > start else { return nil }
            return String(decoding: bytes[start..<cursor].map { $0 | 0x20 }, as: UTF8.self)
        }

        /// A zero-based month index from a three-letter name.
        mutating func month() -> Int? {
            let start = cursor
            guard let name = word(), name.utf8.count == 3, let index = HTTPDate.monthNames.firstIndex(of: name) else {
                cursor = start
                return nil
            }
            return index + 1
        }

        mutating func number(width: Int) -> Int? {
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

        mutating func timeOfDay() -> (hour: Int, minute: Int, second: Int)? {
            guard let hour = number(width: 2), take(UInt8(ascii: ":")), let minute = number(width: 2),
                  take(UInt8(ascii: ":")), let second = number(width: 2),
                  hour < 24, minute < 60, second <= 60 else { return nil }
            return (hour, minute, second)
        }
    }
}
