import Logging

/// Brings a database file up to ``Migration/latestVersion``.
///
/// Each migration runs in its own `BEGIN IMMEDIATE` transaction that re-reads `user_version` first, so two processes
/// opening the same file at once apply each migration exactly once (the second waits on the busy timeout, then sees
/// the new version).
struct Migrator {
    let migrations: [Migration]

    init(migrations: [Migration] = Migration.all) {
        self.migrations = migrations
    }

    /// The schema version stored in the file (0 for a new file).
    static func version(of database: Database) throws -> Int {
        try database.prepare("PRAGMA user_version").first { $0.int(at: 0) } ?? 0
    }

    /// Applies every migration above the file's version; throws ``StoreError/schemaTooNew(path:found:supported:)``
    /// for a file written by a newer build.
    func migrate(_ database: Database, logger: Logger) throws {
        let latest = migrations.last?.version ?? 0
        let found = try Self.version(of: database)
        if found > latest {
            throw StoreError.schemaTooNew(path: database.path, found: found, supported: latest)
        }
        for migration in migrations where migration.version > found {
            let applied = try database.transaction { () throws -> Bool in
                let current = try Self.version(of: database)
                if current > latest {
                    throw StoreError.schemaTooNew(path: database.path, found: current, supported: latest)
                }
                guard current < migration.version else { return false }
                precondition(current == migration.version - 1, "migrations must be numbered consecutively")
                do {
                    try database.execute(migration.sql)
                    try database.execute("PRAGMA user_version = \(migration.version)")
                } catch let error as SQLiteError {
                    throw StoreError.migrationFailed(
                        path: database.path, version: migration.version, name: migration.name, underlying: error)
                }
                return true
            }
            if applied {
                logger.info(
                    "applied store migration",
                    metadata: [
                        "store.path": "\(database.path)", "store.migration": "\(migration.version)",
                        "store.migration.name": "\(migration.name)",
                    ])
            }
        }
    }
}
