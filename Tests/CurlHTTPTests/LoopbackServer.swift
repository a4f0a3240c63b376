import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for the client tests: one thread per connection, keep-alive, and a count of
/// accepted connections (how the tests see connection reuse from the server's side).
///
/// Routes: `/echo` (status 200, the request body back, `X-Method`, and every request header as `X-Echo-<name>`),
/// `/status/<code>`, `/redirect` (302 to `/echo`), `/bytes/<n>` (n patterned bytes), `/slow/<ms>` (answers after a
/// delay), `/hang` (never answers). A connection ends when the client closes it or the server stops.
final class LoopbackServer: @unchecked Sendable {
    /// The bound port on 127.0.0.1.
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var accepted = 0
    private var requests = 0
    private var open: Set<Int32> = []
    private var stopped = false
    private let acceptorDone = DispatchSemaphore(value: 0)

    /// Binds 127.0.0.1 on an ephemeral port and starts accepting.
    init() throws {
        listener = try Self.bindLoopback()
        guard listen(listener, 1024) == 0 else { throw ServerError("listen", errno) }
        port = try Self.localPort(of: listener)
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "test-acceptor"
        thread.start()
    }

    /// Connections accepted so far.
    var acceptedConnections: Int { lock.withLock { accepted } }
    /// Requests answered or started so far.
    var requestCount: Int { lock.withLock { requests } }

    /// `http://127.0.0.1:<port><path>`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Stops accepting, ends every open connection and waits (≤ 2 s) for the acceptor to exit.
    func stop() {
        let fds: Set<Int32> = lock.withLock {
            stopped = true
            return open
        }
        _ = shutdown(listener, Int32(SHUT_RDWR))
        for fd in fds { _ = shutdown(fd, Int32(SHUT_RDWR)) }
        _ = acceptorDone.wait(timeout: .now() + 2)
        close(listener)
    }

    /// A port on 127.0.0.1 with nothing listening (bound, then closed), for connection-refused tests.
    static func unusedPort() throws -> Int {
        let fd = try bindLoopback()
        defer { close(fd) }
        return try localPort(of: fd)
    }

    // MARK: accepting

    private func acceptLoop() {
        defer { acceptorDone.signal() }
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                return
            }
            var one: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let admitted: Bool = lock.withLock {
                guard !stopped else { return false }
                accepted += 1
                open.insert(fd)
                return true
            }
            guard admitted else {
                close(fd)
                return
            }
            let thread = Thread { [self] in serve(fd) }
            thread.name = "test-connection"
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer {
            lock.withLock {
                open.remove(fd)
                close(fd)
            }
        }
        var reader = SocketReader(fd: fd)
        while let request = reader.nextRequest() {
            lock.withLock { requests += 1 }
            guard let response = respond(to: request, fd: fd) else { return }
            guard Self.transmit(response, on: fd) else { return }
            if request.header("connection")?.lowercased() == "close" { return }
        }
    }

    // MARK: routes

    private func respond(to request: ReceivedRequest, fd: Int32) -> [UInt8]? {
        let path = request.target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.target
        let parts = path.split(separator: "/").map(String.init)
        switch parts.first {
        case "echo":
            var headers = [("X-Method", request.method), ("Content-Type", "application/octet-stream")]
            headers += request.headers.map { ("X-Echo-\($0.name)", $0.value) }
            return Self.encode(status: 200, headers: headers, body: request.body)
        case "status":
            let code = parts.count > 1 ? Int(parts[1]) ?? 500 : 500
            let body: [UInt8] = code == 204 || code == 304 ? [] : Array("status \(code)".utf8)
            return Self.encode(status: code, headers: [("X-Status-Route", "yes"), ("X-Second", "2")], body: body)
        case "redirect":
            return Self.encode(status: 302, headers: [("Location", "/echo")], body: Array("moved".utf8))
        case "bytes":
            let count = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            return Self.encode(status: 200, headers: [], body: Self.pattern(count: count))
        case "slow":
            let milliseconds = parts.count > 1 ? Int(parts[1]) ?? 1000 : 1000
            guard waitForPeerClose(fd, milliseconds: milliseconds) == false else { return nil }
            return Self.encode(status: 200, headers: [], body: Array("slow".utf8))
        case "hang":
            _ = waitForPeerClose(fd, milliseconds: 30_000)
            return nil
        default:
            return Self.encode(status: 404, headers: [], body: Array("no route".utf8))
        }
    }

    /// Waits up to `milliseconds`; returns `true` as soon as the peer closes (or the server stops).
    private func waitForPeerClose(_ fd: Int32, milliseconds: Int) -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(milliseconds)
        while ContinuousClock.now < deadline {
            if lock.withLock({ stopped }) { return true }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 50) > 0 {
                var byte: UInt8 = 0
                if recv(fd, &byte, 1, Int32(MSG_PEEK)) <= 0 { return true }
            }
        }
        return false
    }

    /// Byte `i` of a `/bytes/<n>` body.
    static func pattern(count: Int) -> [UInt8] {
        (0..<count).map { UInt8($0 % 251) }
    }

    private static func encode(status: Int, headers: [(String, String)], body: [UInt8]) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(reason(status))\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        return Array(head.utf8) + body
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 302: return "Found"
        case 404: return "Not Found"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }

    private static func transmit(_ bytes: [UInt8], on fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    // MARK: sockets

    private static func bindLoopback() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket", errno) }
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw ServerError("bind", code)
        }
        return fd
    }

    private static func localPort(of fd: Int32) throws -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { throw ServerError("getsockname", errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A socket call of the test server failed.
struct ServerError: Error, CustomStringConvertible {
    var call: String
    var code: Int32

    init(_ call: String, _ code: Int32) {
        self.call = call
        self.code = code
    }

    var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
}
