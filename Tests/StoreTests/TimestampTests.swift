import Testing

@testable import Store

@Suite struct TimestampTests {
    private func seconds(_ text: String) -> Int64? {
        guard let time = Timestamp(iso8601: text) else { return nil }
        return time.microseconds / 1_000_000
    }

    @Test func readsOffsetsAndZones() {
        // 2026-01-02T03:04:05Z is 1767323045 (Python calendar.timegm).
        #expect(seconds("2026-01-02T03:04:05Z") == 1_767_323_045)
        #expect(seconds("2026-01-02T03:04:05z") == 1_767_323_045)
        #expect(seconds("2026-01-02t03:04:05+00:00") == 1_767_323_045)
        #expect(seconds("2026-01-02T03:04:05-00:00") == 1_767_323_045)
        #expect(seconds("2026-01-02T03:04:05") == 1_767_323_045)
        #expect(seconds("2026-01-02 03:04:05") == 1_767_323_045)
        #expect(seconds("2026-01-01T22:04:05-05:00") == 1_767_323_045)
        #expect(seconds("2026-01-02T08:34:05+05:30") == 1_767_323_045)
        #expect(seconds("2026-01-02T08:34:05+0530") == 1_767_323_045)
        #expect(seconds("2026-01-02T05:04:05+02") == 1_767_323_045)
        #expect(seconds("2026-01-02T03:04Z") == 1_767_323_040)
    }

    @Test func keepsMicrosecondsFromAnyFractionLength() {
        let base: Int64 = 1_767_323_045_000_000
        #expect(Timestamp(iso8601: "2026-01-02T03:04:05Z")?.microseconds == base)
        #expect(Timestamp(iso8601: "2026-01-02T03:04:05.1Z")?.microseconds == base + 100_000)
        #expect(Timestamp(iso8601: "2026-01-02T03:04:05.123Z")?.microseconds == base + 123_000)
        #expect(Timestamp(iso8601: "2026-01-02T03:04:05.123456Z")?.microseconds == base + 123_456)
        #expect(Timestamp(iso8601: "2026-01-02T03:04:05.123456789Z")?.microseconds == base + 123_456)
        #expect(Timestamp(iso8601: "2026-01-02T03:04:05.999999999+00:00")?.microseconds == base + 999_999)
        #expect(Timestamp(iso8601: "2026-01-02T03:04:05,5Z")?.microseconds == base + 500_000)
        #expect(Timestamp(iso8601: "2026-01-02T03:04:05.000001")?.microseconds == base + 1)
    }

    @Test func readsDateOnlyAsMidnightUTC() {
        #expect(Timestamp(iso8601: "2026-01-02")?.microseconds == 1_767_312_000_000_000)
        #expect(Timestamp(iso8601: "1970-01-01")?.microseconds == 0)
    }

    @Test func validatesCalendarFields() {
        #expect(seconds("2024-02-29T12:00:00Z") == 1_709_208_000)
        #expect(seconds("2000-02-29T00:00:00Z") == 951_782_400)
        #expect(seconds("0001-01-01T00:00:00Z") == -62_135_596_800)
        #expect(seconds("9999-12-31T23:59:59Z") == 253_402_300_799)
        #expect(seconds("1969-12-31T23:59:59Z") == -1)
        for invalid in [
            "2023-02-29", "1900-02-29T00:00:00Z", "2026-13-01", "2026-00-10", "2026-01-32", "2026-04-31",
            "2026-01-02T24:00:00Z", "2026-01-02T12:60:00Z", "2026-01-02T12:00:60Z", "2026-1-2", "26-01-02",
            "2026-01-02T03:04:05.Z", "2026-01-02T03:04:05+24:00", "2026-01-02T03:04:05+05:60", "2026-01-02T03:04:05Zx",
            "2026-01-02T03:04:05 Z", "2026-01-02T", "2026-01-02T03", "", "now", "2026-01-02T03:04:05+05:", "１９７０-01-01",
        ] {
            #expect(Timestamp(iso8601: invalid) == nil, "\(invalid)")
        }
    }

    @Test func formatsMillisecondsAndMicroseconds() {
        let time = Timestamp(microseconds: 1_767_323_045_123_456)
        #expect(time.iso8601 == "2026-01-02T03:04:05.123Z")
        #expect(time.iso8601Microseconds == "2026-01-02T03:04:05.123456Z")
        #expect(Timestamp(microseconds: 0).iso8601 == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp(microseconds: -1).iso8601 == "1969-12-31T23:59:59.999Z")
        #expect(Timestamp(microseconds: -1).iso8601Microseconds == "1969-12-31T23:59:59.999999Z")
        #expect(Timestamp(iso8601: "2024-02-29T23:59:59.999999Z")?.iso8601Microseconds == "2024-02-29T23:59:59.999999Z")
        #expect(Timestamp(iso8601: "0001-01-01")?.iso8601 == "0001-01-01T00:00:00.000Z")
        // Beyond four-digit years, the extended form JavaScript's toISOString uses.
        #expect(Timestamp(microseconds: 253_402_300_800_000_000).iso8601 == "+010000-01-01T00:00:00.000Z")
    }

