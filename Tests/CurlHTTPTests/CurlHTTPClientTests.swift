import CurlHTTP
import Testing

@Suite struct CurlHTTPClientTests {
    @Test func getSendsHeadersAndReturnsResponseHeaders() async throws {
        try await withLoopback { server, client in
            let request = HTTPRequest(
                url: server.url("/echo?x=1"),
                headers: [HTTPHeader("X-One", "1"), HTTPHeader("X-Empty", ""), HTTPHeader("Accept", "application/json")]
            )
            let response = try await client.execute(request)
            #expect(response.status == 200)
            #expect(response.header("x-method") == "GET")
            #expect(response.header("X-ECHO-X-ONE") == "1")
            #expect(response.header("X-Echo-X-Empty") == "")
            #expect(response.header("X-Echo-Accept") == "application/json")
            #expect(response.header("X-Echo-User-Agent") == "VirtualHooks/0.1")
            #expect(response.header("X-Echo-Expect") == nil)
            #expect(response.header("X-Echo-Content-Length") == nil)
            #expect(response.body.isEmpty)
            #expect(!response.truncated)
            #expect(response.remoteAddress == "127.0.0.1")
            #expect(response.totalTime > .zero && response.totalTime < .seconds(5))
            let names = response.headers.map(\.name)
            #expect(names.first == "Content-Length")
            #expect(names.firstIndex(of: "X-Method")! < names.firstIndex(of: "X-Echo-X-One")!)
        }
    }

    @Test func postEchoesBinaryBodyWithoutExpectOrFormContentType() async throws {
        try await withLoopback { server, client in
            let body = LoopbackServer.pattern(count: 100_000)
            let response = try await client.execute(HTTPRequest(method: "POST", url: server.url("/echo"), body: body))
            #expect(response.status == 200)
            #expect(response.header("X-Method") == "POST")
            #expect(response.header("X-Echo-Content-Length") == "100000")
            #expect(response.header("X-Echo-Expect") == nil)
            #expect(response.header("X-Echo-Content-Type") == nil)
            #expect(response.body == body)
        }
    }

