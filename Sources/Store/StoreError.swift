/// A domain problem found by the ``Store`` (as opposed to a failed SQLite call, which is a ``SQLiteError``).
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The store was closed with ``Store/close()`` before this call.
    case closed(path: String)
    /// The file cannot be opened as a database: `reason` says why in terms of the path ("the folder /x does not
    /// exist", "is a folder", "is not a SQLite database"), not SQLite's bare "unable to open database file".
    case cannotOpen(path: String, reason: String)
    /// The database file was written by a newer VirtualHooks: its schema version is above the newest this build knows.
    case schemaTooNew(path: String, found: Int, supported: Int)
    /// A migration failed; the file was left at `version - 1`.
    case migrationFailed(path: String, version: Int, name: String, underlying: SQLiteError)
    /// The operation names a webhook that does not exist (deleted, or never saved).
    case unknownWebhook(id: String)
    /// The operation names a delivery message that does not exist.
    case unknownMessage(id: String)
    /// A stored value cannot be read back into the model (an unknown enum case or malformed JSON).
    case corruptRow(table: String, column: String, value: String)
    /// Another serving process holds the database (its pid, when it wrote one): two servers on one file would both
    /// poll and deliver.
    case databaseInUse(path: String, holderPID: Int32?)
    /// The serve lock file beside the database cannot be opened or locked (a read-only folder, a file system
    /// without `flock`).
    case lockUnavailable(path: String, reason: String)
    /// The attempt journal beside the database cannot be created or written (a full disk, a read-only folder).
    case journalUnavailable(path: String, reason: String)
    /// A page commit carried an event of another stream than its checkpoint's (a caller's bug; nothing was stored).
    case foreignEvent(StreamKey, commit: StreamKey)

    /// What went wrong and with which file, webhook or message, for logs and API error bodies.
    public var description: String {
        switch self {
        case let .closed(path):
            return "the store at \(path) is closed"
        case let .cannotOpen(path, reason):
            return "cannot open the database \(path): \(reason)"
        case let .schemaTooNew(path, found, supported):
            return "the database \(path) has schema version \(found), newer than this build supports (\(supported)); "
                + "upgrade vhooks or use another --db file"
        case let .migrationFailed(path, version, name, underlying):
            return "migration \(version) (\(name)) of \(path) failed: \(underlying)"
        case let .unknownWebhook(id):
            return "no webhook with id \(id)"
        case let .unknownMessage(id):
            return "no delivery message with id \(id)"
        case let .corruptRow(table, column, value):
            return "unreadable value in \(table).\(column): \(value.prefix(200))"
        case let .databaseInUse(path, holderPID):
            let holder = holderPID.map { "pid \($0)" } ?? "pid unknown"
            return "another vhooks serve (\(holder)) is using \(path); stop it first, or give this one its own --db"
        case let .lockUnavailable(path, reason):
            return "cannot take the serve lock \(path): \(reason)"
        case let .journalUnavailable(path, reason):
            return "cannot write the attempt journal \(path): \(reason)"
        case let .foreignEvent(stream, commit):
            return "a page commit of stream \(commit) carried an event of stream \(stream); nothing was stored"
        }
    }
}
