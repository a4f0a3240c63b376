/// One numbered schema change. Versions are consecutive from 1; the applied version is the file's
/// `PRAGMA user_version`, so a file always says which migrations it has.
struct Migration: Sendable {
    let version: Int
    let name: String
    /// The SQL script, run in one transaction together with the `user_version` bump.
    let sql: String

    /// Every migration, in order. Append new ones; never edit a released one.
    static let all: [Migration] = [.v1Initial, .v2APITokens, .v3SnapshotSeq, .v4Hardening, .v5CompactLog]

    /// The schema version this build writes.
    static var latestVersion: Int { all.last?.version ?? 0 }
}
