/// Runs a server beside `body` in one task group: waits until it listens, runs `body`, then asks the server to
/// stop and gives it `grace` to close before cancelling it, so a test never hangs on shutdown.
func withRunningServer<Result>(
    run: @escaping @Sendable () async throws -> Void,
    waitUntilRunning: @escaping @Sendable () async throws -> Int,
    shutdown: @escaping @Sendable () -> Void,
    grace: Duration = .seconds(2),
    isolation: isolated (any Actor)? = #isolation,
    _ body: (Int) async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
        group.addTask { try await run() }
        let outcome: Swift.Result<Result, any Error>
        do {
            let port = try await waitUntilRunning()
            outcome = .success(try await body(port))
        } catch {
            outcome = .failure(error)
        }
        shutdown()
        group.addTask { try? await Task.sleep(for: grace) }
        // Whichever ends first, the server or the grace period; then nothing is left running.
        var serverError: (any Error)?
        do { _ = try await group.next() } catch { serverError = error }
        group.cancelAll()
        while let next = await group.nextResult() {
            if case let .failure(error) = next, serverError == nil, !(error is CancellationError) { serverError = error }
        }
        let result = try outcome.get()
        if let serverError { throw serverError }
        return result
    }
}
