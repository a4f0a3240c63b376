import Foundation
import Sandbox
import Store

/// Prints what the demo's subscriber receives, one readable line per payload, and keeps the figures for the summary.
/// Used from the demo's one task only.
final class DemoNarrator {
    private let subscriber: RecordingSubscriber
    private let contacts: Int
    /// The last sequence shown; `received(since:)` returns the ones after it.
    private var lastSequence = 0
    private(set) var sawInitialComplete = false
    private var backfillStart: Date?
    private var backfillPages = 0
    private var backfillRecords = 0
    private var livePayloads = 0
    private var liveRecords = 0
    private var unverified = 0
    private var changedAt: [String: Timestamp] = [:]
    private var latencies: [Double] = []

    init(subscriber: RecordingSubscriber, contacts: Int) {
        self.subscriber = subscriber
        self.contacts = contacts
    }

    var pendingChanges: Int { changedAt.count }

    func header(providerPort: Int, subscriberPort: Int) {
        say("VirtualHooks demo")
        say("  sandbox provider  http://127.0.0.1:\(providerPort)/crm/contacts  (\(contacts) contacts)")
        say("  subscriber        http://127.0.0.1:\(subscriberPort)/hook  (verifies sig, sig256, webhook-signature)")
        say("  webhook           crm_contact / updated, include_all, polled every 3 s, 100 records per page")
        say("")
        say("Initial sync (backfill)")
        backfillStart = Date()
    }

    /// Prints every payload received since the last call.
    func drain() {
        let payloads = subscriber.received(since: lastSequence)
        for payload in payloads {
            lastSequence = max(lastSequence, payload.sequence)
            if !payload.isVerified { unverified += 1 }
            let checks = "sig \(mark(payload.sig)) sig256 \(mark(payload.sig256)) webhook-signature \(mark(payload.standardWebhooks))"
            let type = (payload.type ?? "?").padding(toLength: 16, withPad: " ", startingAt: 0)
            switch payload.type {
            case "INITIAL-PARTIAL", "INITIAL-COMPLETE":
                backfillPages += 1
                backfillRecords += payload.recordCount
                say("  \(type) \(pad(payload.recordCount, 4)) records  \(checks)  total \(backfillRecords)")
                if payload.type == "INITIAL-COMPLETE" { sawInitialComplete = true }
            default:
                livePayloads += 1
                liveRecords += payload.recordCount
                var latency = ""
                let arrived = payload.recordIDs.compactMap { id in changedAt.removeValue(forKey: id) }
                if let changed = arrived.min() {
                    let seconds = (payload.receivedAt.seconds - changed.seconds)
                    latencies.append(seconds)
                    latency = String(format: "  change→delivery %.1f s", seconds)
                }
                let ids = payload.recordIDs.prefix(4).joined(separator: " ")
                say("  \(clock()) \(type) \(pad(payload.recordCount, 2)) records [\(ids)]  \(checks)\(latency)")
            }
        }
    }

    func backfillDone() {
        let seconds = Date().timeIntervalSince(backfillStart ?? Date())
        let rate = seconds > 0 ? Double(backfillRecords) / seconds : 0
        say(
            String(
                format: "Backfill done: %d records in %d pages, %.1f s (%.0f records/s)%@", backfillRecords,
                backfillPages, seconds, rate, unverified == 0 ? ", every signature verified" : ""))
        say("")
        say("Live changes (Ctrl-C to stop)")
    }

    func changed(_ mutation: SandboxMutation) {
        var parts: [String] = []
        for record in mutation.updated + mutation.created {
            guard let id = record["id"]?.keyText else { continue }
            let time = record["updated_at"]?.stringValue.flatMap { Timestamp(iso8601: $0) } ?? .now()
            changedAt[id] = time
            parts.append(mutation.created.contains(record) ? "\(id) (new)" : "\(id) (edited)")
        }
        say("  \(clock()) sandbox changed \(parts.joined(separator: ", "))")
    }

    /// Prints the summary; returns a failure message when anything did not verify or never arrived.
    func summary() -> String? {
        say("")
        let sorted = latencies.sorted()
        let median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        say(
            String(
                format: "Summary: %d backfill records, %d live payloads with %d records, median latency %.1f s, max %.1f s",
                backfillRecords, livePayloads, liveRecords, median, sorted.last ?? 0))
        if unverified > 0 {
            say("FAILED: \(unverified) payloads did not verify")
            return "\(unverified) payloads did not verify"
        }
        if !changedAt.isEmpty {
            say("FAILED: \(changedAt.count) changed records never arrived: \(changedAt.keys.sorted().prefix(5).joined(separator: " "))")
            return "\(changedAt.count) changed records never arrived"
        }
        say("Every payload verified (sig, sig256, webhook-signature); every change arrived.")
        return nil
    }

    private func mark(_ outcome: VerificationOutcome) -> String {
        outcome == .valid ? "✓" : "✗(\(outcome))"
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - String(n).count)) + String(n)
    }

    private func clock() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }

    private func say(_ line: String) {
        print(line)
        fflush(nil)
    }
}
