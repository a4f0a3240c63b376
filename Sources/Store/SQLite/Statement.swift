import CSQLite

/// One prepared statement, finalized in `deinit`.
///
/// Parameters are bound by 1-based index (`bind(_:at:)`), result columns read by 0-based index. The
/// statement is only used inside ``Database/withStatement(_:_:)``, which resets it afterwards.
final class Statement {
    /// The SQL text, for error messages.
    let sql: String
    private let handle: OpaquePointer

    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Advances to the next row: `true` when a row is available, `false` when the statement is done.
    @discardableResult
    func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let failure: throw error(failure)
        }
    }

    /// Steps a statement that returns no rows (INSERT, UPDATE, DELETE) to completion, then rewinds it so it can be
    /// run again with new bindings. Bindings stay in place.
    func run() throws {
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Rewinds the statement for the next row of a batch; bindings stay in place.
    func reset() {
        sqlite3_reset(handle)
    }

    /// Rewinds the statement and sets every parameter back to NULL.
    func resetAndClear() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Collects one value per row produced by the statement.
    func map<Element>(_ row: (Statement) throws -> Element) throws -> [Element] {
        var rows: [Element] = []
        while try step() { rows.append(try row(self)) }
        return rows
    }

    /// The first row's value, or `nil` when the statement produced no row.
    func first<Element>(_ row: (Statement) throws -> Element) throws -> Element? {
        guard try step() else { return nil }
        return try row(self)
    }

    func error(_ result: Int32) -> SQLiteError {
        SQLiteError(resultCode: result, connection: sqlite3_db_handle(handle), sql: sql)
    }
}

// MARK: - Binding

/// Typed parameter binding. `nil` binds SQL NULL. Text and blobs are copied by SQLite (`SQLITE_TRANSIENT`) unless
/// bound with ``withBorrowedBlob(_:at:_:)``, which lends the buffer for the duration of a closure instead.
extension Statement {
    func bind(_ value: Int64?, at index: Int32) throws {
        guard let value else { return try bindNull(at: index) }
        try check(sqlite3_bind_int64(handle, index, value))
    }

    func bind(_ value: Int?, at index: Int32) throws {
        try bind(value.map(Int64.init), at: index)
    }

    func bind(_ value: Bool, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, value ? 1 : 0))
    }

    func bind(_ value: Double?, at index: Int32) throws {
        guard let value else { return try bindNull(at: index) }
        try check(sqlite3_bind_double(handle, index, value))
    }

    func bind(_ value: String?, at index: Int32) throws {
        guard var value else { return try bindNull(at: index) }
        let result = value.withUTF8 { utf8 -> Int32 in
            guard let base = utf8.baseAddress, !utf8.isEmpty else {
                return sqlite3_bind_text(handle, index, "", 0, csqlite_transient())
            }
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                sqlite3_bind_text(handle, index, $0, Int32(utf8.count), csqlite_transient())
            }
        }
        try check(result)
    }

    /// Binds a blob (an empty array binds a zero-length blob, not NULL).
    func bind(_ value: [UInt8]?, at index: Int32) throws {
        guard let value else { return try bindNull(at: index) }
        let result = value.withUnsafeBytes { bytes -> Int32 in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return sqlite3_bind_zeroblob(handle, index, 0) }
            return sqlite3_bind_blob64(handle, index, base, UInt64(bytes.count), csqlite_transient())
        }
        try check(result)
    }

    /// Binds `value` without copying it (`SQLITE_STATIC`) while `body` runs (which is where the statement must be
    /// stepped), then binds NULL so no pointer to the buffer outlives the closure.
    func withBorrowedBlob<Result>(_ value: [UInt8], at index: Int32, _ body: () throws -> Result) throws -> Result {
        try value.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress, !bytes.isEmpty {
                try check(sqlite3_bind_blob64(handle, index, base, UInt64(bytes.count), csqlite_static()))
            } else {
                try check(sqlite3_bind_zeroblob(handle, index, 0))
            }
            defer { sqlite3_bind_null(handle, index) }
            return try body()
        }
    }

    func bindNull(at index: Int32) throws {
        try check(sqlite3_bind_null(handle, index))
    }

    private func check(_ result: Int32) throws {
        if result != SQLITE_OK { throw error(result) }
    }
}

// MARK: - Reading columns

/// Typed reads of the current row's columns (0-based). NULL reads as 0, "" or [] through the non-optional
/// accessors and as `nil` through the optional ones.
extension Statement {
    func isNull(at index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    func isText(at index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_TEXT
    }

    func int64(at index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    func optionalInt64(at index: Int32) -> Int64? {
        isNull(at: index) ? nil : sqlite3_column_int64(handle, index)
    }

    func int(at index: Int32) -> Int {
        Int(sqlite3_column_int64(handle, index))
    }

    func optionalInt(at index: Int32) -> Int? {
        optionalInt64(at: index).map(Int.init)
    }

    func bool(at index: Int32) -> Bool {
        sqlite3_column_int64(handle, index) != 0
    }

    func double(at index: Int32) -> Double {
        sqlite3_column_double(handle, index)
    }

    func string(at index: Int32) -> String {
        guard let text = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    func optionalString(at index: Int32) -> String? {
        isNull(at: index) ? nil : string(at: index)
    }

    func bytes(at index: Int32) -> [UInt8] {
        guard let blob = sqlite3_column_blob(handle, index) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, index))
        return [UInt8](UnsafeRawBufferPointer(start: blob, count: count))
    }
}
