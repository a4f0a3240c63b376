import Foundation
import Store

#if canImport(Glibc)
import Glibc
#endif

/// One HTTP/1.1 exchange over a plain loopback TCP socket, for framings no HTTP client will send: a body shorter than
/// its `Content-Length` followed by a half-close, `Expect: 100-continue` without the body, malformed chunked encoding.
///
/// The blocking socket work runs on its own thread, so a server in the test process keeps every cooperative thread.
struct RawHTTPExchange: Sendable {
    /// What came back: every byte until the server closed, the first response's parts, and whether it closed.
    struct Reply: Sendable, CustomStringConvertible {
        var bytes: [UInt8]
        var closedByServer: Bool

        var text: String { String(decoding: bytes, as: UTF8.self) }
        /// `HTTP/1.1 400 Bad Request`.
        var statusLine: String { text.components(separatedBy: "\r\n").first ?? "" }
        var status: Int? { statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) } }
        /// The first response's header value (any letter case).
        func header(_ name: String) -> String? {
            let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
            for line in head.components(separatedBy: "\r\n").dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                if line[..<colon].lowercased() == name.lowercased() {
                    return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
            }
            return nil
        }
        /// The first response's body, cut at its `Content-Length`.
        var body: [UInt8] {
            let separator = Array("\r\n\r\n".utf8)
            guard bytes.count >= separator.count,
                let end = (0...(bytes.count - separator.count)).first(where: {
                    Array(bytes[$0..<($0 + separator.count)]) == separator
                })
            else { return [] }
            let rest = Array(bytes[(end + separator.count)...])
            guard let length = header("content-length").flatMap({ Int($0) }) else { return rest }
            return Array(rest.prefix(length))
        }
        /// How many responses arrived: status lines at the start or after a line end (a JSON body has no raw CRLF).
        var responseCount: Int {
            (text.hasPrefix("HTTP/1.1 ") ? 1 : 0) + text.components(separatedBy: "\r\nHTTP/1.1 ").count - 1
        }
        var description: String { closedByServer ? text : text + " [still open]" }
    }

    var port: Int

    /// Sends `request`, half-closes the write side when `halfClose`, then reads until the server closes, or (when
    /// `untilFirstResponse`) until one whole response is in, or until `timeout`.
    func send(
        _ request: [UInt8], halfClose: Bool = false, untilFirstResponse: Bool = false, timeout: Duration = .seconds(30)
    ) async throws -> Reply {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    with: Result {
                        try exchange(request, halfClose: halfClose, untilFirstResponse: untilFirstResponse, timeout: timeout)
                    })
            }
            thread.start()
        }
    }

    private func exchange(_ request: [UInt8], halfClose: Bool, untilFirstResponse: Bool, timeout: Duration) throws -> Reply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawHTTPError(message: "socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw RawHTTPError(message: "connect to 127.0.0.1:\(port) failed: errno \(errno)") }
        var pollTimeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &pollTimeout, socklen_t(MemoryLayout<timeval>.size))
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw RawHTTPError(message: "send failed after \(sent) bytes: errno \(errno)") }
            sent += count
        }
        if halfClose { shutdown(fd, Int32(SHUT_WR)) }
        let deadline = ContinuousClock.now + timeout
        var reply = Reply(bytes: [], closedByServer: false)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while ContinuousClock.now < deadline {
            if untilFirstResponse, Self.hasWholeResponse(reply) { break }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                reply.bytes.append(contentsOf: chunk[..<count])
            } else if count == 0 {
                reply.closedByServer = true
                break
            } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                reply.closedByServer = true  // reset by the server
                break
            }
        }
        return reply
    }

    private static func hasWholeResponse(_ reply: Reply) -> Bool {
        guard reply.text.contains("\r\n\r\n") else { return false }
        guard let length = reply.header("content-length").flatMap({ Int($0) }) else { return false }
        return reply.body.count >= length
    }
}

struct RawHTTPError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
