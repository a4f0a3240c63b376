import Foundation
import Pollers
import Sandbox
import Store
import Testing

/// A lookback or safety lag outside its range (a configuration built in code, a database from an older build) is
/// clamped by the poller: it can neither trap the server at a re-poll nor move the watermark past the provider's
/// clock.
@Suite struct PollLimitsTests {
    @Test func durationsAreClampedIntoTheirRanges() {
        let lookback = PollLimits.lookbackSeconds
        #expect(PollLimits.duration(seconds: 1e300, clampedTo: lookback) == .seconds(2_592_000))
        #expect(PollLimits.duration(seconds: -1e300, clampedTo: lookback) == .zero)
        #expect(PollLimits.duration(seconds: .nan, clampedTo: lookback) == .zero)
        #expect(PollLimits.duration(seconds: .infinity, clampedTo: lookback) == .seconds(2_592_000))
        #expect(PollLimits.duration(seconds: 2.5, clampedTo: lookback) == .milliseconds(2500))
    }

    @Test func anOverflowingLookbackAndSafetyLagArePolledWithTheirClampedValues() async throws {
        try await withPollerHarness { h in
            var h = h
            // 9.3e12 s is beyond the microsecond timestamps' range: unclamped, `watermark − lookback` traps at the
            // first re-poll, and `server now − safety lag` at the first run's end.
            h.configuration.lookbackOverride = .seconds(9.3e12)
            h.configuration.safetyLagOverride = .seconds(9.3e12)
            let recent = Timestamp(milliseconds: (Timestamp.now() - .seconds(7200)).milliseconds)
            try h.provider.upsert(contact("c_recent", updatedAt: recent), into: .contacts)
            let baseline = try await h.poller().run()
            #expect(baseline.status == .ok, "\(baseline)")
            let watermark = try #require(try await h.store.streamState(h.stream).watermark)
            // The lag is clamped to an hour: the record two hours back is below server now − 1 h.
            #expect(watermark == recent)

            // Twenty days behind the watermark and visible only now: inside the lookback clamped to 30 days.
            try h.provider.lateWrite(
                contact("c_old", updatedAt: watermark - .seconds(20 * 86_400)), into: .contacts, visibility: .now)
            let rePoll = try await h.poller().run()
            #expect(rePoll.status == .ok, "\(rePoll)")
            #expect(rePoll.events == 1, "\(rePoll)")
            #expect(try await h.events().last?.recordID == "c_old")
        }
    }

    @Test func aSpecFileWithAnOutOfRangeWindowNamesTheField() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("spec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, String)] = [
            (#""lookback_seconds": 1e300"#, "lookback_seconds"), (#""lookback_seconds": -1"#, "lookback_seconds"),
            (#""safety_lag_seconds": 1e15"#, "safety_lag_seconds"),
            (#""safety_lag_seconds": -1e300"#, "safety_lag_seconds"),
        ]
        for (member, field) in cases {
            let file = dir.appendingPathComponent("window.json")
            try Data(#"{"name": "w", \#(member), "objects": {}}"#.utf8).write(to: file)
            var catalog = ConnectorCatalog.builtin()
            #expect {
                try catalog.add(file: file.path)
            } throws: { error in
                let text = "\(error)"
                return text.contains("window.json") && text.contains(field) && text.contains("must be a number of seconds")
            }
        }
    }
}
