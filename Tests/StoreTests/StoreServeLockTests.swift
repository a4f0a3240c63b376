import Foundation
import Testing

@testable import Store

#if canImport(Glibc)
import Glibc
#endif

/// One serving process per database: a store opened with `serving: true` claims the file until it closes; a second
/// claim is refused naming the file and the holder's pid, while plain opens (the CLI's) keep working beside it.
@Suite struct StoreServeLockTests {
    @Test func aSecondServingStoreIsRefusedNamingTheDatabaseAndTheHolder() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory + "/vhooks.db"
            let serving = try Store(path: path, logger: StoreFixtures.logger, serving: true)
            #expect(throws: StoreError.databaseInUse(path: path, holderPID: getpid())) {
                _ = try Store(path: path, logger: StoreFixtures.logger, serving: true)
            }
            let description = StoreError.databaseInUse(path: path, holderPID: getpid()).description
            #expect(description.contains("pid \(getpid())") && description.contains(path), "\(description)")

            // A command's short open beside the server reads and writes.
            let command = try Store(path: path, logger: StoreFixtures.logger)
            _ = try await command.createAPIToken(name: "beside the server")
            #expect(try await serving.apiTokens().count == 1)
            await command.close()

            // Closing the server's store gives the claim up.
            await serving.close()
            let next = try Store(path: path, logger: StoreFixtures.logger, serving: true)
            await next.close()
        }
    }

    @Test func aRefusedClaimWritesNothing() async throws {
        try await StoreFixtures.withTemporaryDirectory { directory in
            let path = directory + "/vhooks.db"
            let serving = try Store(path: path, logger: StoreFixtures.logger, serving: true)
            let lockFile = try String(contentsOfFile: path + "-serve.lock", encoding: .utf8)
            #expect(lockFile == "\(getpid())\n")
            #expect(throws: StoreError.self) { _ = try Store(path: path, logger: StoreFixtures.logger, serving: true) }
            // The holder's pid is still there for the next refusal.
            #expect(try String(contentsOfFile: path + "-serve.lock", encoding: .utf8) == "\(getpid())\n")
            await serving.close()
        }
    }
}
