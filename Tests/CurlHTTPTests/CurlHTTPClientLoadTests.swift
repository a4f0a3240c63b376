import CurlHTTP
import Testing

@Suite struct CurlHTTPClientLoadTests {
    @Test func sequentialRequestsReuseOneConnection() async throws {
        try await withLoopback { server, client in
            for _ in 0..<200 {
                let response = try await client.execute(HTTPRequest(url: server.url("/echo")))
                #expect(response.status == 200)
            }
            #expect(server.requestCount == 200)
            #expect(server.acceptedConnections == 1)
        }
    }

    @Test func concurrentRequestsStayWithinTheConnectionLimit() async throws {
        try await withLoopback(maxConnectionsPerHost: 8) { server, client in
            let succeeded = try await runRequests(client, url: server.url("/echo"), total: 200, inFlight: 200)
            #expect(succeeded == 200)
            #expect(server.acceptedConnections <= 8)
            let again = try await runRequests(client, url: server.url("/echo"), total: 200, inFlight: 200)
            #expect(again == 200)
            #expect(server.acceptedConnections <= 8)
        }
    }

    @Test func fiveHundredConcurrentRequestsAllCompleteOnFewConnections() async throws {
        try await withLoopback { server, client in
            let succeeded = try await runRequests(client, url: server.url("/echo"), total: 500, inFlight: 500)
            #expect(succeeded == 500)
            #expect(server.acceptedConnections <= 32, "\(server.acceptedConnections) connections accepted")
        }
    }

    @Test func throughput() async throws {
        try await withLoopback { server, client in
            let url = server.url("/echo")
            _ = try await client.execute(HTTPRequest(url: url))
            let total = 2_000
            let start = ContinuousClock.now
            let succeeded = try await runRequests(client, url: url, total: total, inFlight: 32)
            let elapsed = ContinuousClock.now - start
            #expect(succeeded == total)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let rate = Int(Double(total) / max(seconds, 1e-6))
            print("CurlHTTPClient throughput: \(total) GETs, 32 in flight, \(rate) req/s, "
                + "\(server.acceptedConnections) connections (loopback thread-per-connection test server)")
        }
    }
}
