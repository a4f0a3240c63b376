@testable import CurlHTTP
import Logging

/// Runs `body` with a fresh loopback server and client, shutting both down afterwards (also on failure).
func withLoopback<Result>(
    maxConnectionsPerHost: Int = 32,
    _ body: (LoopbackServer, CurlHTTPClient) async throws -> Result
) async throws -> Result {
    let server = try LoopbackServer()
    let client = CurlHTTPClient(maxConnectionsPerHost: maxConnectionsPerHost, logger: testLogger)
    do {
        let result = try await body(server, client)
        await client.shutdown()
        server.stop()
        return result
    } catch {
        await client.shutdown()
        server.stop()
        throw error
    }
}

/// A logger for the clients under test (the default handler; nothing is logged per request).
let testLogger = Logger(label: "CurlHTTPTests")

/// Polls `condition` every 5 ms until it holds or `limit` passes; returns whether it held.
func eventually(within limit: Duration = .seconds(30), _ condition: () -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}

/// Performs `total` GETs of `url` with at most `inFlight` at once; returns how many answered 200.
func runRequests(_ client: CurlHTTPClient, url: String, total: Int, inFlight: Int) async throws -> Int {
    try await withThrowingTaskGroup(of: Int.self) { group in
        var started = 0
        var succeeded = 0
        while started < min(inFlight, total) {
            group.addTask { try await client.execute(HTTPRequest(url: url)).status }
            started += 1
        }
        while let status = try await group.next() {
            if status == 200 { succeeded += 1 }
            if started < total {
                group.addTask { try await client.execute(HTTPRequest(url: url)).status }
                started += 1
            }
        }
        return succeeded
    }
}
