import CSQLite

/// One SQLite connection: owns the `sqlite3*` handle and the connection's prepared-statement cache, and closes both
/// in `deinit` (or earlier, in ``close()``).
///
/// Not thread-safe and not `Sendable`: the ``Store`` actor, whose executor is one dedicated thread, is its only
/// user. The connection is opened with `SQLITE_OPEN_NOMUTEX` for that reason.
final class Database {
    /// The file this connection was opened on, for error messages and logs.
    let path: String
    private var handle: OpaquePointer?
    private var cache: [String: Statement] = [:]

    /// Opens (creating if needed) the database file at `path`.
    init(path: String) throws {
        self.path = path
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let result = sqlite3_open_v2(path, &connection, flags, nil)
        guard result == SQLITE_OK, let connection else {
            let error = SQLiteError(resultCode: result, connection: connection, sql: nil)
            sqlite3_close_v2(connection)
            throw error
        }
        sqlite3_extended_result_codes(connection, 1)
        handle = connection
    }

    deinit {
        cache.removeAll()
        if let handle { sqlite3_close_v2(handle) }
    }

    /// Whether ``close()`` has run.
    var isClosed: Bool { handle == nil }

    /// Finalizes every cached statement and closes the connection. Idempotent.
    func close() {
        cache.removeAll()
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    /// How long a write waits for another connection's lock before failing with `SQLITE_BUSY`.
    func setBusyTimeout(milliseconds: Int32) throws {
        try check(sqlite3_busy_timeout(try open(), milliseconds), sql: nil)
    }

    /// Runs one or more `;`-separated statements that return no rows of interest (schema, pragmas, BEGIN/COMMIT).
    func execute(_ sql: String) throws {
        let connection = try open()
        var errorMessage: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(connection, sql, nil, nil, &errorMessage)
        if result != SQLITE_OK {
            var error = SQLiteError(resultCode: result, connection: connection, sql: sql)
            if let errorMessage {
                error.message = String(cString: errorMessage)
                sqlite3_free(errorMessage)
            }
            throw error
        }
    }

    /// A fresh, uncached prepared statement: for one-off SQL (migrations, tests, maintenance).
    func prepare(_ sql: String) throws -> Statement {
        let connection = try open()
        var statement: OpaquePointer?
        let result = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard result == SQLITE_OK, let statement else {
            throw SQLiteError(resultCode: result == SQLITE_OK ? SQLITE_MISUSE : result, connection: connection, sql: sql)
        }
        return Statement(handle: statement, sql: sql)
    }

    /// Runs `body` with the cached prepared statement for `sql` (prepared on first use), then resets it and clears
    /// its bindings, so a statement never holds a read snapshot or a bound buffer past the call.
    func withStatement<Result>(_ sql: String, _ body: (Statement) throws -> Result) throws -> Result {
        let statement: Statement
        if let cached = cache[sql] {
            statement = cached
        } else {
            statement = try prepare(sql)
            cache[sql] = statement
        }
        defer { statement.resetAndClear() }
        return try body(statement)
    }

    /// How many statements the cache holds (each SQL text is prepared once per connection).
    var cachedStatementCount: Int { cache.count }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE on this connection.
    var changes: Int {
        guard let handle else { return 0 }
        return Int(sqlite3_changes64(handle))
    }

    /// The rowid of the most recent successful INSERT on this connection.
    var lastInsertRowID: Int64 {
        guard let handle else { return 0 }
        return sqlite3_last_insert_rowid(handle)
    }

    /// Whether a transaction is open (SQLite is not in autocommit mode).
    var isInTransaction: Bool {
        guard let handle else { return false }
        return sqlite3_get_autocommit(handle) == 0
    }

    private func open() throws -> OpaquePointer {
        guard let handle else {
            throw SQLiteError(extendedCode: SQLITE_MISUSE, message: "database \(path) is closed", sql: nil)
        }
        return handle
    }

    private func check(_ result: Int32, sql: String?) throws {
        if result != SQLITE_OK { throw SQLiteError(resultCode: result, connection: handle, sql: sql) }
    }
}
