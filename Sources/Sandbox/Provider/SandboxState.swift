import NIOConcurrencyHelpers
import Store

/// Everything the provider knows (records, pending late writes, queued faults, counters) behind one lock, so an
/// HTTP request and an in-process call see the same state and every List request is one atomic step.
final class SandboxState: Sendable {
    struct PendingWrite {
        var object: SandboxObject
        var record: SandboxRecord
        var visibility: LateWriteVisibility
    }

    struct QueuedFault {
        var fault: SandboxFault
        var remaining: Int
    }

    struct Storage {
        var tables: [SandboxObject: RecordTable]
        var nextIndex: [SandboxObject: Int]
        var pending: [PendingWrite] = []
        var faults: [QueuedFault] = []
        var listRequests: [SandboxObject: Int] = [:]
        var getRequests: [SandboxObject: Int] = [:]
        var faultsServed = 0
        var listsInFlight = 0
        var peakListsInFlight = 0
        var mutationRNG: SeededGenerator
        var revision = 0
    }

    /// What to answer one List request with: the page, and the fault to apply to it, if any.
    struct ListOutcome {
        var page: ListPage
        var fault: SandboxFault.Kind?
    }

    let configuration: SandboxConfiguration
    let storage: NIOLockedValueBox<Storage>

    init(configuration: SandboxConfiguration) {
        self.configuration = configuration
        var tables: [SandboxObject: RecordTable] = [:]
        var nextIndex: [SandboxObject: Int] = [:]
        for object in SandboxObject.allCases {
            tables[object] = RecordTable(records: SandboxDataset.records(for: object, configuration: configuration))
            nextIndex[object] = configuration.size(of: object) + 1
        }
        storage = NIOLockedValueBox(
            Storage(
                tables: tables,
                nextIndex: nextIndex,
                mutationRNG: SeededGenerator.derived(from: configuration.seed, salt: 99)
            )
        )
    }

    var now: Timestamp { SandboxDataset.millisecondPrecision(configuration.clock()) }

    // MARK: List API

    func list(_ object: SandboxObject, query: ListQuery) -> ListOutcome {
        let now = self.now
        return storage.withLockedValue { storage in
            storage.listRequests[object, default: 0] += 1
            Self.releaseLateWrites(of: object, now: now, storage: &storage)
            let fault = Self.takeFault(for: object, storage: &storage)
            let page = Self.page(of: storage.tables[object] ?? RecordTable(), query: query)
            return ListOutcome(page: page, fault: fault)
        }
    }

    /// The record as served, without counting a request.
    func record(id: String, of object: SandboxObject) -> JSONValue? {
        storage.withLockedValue { $0.tables[object]?.record(id: id)?.value }
    }

    func get(_ object: SandboxObject, id: String) -> JSONValue? {
        storage.withLockedValue { storage in
            storage.getRequests[object, default: 0] += 1
            return storage.tables[object]?.record(id: id)?.value
        }
    }

    private static func page(of table: RecordTable, query: ListQuery) -> ListPage {
        let firstMatch = query.updatedGTE.map { table.firstIndex(updatedAtOrAfter: $0) } ?? 0
        let start: Int
        if let cursor = query.cursor {
            start = max(firstMatch, table.upperBound(cursor.after))
        } else {
            start = min(table.count, firstMatch + query.offset)
        }
        let end = min(table.count, start + query.limit)
        let more = end < table.count
        return ListPage(
            records: Array(table.sorted[start..<end]),
            total: table.count - firstMatch,
            nextOffset: more && query.cursor == nil ? end - firstMatch : nil,
            nextCursor: more && end > start ? ListCursor(after: table.sorted[end - 1].key) : nil
        )
    }

    private static func releaseLateWrites(of object: SandboxObject, now: Timestamp, storage: inout Storage) {
        guard !storage.pending.isEmpty else { return }
        var kept: [PendingWrite] = []
        for var write in storage.pending {
            guard write.object == object else {
                kept.append(write)
                continue
            }
            switch write.visibility {
            case .now:
                storage.tables[object, default: RecordTable()].upsert(write.record)
            case let .afterRequests(remaining) where remaining <= 0:
                storage.tables[object, default: RecordTable()].upsert(write.record)
            case let .afterRequests(remaining):
                write.visibility = .afterRequests(remaining - 1)
                kept.append(write)
            case let .after(time) where time <= now:
                storage.tables[object, default: RecordTable()].upsert(write.record)
            case .after, .whenRevealed:
                kept.append(write)
            }
        }
        storage.pending = kept
    }

    private static func takeFault(for object: SandboxObject, storage: inout Storage) -> SandboxFault.Kind? {
        guard let index = storage.faults.firstIndex(where: { $0.fault.object == nil || $0.fault.object == object })
        else { return nil }
        let kind = storage.faults[index].fault.kind
        storage.faults[index].remaining -= 1
        if storage.faults[index].remaining <= 0 { storage.faults.remove(at: index) }
        storage.faultsServed += 1
        return kind
    }

    // MARK: Faults, stats, inspection

    func injectFault(_ fault: SandboxFault) {
        guard fault.count > 0 else { return }
        storage.withLockedValue { $0.faults.append(QueuedFault(fault: fault, remaining: fault.count)) }
    }

    func clearFaults() {
        storage.withLockedValue { $0.faults.removeAll() }
    }

    /// Faults still queued, with their remaining counts.
    func pendingFaults() -> [SandboxFault] {
        storage.withLockedValue { storage in
            storage.faults.map { SandboxFault($0.fault.kind, object: $0.fault.object, count: $0.remaining) }
        }
    }

    func stats() -> SandboxStats {
        storage.withLockedValue { storage in
            var listRequests: [SandboxObject: Int] = [:]
            var getRequests: [SandboxObject: Int] = [:]
            var records: [SandboxObject: Int] = [:]
            for object in SandboxObject.allCases {
                listRequests[object] = storage.listRequests[object, default: 0]
                getRequests[object] = storage.getRequests[object, default: 0]
                records[object] = storage.tables[object]?.count ?? 0
            }
            return SandboxStats(
                listRequests: listRequests,
                getRequests: getRequests,
                faultsServed: storage.faultsServed,
                records: records,
                pendingLateWrites: storage.pending.count,
                peakConcurrentListRequests: storage.peakListsInFlight
            )
        }
    }

    func resetStats() {
        storage.withLockedValue { storage in
            storage.listRequests = [:]
            storage.getRequests = [:]
            storage.faultsServed = 0
            storage.peakListsInFlight = storage.listsInFlight
        }
    }

    /// Counts a List request from its arrival to its answer, keeping the peak.
    func measuringConcurrency<Answer>(_ answer: () async throws -> Answer) async rethrows -> Answer {
        storage.withLockedValue { storage in
            storage.listsInFlight += 1
            storage.peakListsInFlight = max(storage.peakListsInFlight, storage.listsInFlight)
        }
        defer { storage.withLockedValue { $0.listsInFlight -= 1 } }
        return try await answer()
    }

    /// Every visible record of `object`, in List order.
    func records(of object: SandboxObject) -> [JSONValue] {
        storage.withLockedValue { storage in
            (storage.tables[object]?.sorted ?? []).map(\.value)
        }
    }
}
