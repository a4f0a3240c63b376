import CSQLite
import Foundation

extension Store {
    /// Opens the store's file and reads its header at once (SQLite reads it lazily), so a path that cannot hold a
    /// database fails here, naming the path and the reason, for `serve` and every command that opens the store.
    /// - Throws: ``StoreError/cannotOpen(path:reason:)``; ``SQLiteError`` for other failures.
    static func openDatabase(path: String) throws -> Database {
        guard !path.isEmpty else { throw StoreError.cannotOpen(path: path, reason: "the path is empty") }
        do {
            let database = try Database(path: path)
            _ = try database.prepare("PRAGMA schema_version").first { $0.int(at: 0) }
            return database
        } catch let error as SQLiteError where error.code == SQLITE_CANTOPEN || error.code == SQLITE_NOTADB {
            throw StoreError.cannotOpen(path: path, reason: openFailureReason(path: path, error))
        }
    }

    /// What is wrong with `path`, found on the file system (SQLite only says "unable to open database file").
    static func openFailureReason(path: String, _ error: SQLiteError) -> String {
        if error.code == SQLITE_NOTADB { return "is not a SQLite database" }
        let files = FileManager.default
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { return "is a folder" }
            if !files.isReadableFile(atPath: path) || !files.isWritableFile(atPath: path) {
                return "permission denied (vhooks must read and write it)"
            }
            return error.message
        }
        let folder = (path as NSString).deletingLastPathComponent
        let parent = folder.isEmpty ? "." : folder
        guard files.fileExists(atPath: parent, isDirectory: &isFolder) else { return "the folder \(parent) does not exist" }
        guard isFolder.boolValue else { return "\(parent) is not a folder" }
        if !files.isWritableFile(atPath: parent) { return "the folder \(parent) is not writable (the file would be created there)" }
        return error.message
    }
}
