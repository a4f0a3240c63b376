import CSQLite

/// A failed SQLite call, converted at the wrapper boundary: the result code, what SQLite said, and the SQL involved.
///
/// `code` is the primary result code (`SQLITE_BUSY` = 5, `SQLITE_CONSTRAINT` = 19, ...); `extendedCode` refines it
/// (`SQLITE_CONSTRAINT_UNIQUE` = 2067). Both are SQLite's own numbers, so they can be looked up in its documentation.
public struct SQLiteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The primary result code (the low 8 bits of ``extendedCode``).
    public var code: Int32
    /// The extended result code.
    public var extendedCode: Int32
    /// SQLite's message for the failure (`sqlite3_errmsg`), or the generic text of the code.
    public var message: String
    /// The statement that failed, when there was one.
    public var sql: String?

    /// An error with SQLite's extended result code; the primary code is derived from it.
    public init(extendedCode: Int32, message: String, sql: String?) {
        self.code = extendedCode & 0xFF
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// Reads the message of the last failure on `connection` (which must be the connection that just failed).
    init(resultCode: Int32, connection: OpaquePointer?, sql: String?) {
        var extended = resultCode
        var message = String(cString: sqlite3_errstr(resultCode))
        if let connection {
            let reported = sqlite3_extended_errcode(connection)
            if reported & 0xFF == resultCode & 0xFF { extended = reported }
            message = String(cString: sqlite3_errmsg(connection))
        }
        self.init(extendedCode: extended, message: message, sql: sql)
    }

    /// Another connection (often another `vhooks` process) held the lock past the busy timeout.
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }

    /// A UNIQUE, NOT NULL, CHECK or FOREIGN KEY constraint refused the write.
    public var isConstraintViolation: Bool { code == SQLITE_CONSTRAINT }

    /// The code, SQLite's message and the statement, on one line for logs.
    public var description: String {
        var text = "SQLite error \(extendedCode): \(message)"
        if let sql { text += " (while executing: \(sql))" }
        return text
    }
}
