import Pollers
import Store
import Testing

/// The differ on its own: what counts as a change (polling.md §5).
@Suite struct DifferTests {
    let stream = StreamKey(connectionID: "conn", objectType: "crm_contact")
    var differ: Differ {
        Differ(
            stream: stream,
            object: ObjectSpec(
                path: "/x", timestampFields: ["updated_at"], ignoreFields: ["fetched_at"]))
    }

    func record(_ id: JSONValue, _ name: String, updated: String, extra: [(String, JSONValue)] = []) -> JSONValue {
        .object([("id", id), ("name", .string(name)), ("updated_at", .string(updated))] + extra)
    }

    func state(after outcome: DiffOutcome) -> [String: RecordState] {
        Dictionary(uniqueKeysWithValues: outcome.states.map { ($0.recordID, $0) })
    }

    @Test func newIDIsCreatedSameHashIsNothingNewHashIsUpdated() {
        let first = differ.diff(
            records: [record(.string("a"), "Ada", updated: "2026-01-01T00:00:00.000Z")], known: [:], source: .poll,
            detectedAt: .now())
        #expect(first.events.map(\.kind) == [.created])
        let known = state(after: first)

        // Same content, timestamp written differently, a volatile field and another key order: no change.
        let same = differ.diff(
            records: [
                .object([
                    ("updated_at", .string("2026-01-01T00:00:00Z")), ("name", .string("Ada")), ("id", .string("a")),
                    ("fetched_at", .string("now")),
                ])
            ], known: known, source: .poll, detectedAt: .now())
        #expect(same.events.isEmpty)

        let changed = differ.diff(
            records: [record(.string("a"), "Grace", updated: "2026-01-01T00:00:00.000Z")], known: known,
            source: .poll, detectedAt: .now())
        #expect(changed.events.map(\.kind) == [.updated])
        #expect(changed.events[0].previousVersionHash == known["a"]?.versionHash)
        #expect(changed.states[0].revision == 2)
    }

    @Test func numericAndStringIDsAreOneRecord() {
        let first = differ.diff(
            records: [record(.number(123), "Ada", updated: "2026-01-01T00:00:00Z")], known: [:], source: .poll,
            detectedAt: .now())
        let again = differ.diff(
            records: [record(.string("123"), "Ada", updated: "2026-01-01T00:00:00Z")],
            known: state(after: first), source: .poll, detectedAt: .now())
        #expect(first.events.first?.recordID == "123")
        #expect(again.events.first?.kind == .updated)  // the id's JSON type changed, the record did not vanish
    }

    @Test func staleReadIsIgnoredAndDuplicatesInAPageCollapse() {
        let newer = differ.diff(
            records: [record(.string("a"), "v2", updated: "2026-01-02T00:00:00Z")], known: [:], source: .poll,
            detectedAt: .now())
        let stale = differ.diff(
            records: [record(.string("a"), "v1", updated: "2026-01-01T00:00:00Z")], known: state(after: newer),
            source: .poll, detectedAt: .now())
        #expect(stale.events.isEmpty)
        #expect(stale.anomalies.stale == 1)

        let twice = differ.diff(
            records: [
                record(.string("b"), "first", updated: "2026-01-01T00:00:00Z"),
                record(.string("b"), "second", updated: "2026-01-01T00:00:01Z"),
            ], known: [:], source: .poll, detectedAt: .now())
        #expect(twice.events.count == 1)
        #expect(twice.anomalies.duplicateIDs == 1)
        #expect(String(decoding: twice.events[0].record, as: UTF8.self).contains("second"))
    }

    @Test func sameSecondEditsWithDifferentContentAreTwoUpdatesWithDistinctIDs() {
        let a = differ.diff(
            records: [record(.string("a"), "A", updated: "2026-01-01T00:00:00Z")], known: [:], source: .poll,
            detectedAt: .now())
        let b = differ.diff(
            records: [record(.string("a"), "B", updated: "2026-01-01T00:00:00Z")], known: state(after: a),
            source: .poll, detectedAt: .now())
        let backToA = differ.diff(
            records: [record(.string("a"), "A", updated: "2026-01-01T00:00:00Z")], known: state(after: b),
            source: .poll, detectedAt: .now())
        #expect(b.events.count == 1 && backToA.events.count == 1)
        #expect(backToA.events[0].versionHash == a.events[0].versionHash)
        #expect(backToA.events[0].eventID != a.events[0].eventID)
    }

    @Test func eventIDsAreDeterministic() {
        let one = differ.diff(
            records: [record(.string("a"), "A", updated: "2026-01-01T00:00:00Z")], known: [:], source: .poll,
            detectedAt: .now())
        let two = differ.diff(
            records: [record(.string("a"), "A", updated: "2026-01-01T00:00:00Z")], known: [:], source: .poll,
            detectedAt: Timestamp.now() + .seconds(5))
        #expect(one.events[0].eventID == two.events[0].eventID)
        #expect(one.events[0].eventID.hasPrefix("evt_") && one.events[0].eventID.count == 36)
    }
}
