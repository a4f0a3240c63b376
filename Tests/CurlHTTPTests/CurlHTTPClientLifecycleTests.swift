@testable import CurlHTTP
import Testing

@Suite struct CurlHTTPClientLifecycleTests {
    /// The request's own timeout is far away, so a `CancellationError` (not a timeout) shows the cancellation ended it.
    @Test func cancellingAnInFlightRequestThrowsCancellationError() async throws {
        try await withLoopback { server, client in
            let url = server.url("/hang")
            let task = Task { try await client.execute(HTTPRequest(url: url, timeout: .seconds(600))) }
            #expect(try await eventually { server.requestCount == 1 })
            task.cancel()
            await #expect(throws: CancellationError.self) { _ = try await task.value }
            let response = try await client.execute(HTTPRequest(url: server.url("/echo")))
            #expect(response.status == 200)
        }
    }

    @Test func aRequestFromAnAlreadyCancelledTaskIsNotSent() async throws {
        try await withLoopback { server, client in
            let url = server.url("/echo")
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await client.execute(HTTPRequest(url: url))
            }
            await #expect(throws: CancellationError.self) { _ = try await task.value }
            #expect(server.requestCount == 0)
        }
    }

    @Test func executeAfterShutdownFailsWithShutdown() async throws {
        try await withLoopback { server, client in
            _ = try await client.execute(HTTPRequest(url: server.url("/echo")))
            await client.shutdown()
            await client.shutdown()
            let error = await #expect(throws: CurlHTTPError.self) {
                try await client.execute(HTTPRequest(url: server.url("/echo")))
            }
            #expect(error?.kind == .shutdown)
            #expect(client.mailbox.isStopped)
        }
    }

    @Test func shutdownOfANeverUsedClientReturnsAndRejectsLaterRequests() async throws {
        let client = CurlHTTPClient(logger: testLogger)
        await client.shutdown()
        let error = await #expect(throws: CurlHTTPError.self) {
            try await client.execute(HTTPRequest(url: "http://127.0.0.1:1/"))
        }
        #expect(error?.kind == .shutdown)
    }

    @Test func shutdownFailsInFlightRequestsAndJoinsTheLoop() async throws {
        try await withLoopback { server, client in
            let url = server.url("/hang")
            // Timeouts far away: a `.shutdown` error (not a timeout) shows the shutdown ended the requests.
            let tasks = (0..<3).map { _ in Task { try await client.execute(HTTPRequest(url: url, timeout: .seconds(600))) } }
            let allStarted = try await eventually { server.requestCount == 3 }
            #expect(allStarted)
            async let first: Void = client.shutdown()
            async let second: Void = client.shutdown()
            _ = await (first, second)
            #expect(client.mailbox.isStopped)
            for task in tasks {
                let error = await #expect(throws: CurlHTTPError.self) { _ = try await task.value }
                #expect(error?.kind == .shutdown, "an in-flight request ended with \(String(describing: error))")
            }
        }
    }

    @Test func droppingTheClientWithoutShutdownStopsTheLoopThread() async throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let mailbox = try await usedAndDroppedClient(url: server.url("/echo"))
        #expect(try await eventually { mailbox.isStopped })
    }

    private func usedAndDroppedClient(url: String) async throws -> CurlLoopMailbox {
        let client = CurlHTTPClient(logger: testLogger)
        let response = try await client.execute(HTTPRequest(url: url))
        #expect(response.status == 200)
        #expect(!client.mailbox.isStopped)
        return client.mailbox
    }
}
