@testable import CurlHTTP
import Testing

@Suite struct CurlHTTPValueTests {
    @Test func headerLookupIsCaseInsensitiveAndReturnsTheFirstMatch() {
        let response = HTTPResponse(
            status: 200,
            headers: [HTTPHeader("Content-Type", "a"), HTTPHeader("content-type", "b"), HTTPHeader("X-[", "c")]
        )
        #expect(response.header("CONTENT-TYPE") == "a")
        #expect(response.header("x-[") == "c")
        #expect(response.header("X-{") == nil)
        #expect(response.header("Content-Typ") == nil)
    }

    @Test(arguments: [
        (Int32(28), CurlHTTPError.Kind.timeout), (7, .connect), (6, .dns), (35, .tls), (60, .tls), (77, .tls),
        (1, .invalidRequest), (3, .invalidRequest), (52, .transfer), (56, .transfer), (18, .transfer),
    ])
    func curlCodesMapToKinds(code: Int32, kind: CurlHTTPError.Kind) {
        let error = CurlHTTPError(curlCode: code, detail: "", url: "http://127.0.0.1/")
        #expect(error.kind == kind)
        #expect(error.curlCode == code)
        #expect(!error.message.isEmpty)
        #expect(error.description.hasPrefix("\(kind.rawValue) error for http://127.0.0.1/: "))
    }

    @Test func errorBufferDetailIsPreferred() {
        let error = CurlHTTPError(curlCode: 7, detail: "Failed to connect to 127.0.0.1 port 9", url: "u")
        #expect(error.message == "Failed to connect to 127.0.0.1 port 9")
        #expect(error.description == "connect error for u: Failed to connect to 127.0.0.1 port 9 (curl code 7)")
    }

    @Test(arguments: [
        (Duration.milliseconds(300), 300), (.seconds(5), 5_000), (.microseconds(1), 1), (.nanoseconds(1_500_000), 2),
        (.seconds(Int64(1) << 40), Int(Int32.max)),
    ])
    func durationsRoundUpToWholeMilliseconds(duration: Duration, milliseconds: Int) {
        #expect(duration.curlMilliseconds == milliseconds)
    }

    @Test func ipLiteralsAreRecognisedAndBracketedForLibcurl() {
        #expect(IPAddress("127.0.0.1")?.urlHost == "127.0.0.1")
        #expect(IPAddress("::1")?.urlHost == "[::1]")
        #expect(IPAddress("2001:DB8::5")?.urlHost == "[2001:db8::5]")
        #expect(IPAddress("127.0.0.1:80") == nil)
        #expect(IPAddress("example.com") == nil)
        #expect(IPAddress("") == nil)
    }

    @Test func requestDefaultsFollowTheDeliveryPolicy() {
        let request = HTTPRequest(url: "http://127.0.0.1/")
        #expect(request.method == "GET")
        #expect(request.connectTimeout == .seconds(5))
        #expect(request.timeout == .seconds(15))
        #expect(request.maxResponseBytes == 10 << 20)
        #expect(request.followRedirects == false)
        #expect(request.body == nil && request.headers.isEmpty && request.pinnedAddress == nil)
    }
}