    @Test func microsecondTextRoundTrips() {
        // Deterministic spread over 1600…2400, both sides of the epoch.
        var state: UInt64 = 0x1234_5678_9ABC_DEF0
        for _ in 0..<2000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let span: Int64 = 25_246_080_000_000_000
            let microseconds = Int64(bitPattern: state >> 1) % span - span / 2
            let time = Timestamp(microseconds: microseconds)
            #expect(Timestamp(iso8601: time.iso8601Microseconds) == time, "\(microseconds)")
            let milliseconds = Timestamp(iso8601: time.iso8601)
            #expect(milliseconds?.microseconds == time.milliseconds * 1000, "\(microseconds)")
        }
    }

    @Test func readsAllThreeHTTPDateForms() {
        // RFC 9110 §5.6.7's example: 784111777 s.
        let expected = Timestamp(microseconds: 784_111_777_000_000)
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == expected)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == expected)
        #expect(HTTPDate.parse("Sun Nov  6 08:49:37 1994") == expected)
        #expect(HTTPDate.parse("  sun, 06 nov 1994 08:49:37 gmt ") == expected)
        #expect(HTTPDate.parse("Sun Nov 16 08:49:37 1994") == Timestamp(microseconds: (784_111_777 + 10 * 86_400) * 1_000_000))
        #expect(HTTPDate.parse("Thu, 29 Feb 2024 12:00:00 GMT")?.microseconds == 1_709_208_000_000_000)
    }

    @Test func resolvesTwoDigitYearsPerRFC9110() {
        let base = "-Nov-%@ 08:49:37 GMT"
        func year(_ digits: String, now: Int) -> Int? {
            HTTPDate.parse("Sunday, 06" + base.replacingOccurrences(of: "%@", with: digits), currentYear: now)?
                .civilFields.year
        }
        #expect(year("94", now: 2026) == 1994)
        #expect(year("26", now: 2026) == 2026)
        #expect(year("76", now: 2026) == 2076)
        #expect(year("77", now: 2026) == 1977)
        #expect(year("00", now: 2026) == 2000)
        #expect(year("49", now: 1999) == 2049)
        #expect(year("50", now: 1999) == 1950)
    }

    @Test func rejectsMalformedHTTPDates() {
        for text in [
            "", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 31 Nov 1994 08:49:37 GMT", "Fri, 29 Feb 2023 00:00:00 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 94 08:49:37 GMT", "Sunday, 06-Nov-1994 08:49:37 GMT",
            "Sun Nov 6 08:49:37 1994", "Sun Nov  6 08:49:37 94", "Xyz, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT extra", "1994-11-06T08:49:37Z",
        ] {
            #expect(HTTPDate.parse(text) == nil, "\(text)")
        }
    }

    @Test func formatsIMFFixdate() {
        #expect(HTTPDate.format(Timestamp(microseconds: 784_111_777_999_999)) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(Timestamp(microseconds: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(Timestamp(microseconds: -1)) == "Wed, 31 Dec 1969 23:59:59 GMT")
        #expect(HTTPDate.format(Timestamp(microseconds: 1_709_208_000_000_000)) == "Thu, 29 Feb 2024 12:00:00 GMT")
        #expect(HTTPDate.format(Timestamp(microseconds: 1_767_323_045_000_000)) == "Fri, 02 Jan 2026 03:04:05 GMT")
        var state: UInt64 = 42
        for _ in 0..<500 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let seconds = Int64(state >> 35)  // up to ~2^29 s after the epoch
            let time = Timestamp(microseconds: seconds * 1_000_000)
            #expect(HTTPDate.parse(HTTPDate.format(time)) == time)
        }
    }
}

/// Durations from configuration (a lookback, a safety lag) cannot trap the timestamp arithmetic: it saturates.
@Suite struct TimestampArithmeticTests {
    @Test func arithmeticBeyondTheMicrosecondRangeSaturatesInsteadOfTrapping() {
        let now = Timestamp(microseconds: 1_767_323_045_000_000)
        #expect(Duration.seconds(9.3e12).wholeMicroseconds == .max)
        #expect(Duration.seconds(-9.3e12).wholeMicroseconds == .min)
        #expect(Duration.seconds(1.5).wholeMicroseconds == 1_500_000)
        let past = Timestamp(microseconds: -now.microseconds)
        #expect((now - .seconds(9.3e12)).microseconds == now.microseconds - .max)
        #expect((past - .seconds(9.3e12)).microseconds == .min)
        #expect((now + .seconds(9.3e12)).microseconds == .max)
        #expect((now - .seconds(-9.3e12)).microseconds == .max)
        #expect((past + .seconds(-9.3e12)).microseconds == .min)
        #expect((Timestamp(microseconds: .max - 1) + .microseconds(5)).microseconds == .max)
        #expect((now - .seconds(300)).microseconds == now.microseconds - 300_000_000)
    }
}
