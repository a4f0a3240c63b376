import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Store {
    /// What a replay of the attempt journal found.
    struct JournalReplay {
        /// The generation the new journal starts at: after every one found.
        var nextGeneration: UInt64 = 0
        /// Attempts written to SQLite now (the rest were there already, or their message is gone).
        var replayed = 0
        /// Lines that are not attempts (one torn by a power loss).
        var unreadable = 0
    }

    /// Moves every attempt left in journal files beside the database into SQLite (one transaction), then deletes the
    /// files. An attempt already logged, or whose message was deleted with its webhook, is skipped, so a replay
    /// interrupted by another crash is simply done again.
    /// - Throws: ``StoreError/journalUnavailable(path:reason:)`` when a journal file cannot be read; SQLite errors.
    static func replayJournal(databasePath: String, into database: Database) throws -> JournalReplay {
        let generations = AttemptJournal.generations(beside: databasePath)
        var replay = JournalReplay(nextGeneration: generations.last.map { $0 + 1 } ?? 0)
        guard !generations.isEmpty else { return replay }
        var records: [AttemptRecord] = []
        for generation in generations {
            let path = AttemptJournal.path(databasePath, generation)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw StoreError.journalUnavailable(path: path, reason: "the file cannot be read")
            }
            let bytes = [UInt8](data)
            for line in bytes.split(separator: UInt8(ascii: "\n")) {
                guard let record = AttemptJournalEntry.decode(line) else {
                    replay.unreadable += 1
                    continue
                }
                records.append(record)
            }
        }
        let exists = "SELECT 1 FROM attempts WHERE message_id = ?1 AND number = ?2"
        try database.transaction {
            for record in records {
                let attempt = record.attempt
                let logged = try database.withStatement(exists) { statement in
                    try statement.bind(attempt.messageID, at: 1)
                    try statement.bind(attempt.number, at: 2)
                    return try statement.step()
                }
                if logged { continue }
                do {
                    try insertAttempt(
                        database, attempt, status: record.status, nextAttemptAt: record.nextAttemptAt)
                    replay.replayed += 1
                } catch StoreError.unknownMessage {
                    continue
                }
            }
        }
        for generation in generations { unlink(AttemptJournal.path(databasePath, generation)) }
        return replay
    }
}
