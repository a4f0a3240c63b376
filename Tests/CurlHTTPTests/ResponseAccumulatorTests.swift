@testable import CurlHTTP
import Testing

@Suite struct ResponseAccumulatorTests {
    private func feed(_ lines: [String], into accumulator: inout ResponseAccumulator) {
        for line in lines {
            Array(line.utf8).withUnsafeBytes { accumulator.appendHeaderLine($0) }
        }
    }

    @Test func keepsOnlyTheFinalResponsesHeadersInOrder() {
        var accumulator = ResponseAccumulator(cap: 100)
        feed(
            ["HTTP/1.1 100 Continue\r\n", "\r\n", "HTTP/1.1 302 Found\r\n", "Location: /x\r\n", "\r\n",
             "HTTP/1.1 200 OK\r\n", "A: 1\r\n", "B:   two  \r\n", "\tfolded\r\n", "Empty:\r\n", "junk\r\n", "\r\n"],
            into: &accumulator
        )
        #expect(accumulator.headers == [HTTPHeader("A", "1"), HTTPHeader("B", "two folded"), HTTPHeader("Empty", "")])
    }

    @Test func reservesTheAnnouncedLengthUpToTheCap() {
        var accumulator = ResponseAccumulator(cap: 1_000)
        feed(["HTTP/1.1 200 OK\r\n", "content-length: 500\r\n", "\r\n"], into: &accumulator)
        #expect(accumulator.body.capacity >= 500)
        var capped = ResponseAccumulator(cap: 100)
        feed(["HTTP/1.1 200 OK\r\n", "Content-Length: 1000000000\r\n", "\r\n"], into: &capped)
        #expect(capped.body.capacity >= 100 && capped.body.capacity < 1_000_000)
    }

    @Test func stopsAtTheCap() {
        var accumulator = ResponseAccumulator(cap: 10)
        #expect([UInt8](repeating: 1, count: 4).withUnsafeBytes { accumulator.appendBody($0) })
        #expect(!accumulator.truncated)
        #expect(![UInt8](repeating: 2, count: 8).withUnsafeBytes { accumulator.appendBody($0) })
        #expect(accumulator.truncated)
        #expect(accumulator.body == [1, 1, 1, 1, 2, 2, 2, 2, 2, 2])
    }

    @Test func zeroCapKeepsNothing() {
        var accumulator = ResponseAccumulator(cap: 0)
        #expect([UInt8]().withUnsafeBytes { accumulator.appendBody($0) })
        #expect(!accumulator.truncated)
        #expect(![UInt8(7)].withUnsafeBytes { accumulator.appendBody($0) })
        #expect(accumulator.truncated && accumulator.body.isEmpty)
    }
}
