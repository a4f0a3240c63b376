import Foundation
import Store
import TestSupport
import Testing
import VirtualHooks

/// Request framings no ordinary client sends still get a 4xx with the JSON error body, never a 5xx or a dropped
/// connection: the server answers from what the framing says, over a raw loopback socket.
@Suite struct APIRequestFramingTests {
    private func head(_ api: APIHarness, _ lines: [String]) -> [UInt8] {
        Array(
            (["POST /unified/webhook HTTP/1.1", "Host: 127.0.0.1", "authorization: \(api.token)",
              "content-type: application/json"] + lines + ["", ""]).joined(separator: "\r\n").utf8)
    }

    /// The reply is `status` with the `{"status","error","message"}` body, and only one response came.
    private func expectJSONError(_ reply: RawHTTPExchange.Reply, _ status: Int, _ framing: String) {
        #expect(reply.status == status, "\(framing): \(reply)")
        #expect(reply.responseCount == 1, "\(framing): more than one response: \(reply)")
        #expect(reply.header("content-type")?.hasPrefix("application/json") == true, "\(framing): \(reply)")
        let body = try? JSONParser.parse(reply.body)
        #expect(body?.value(atPath: "status")?.numberValue == Double(status), "\(framing): \(reply)")
        #expect(body?.value(atPath: "message")?.stringValue?.isEmpty == false, "\(framing): \(reply)")
        #expect(body?.value(atPath: "error")?.stringValue != nil, "\(framing): \(reply)")
    }

    @Test func aBodyShorterThanItsContentLengthThenAHalfCloseIs400() async throws {
        try await withAPI { api in
            let request = head(api, ["Content-Length: 100"]) + Array(#"{"hook_url":"#.utf8)
            let reply = try await RawHTTPExchange(port: api.port).send(request, halfClose: true)
            expectJSONError(reply, 400, "Content-Length 100, 12 bytes, half-close")
        }
    }

    @Test func aContentLengthOverTheLimitIs413BeforeTheBodyIsRead() async throws {
        try await withAPI { api in
            let declared = (1 << 20) + 1
            let request = head(api, ["Content-Length: \(declared)"]) + Array(#"{"hook_url":"x"#.utf8)
            let reply = try await RawHTTPExchange(port: api.port).send(request, untilFirstResponse: true)
            expectJSONError(reply, 413, "Content-Length \(declared), partial body")
        }
    }

    @Test func expectContinueOverTheLimitIs413WithoutWaitingForTheBody() async throws {
        try await withAPI { api in
            let request = head(api, ["Content-Length: \(8 << 20)", "Expect: 100-continue"])
            let reply = try await RawHTTPExchange(port: api.port).send(request, untilFirstResponse: true)
            expectJSONError(reply, 413, "Expect: 100-continue, 8 MiB declared")
        }
    }

    @Test func malformedChunkedEncodingIs400() async throws {
        try await withAPI { api in
            for (name, chunks) in [
                ("chunk size not hex", "zz\r\n{}\r\n0\r\n\r\n"),
                ("chunk longer than its size", "1\r\n{}\r\n0\r\n\r\n"),
            ] {
                let request = head(api, ["Transfer-Encoding: chunked"]) + Array(chunks.utf8)
                let reply = try await RawHTTPExchange(port: api.port).send(request)
                expectJSONError(reply, 400, name)
            }
        }
    }

    /// A request line or header the HTTP parser refuses never reaches the routes; it still gets the JSON body.
    @Test func aRequestTheParserRefusesIs400WithTheJSONBody() async throws {
        try await withAPI { api in
            for (name, request) in [
                ("garbage request line", "NOT HTTP AT ALL\r\n\r\n"),
                ("header without a colon", "GET /health HTTP/1.1\r\nHost: x\r\nbroken header\r\n\r\n"),
            ] {
                let reply = try await RawHTTPExchange(port: api.port).send(Array(request.utf8))
                expectJSONError(reply, 400, name)
            }
        }
    }

    @Test func everyClientErrorCarriesTheJSONErrorBody() async throws {
        try await withAPI { api in
            let big = [UInt8](repeating: UInt8(ascii: " "), count: (1 << 20) + 1)
            let cases: [(String, String, [UInt8]?, String??, Int)] = [
                ("GET", "/nope", nil, .some(nil), 404),
                ("GET", "/unified/webhook/nope", nil, .some(nil), 404),
                ("DELETE", "/unified/webhook", nil, .some(nil), 405),
                ("GET", "/unified/webhook", nil, .none, 401),
                ("POST", "/unified/webhook", big, .some(nil), 413),
                ("POST", "/unified/webhook", Array("{".utf8), .some(nil), 400),
                ("GET", "/unified/connection?limit=0", nil, .some(nil), 400),
            ]
            for (method, path, body, authorization, status) in cases {
                let response = try await api.send(method, path, raw: body, authorization: authorization)
                #expect(response.status == status, "\(method) \(path): \(response.status) \(response.text)")
                #expect(response.header("content-type")?.hasPrefix("application/json") == true, "\(method) \(path)")
                let json = try? response.json()
                #expect(json?.value(atPath: "status")?.numberValue == Double(status), "\(method) \(path): \(response.text)")
                #expect(json?.value(atPath: "message")?.stringValue != nil, "\(method) \(path): \(response.text)")
            }
        }
    }
}
