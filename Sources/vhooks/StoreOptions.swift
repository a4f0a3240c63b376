import ArgumentParser
import Foundation
import Pollers
import Store
import VirtualHooks

/// Which database file a local command (`vhooks token …`, `vhooks secret …`) works on: `--db`, else the `database`
/// of `--config`; the same file `vhooks serve` uses with the same options. One of the two is required: a guessed
/// `./vhooks.db` would create a token in a database the server never reads.
struct StoreOptions: ParsableArguments {
    @Option(help: "SQLite database file (overrides the configuration's \"database\"). This or --config is required.")
    var db: String?

    @Option(help: "`vhooks serve` configuration file whose \"database\" to use. This or --db is required.")
    var config: String?

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard db != nil || config != nil else {
            throw ValidationError(
                "name the database `vhooks serve` uses: pass --db PATH or --config FILE (the file you serve with)")
        }
    }

    /// The database path in force.
    func databasePath() throws -> String {
        if let db { return db }
        return try configuration()?.database ?? ServeConfiguration().database
    }

    /// The `--config` file, validated as `vhooks serve` does; `nil` without `--config`.
    func configuration() throws -> ServeConfiguration? {
        guard let config else { return nil }
        do {
            return try ServeConfiguration.load(file: config, catalog: ConnectorCatalog.builtin())
        } catch let error as ConfigurationError {
            throw ValidationError("\(error)")
        }
    }

    /// Opens the store (applying pending migrations), runs `body`, closes it.
    /// - Parameter mustExist: refuse a path with no file instead of creating an empty database there.
    func withStore<Result>(mustExist: Bool, _ body: (Store) async throws -> Result) async throws -> Result {
        let path = try databasePath()
        if mustExist, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no database at \(path); pass --db or --config naming the file `vhooks serve` uses")
        }
        let store = try Store(path: path, logger: logging.makeLogger("vhooks"))
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}
