import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The serving process's record of delivery attempts made but not yet logged in SQLite: one line per attempt, appended
/// with a single `write(2)` right after the POST's answer, before the deliverer moves on.
///
/// Why a file beside the database: the attempt log in SQLite waits for the store's one writer, which may be in the
/// middle of a page commit, and a deliverer that waited for it after every few POSTs lost a third of its rate during
/// a backfill. The journal write waits for nothing, so attempts reach SQLite in large groups as before, yet a
/// process killed at any point (SIGKILL included: the kernel keeps what `write` accepted) leaves every answered
/// attempt on disk. The next serving ``Store`` replays the journal before anything else runs, so after a crash only
/// the POST that was in flight is sent again.
///
/// Lines go to `<database>-attempts-<generation>.journal`. A generation is retired (a new file started) once it holds
/// 1 MiB, and a retired one is deleted once every attempt in it is in SQLite (``settle(_:)``); at start-up every
/// generation left behind is replayed and deleted. Only a serving store (one per database, see ``ServeLock``) has a
/// journal, so no two processes ever write or replay the same files.
public final class AttemptJournal: Sendable {
    /// Which journal file an appended attempt went to; handed back to ``settle(_:)`` once it is in SQLite.
    public struct Ticket: Sendable, Hashable {
        let generation: UInt64
    }

    private struct State {
        var descriptor: Int32
        var generation: UInt64
        var size: Int
        /// Appended and not yet settled, by generation.
        var unsettled: [UInt64: Int] = [:]
        /// A write failed part way: the next line starts with a line break, so the fragment stays a line of its own
        /// (skipped by the replay) instead of spoiling the next entry.
        var torn = false
    }

    /// The database the journal belongs to (file names derive from it).
    let databasePath: String
    private let state: NIOLockedValueBox<State>
    /// The size at which a generation is retired.
    let generationBytes: Int

    /// Starts a fresh generation numbered after every existing one (those are replayed and deleted by the store).
    init(databasePath: String, firstGeneration: UInt64, generationBytes: Int = 1 << 20) throws(StoreError) {
        self.databasePath = databasePath
        self.generationBytes = generationBytes
        let descriptor = try Self.create(Self.path(databasePath, firstGeneration))
        state = NIOLockedValueBox(State(descriptor: descriptor, generation: firstGeneration, size: 0))
    }

    deinit {
        state.withLockedValue { state in
            if state.descriptor >= 0 { close(state.descriptor) }
        }
    }

    /// Appends one attempt (one line, one `write`) and returns its ticket.
    /// - Throws: ``StoreError/journalUnavailable(path:reason:)`` when the file cannot be written.
    public func append(_ record: AttemptRecord) throws(StoreError) -> Ticket {
        var line = AttemptJournalEntry.encode(record)
        line.append(UInt8(ascii: "\n"))
        let outcome = state.withLockedValue { state -> Result<Ticket, StoreError> in
            do throws(StoreError) {
                if state.size >= generationBytes { try rotate(&state) }
                if state.torn { line.insert(UInt8(ascii: "\n"), at: 0) }
                try Self.writeAll(line, to: state.descriptor, path: Self.path(databasePath, state.generation))
                state.torn = false
            } catch {
                state.torn = true
                return .failure(error)
            }
            state.size += line.count
            state.unsettled[state.generation, default: 0] += 1
            return .success(Ticket(generation: state.generation))
        }
        return try outcome.get()
    }

    /// Marks attempts as logged in SQLite; a retired generation with nothing left unsettled is deleted.
    public func settle(_ tickets: [Ticket]) {
        guard !tickets.isEmpty else { return }
        state.withLockedValue { state in
            for ticket in tickets {
                let left = (state.unsettled[ticket.generation] ?? 1) - 1
                state.unsettled[ticket.generation] = left > 0 ? left : nil
                if left <= 0 && ticket.generation != state.generation {
                    unlink(Self.path(databasePath, ticket.generation))
                }
            }
        }
    }

    /// Closes the current file and deletes every generation with nothing unsettled (a clean shutdown leaves none).
    func shutDown() {
        state.withLockedValue { state in
            guard state.descriptor >= 0 else { return }
            close(state.descriptor)
            state.descriptor = -1
            if state.unsettled[state.generation] == nil { unlink(Self.path(databasePath, state.generation)) }
        }
    }

    private func rotate(_ state: inout State) throws(StoreError) {
        let next = state.generation + 1
        let descriptor = try Self.create(Self.path(databasePath, next))
        close(state.descriptor)
        if state.unsettled[state.generation] == nil { unlink(Self.path(databasePath, state.generation)) }
        state.descriptor = descriptor
        state.generation = next
        state.size = 0
        state.torn = false
    }

    /// The file of one generation.
    static func path(_ databasePath: String, _ generation: UInt64) -> String {
        "\(databasePath)-attempts-\(generation).journal"
    }

    /// The generations present beside the database, oldest first.
    static func generations(beside databasePath: String) -> [UInt64] {
        let url = URL(fileURLWithPath: databasePath)
        let prefix = url.lastPathComponent + "-attempts-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
        return names.compactMap { name -> UInt64? in
            guard name.hasPrefix(prefix), name.hasSuffix(".journal") else { return nil }
            return UInt64(name.dropFirst(prefix.count).dropLast(".journal".count))
        }.sorted()
    }

    private static func create(_ path: String) throws(StoreError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .journalUnavailable(path: path, reason: String(cString: strerror(errno))) }
        return descriptor
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(StoreError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .journalUnavailable(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}
