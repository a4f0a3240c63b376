/// A complete HTTP response, whatever its status: non-2xx statuses are responses, not errors; callers classify them.
public struct HTTPResponse: Sendable {
    /// The status code of the final response (a 3xx when redirects are not followed).
    public var status: Int
    /// The header fields of the final response, in the order received (interim 1xx and redirect responses excluded).
    public var headers: [HTTPHeader]
    /// The body, at most the request's `maxResponseBytes` bytes.
    public var body: [UInt8]
    /// Whether the body was cut at the request's `maxResponseBytes`.
    public var truncated: Bool
    /// The IP address of the peer that answered (`CURLINFO_PRIMARY_IP`), for the attempt log.
    public var remoteAddress: String?
    /// Time from the start of the transfer to its end, including name resolution and connect.
    public var totalTime: Duration

    /// Creates a response; public so tests and fake clients can build one.
    public init(
        status: Int,
        headers: [HTTPHeader] = [],
        body: [UInt8] = [],
        truncated: Bool = false,
        remoteAddress: String? = nil,
        totalTime: Duration = .zero
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.truncated = truncated
        self.remoteAddress = remoteAddress
        self.totalTime = totalTime
    }

    /// The value of the first header named `name`, compared ASCII case-insensitively; `nil` if absent.
    public func header(_ name: String) -> String? {
        headers.first { Self.asciiCaseInsensitiveEqual($0.name, name) }?.value
    }

    private static func asciiCaseInsensitiveEqual(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        return zip(lhs.utf8, rhs.utf8).allSatisfy { a, b in
            a == b || (a | 0x20 == b | 0x20 && (a | 0x20) >= UInt8(ascii: "a") && (a | 0x20) <= UInt8(ascii: "z"))
        }
    }
}