    @Test func postKeepsCallerContentTypeAndUserAgent() async throws {
        try await withLoopback { server, client in
            let json = Array(#"{"ok":true}"#.utf8)
            let request = HTTPRequest(
                method: "POST",
                url: server.url("/echo"),
                headers: [HTTPHeader("Content-Type", "application/json"), HTTPHeader("User-Agent", "custom/1")],
                body: json
            )
            let response = try await client.execute(request)
            #expect(response.header("X-Echo-Content-Type") == "application/json")
            #expect(response.header("X-Echo-User-Agent") == "custom/1")
            #expect(response.headers.filter { $0.name == "X-Echo-User-Agent" }.count == 1)
            #expect(response.body == json)
        }
    }

    @Test(arguments: [("POST", nil), ("PUT", Array("put-body".utf8)), ("PATCH", Array("p".utf8)), ("DELETE", nil)] as [(String, [UInt8]?)])
    func methodsAreSentAsGiven(method: String, body: [UInt8]?) async throws {
        try await withLoopback { server, client in
            let response = try await client.execute(HTTPRequest(method: method, url: server.url("/echo"), body: body))
            #expect(response.header("X-Method") == method)
            #expect(response.body == (body ?? []))
            if method == "POST" { #expect(response.header("X-Echo-Content-Length") == "0") }
        }
    }

    @Test(arguments: [200, 204, 404, 410, 429, 500, 503])
    func nonSuccessStatusesAreResponsesNotErrors(status: Int) async throws {
        try await withLoopback { server, client in
            let response = try await client.execute(HTTPRequest(url: server.url("/status/\(status)")))
            #expect(response.status == status)
            #expect(response.header("X-Status-Route") == "yes")
            #expect(response.headers.suffix(2).map(\.name) == ["X-Status-Route", "X-Second"])
            #expect(response.body == (status == 204 ? [] : Array("status \(status)".utf8)))
        }
    }

    @Test func redirectIsReturnedNotFollowedByDefault() async throws {
        try await withLoopback { server, client in
            let response = try await client.execute(HTTPRequest(url: server.url("/redirect")))
            #expect(response.status == 302)
            #expect(response.header("Location") == "/echo")
            #expect(response.body == Array("moved".utf8))
            #expect(server.requestCount == 1)
        }
    }

    @Test func redirectIsFollowedWhenAsked() async throws {
        try await withLoopback { server, client in
            let response = try await client.execute(HTTPRequest(url: server.url("/redirect"), followRedirects: true))
            #expect(response.status == 200)
            #expect(response.header("X-Method") == "GET")
            #expect(response.header("Location") == nil)
            #expect(response.body.isEmpty)
            #expect(server.requestCount == 2)
        }
    }

    @Test(arguments: [(100_000, 1_000, true), (1_000, 1_000, false), (5_000, 0, true), (0, 0, false), (3_000_000, 10 << 20, false)])
    func bodyIsCappedAtMaxResponseBytes(size: Int, cap: Int, truncated: Bool) async throws {
        try await withLoopback { server, client in
            let response = try await client.execute(HTTPRequest(url: server.url("/bytes/\(size)"), maxResponseBytes: cap))
            #expect(response.status == 200)
            #expect(response.truncated == truncated)
            #expect(response.body == LoopbackServer.pattern(count: min(size, cap)))
            // the client stays usable after a cut-off transfer
            let next = try await client.execute(HTTPRequest(url: server.url("/bytes/10")))
            #expect(next.body == LoopbackServer.pattern(count: 10))
        }
    }

    @Test func connectionRefusedIsAConnectError() async throws {
        let port = try LoopbackServer.unusedPort()
        let client = CurlHTTPClient(logger: testLogger)
        let url = "http://127.0.0.1:\(port)/"
        let error = await #expect(throws: CurlHTTPError.self) { try await client.execute(HTTPRequest(url: url)) }
        #expect(error?.kind == .connect)
        #expect(error?.curlCode == 7)
        #expect(error?.url == url)
        #expect(error?.description.contains(url) == true)
        await client.shutdown()
    }

    /// The server answers after 60 s; a timeout error (curl code 28) rather than a response shows the 300 ms total
    /// timeout ended the request.
    @Test func slowServerHitsTheTotalTimeout() async throws {
        try await withLoopback { server, client in
            let request = HTTPRequest(url: server.url("/slow/60000"), timeout: .milliseconds(300))
            let error = await #expect(throws: CurlHTTPError.self) { try await client.execute(request) }
            #expect(error?.kind == .timeout, "the slow request ended with \(String(describing: error))")
            #expect(error?.curlCode == 28)
        }
    }

    @Test func pinnedAddressIsConnectedToWithoutResolvingTheHost() async throws {
        try await withLoopback { server, client in
            let url = "http://pinned.invalid:\(server.port)/echo"
            let response = try await client.execute(HTTPRequest(url: url, pinnedAddress: "127.0.0.1"))
            #expect(response.status == 200)
            #expect(response.header("X-Echo-Host") == "pinned.invalid:\(server.port)")
            #expect(response.remoteAddress == "127.0.0.1")
        }
    }

    @Test(arguments: [
        HTTPRequest(url: "http://127.0.0.1:1/", pinnedAddress: "localhost"),
        HTTPRequest(url: "http://127.0.0.1:1/", pinnedAddress: "[::1]"),
        HTTPRequest(method: "BAD METHOD", url: "http://127.0.0.1:1/"),
        HTTPRequest(method: "", url: "http://127.0.0.1:1/"),
        HTTPRequest(url: ""),
        HTTPRequest(url: "http://127.0.0.1:1/", headers: [HTTPHeader("X-Bad", "a\r\nInjected: yes")]),
        HTTPRequest(url: "http://127.0.0.1:1/", headers: [HTTPHeader("Bad Name", "a")]),
        HTTPRequest(url: "http://127.0.0.1:1/", timeout: .zero),
        HTTPRequest(url: "http://127.0.0.1:1/", connectTimeout: .milliseconds(-1)),
        HTTPRequest(url: "http://127.0.0.1:1/", maxResponseBytes: -1),
        HTTPRequest(url: "ftp://127.0.0.1:1/file"),
        HTTPRequest(url: "http://127.0.0.1:99999/"),
    ])
    func invalidRequestsFailWithoutSending(request: HTTPRequest) async throws {
        let client = CurlHTTPClient(logger: testLogger)
        let error = await #expect(throws: CurlHTTPError.self) { try await client.execute(request) }
        #expect(error?.kind == .invalidRequest)
        await client.shutdown()
    }
}
