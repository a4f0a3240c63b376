import Store

/// Counts one webhook's delivered initial-sync pages and says when a person watching the log should hear about it:
/// the first page, then at most one progress line per ``interval``, and the completion with totals and rate.
///
/// Kept by the webhook's deliverer, so the counts cover the pages delivered since this process started delivering
/// them (a restart mid-sync starts counting again). Times come from the emitter's clock, so tests can drive it.
struct InitialSyncProgress {
    /// What to log after a delivered initial-sync message.
    enum Line: Equatable {
        case progress(pages: Int, records: Int, recordsPerSecond: Int)
        case complete(pages: Int, records: Int, seconds: Double, recordsPerSecond: Int)
    }

    /// Shortest wait between two progress lines.
    static let interval: Duration = .seconds(5)

    private var pages = 0
    private var records = 0
    private var startedAt: Timestamp?
    private var lastLineAt: Timestamp?

    /// Whether pages of an initial sync were delivered and its completion was not yet: the deliverer then stays up
    /// between pages so the counts cover the whole sync.
    var isUnderway: Bool { startedAt != nil }

    /// Counts a delivered message; returns the line to log, if any. Messages other than the initial sync's count
    /// nothing.
    mutating func delivered(_ type: PayloadType, records count: Int, sentAt: Timestamp, now: Timestamp) -> Line? {
        switch type {
        case .initialPartial:
            if startedAt == nil { startedAt = sentAt }
            pages += 1
            records += count
            if let lastLineAt, now.microseconds - lastLineAt.microseconds < Self.interval.wholeMicroseconds {
                return nil
            }
            lastLineAt = now
            return .progress(pages: pages, records: records, recordsPerSecond: rate(now))
        case .initialComplete:
            if startedAt == nil { startedAt = sentAt }
            pages += 1
            records += count
            let seconds = elapsedSeconds(now)
            let line = Line.complete(pages: pages, records: records, seconds: seconds, recordsPerSecond: rate(now))
            self = InitialSyncProgress()
            return line
        case .virtual, .native:
            return nil
        }
    }

    private func elapsedSeconds(_ now: Timestamp) -> Double {
        guard let startedAt else { return 0 }
        return Double(max(0, now.microseconds - startedAt.microseconds)) / 1_000_000
    }

    private func rate(_ now: Timestamp) -> Int {
        let seconds = elapsedSeconds(now)
        guard seconds > 0.001 else { return records }
        return Int((Double(records) / seconds).rounded())
    }
}
