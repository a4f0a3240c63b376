/// A failure the provider serves instead of (or on top of) the next List requests, so tests can check that a
/// poller retries pages, honours `Retry-After` and never moves its cursor past a failed page.
public struct SandboxFault: Sendable, Equatable, CustomStringConvertible {
    /// How the affected List requests fail.
    public enum Kind: Sendable, Equatable {
        /// 429 with `Retry-After` exactly as given (delta-seconds such as `"2"`, or an HTTP-date); none if `nil`.
        case rateLimited(retryAfter: String?)
        /// That HTTP status with a JSON error body (500, 503, 400 or 410 for an expired page token, 401, ...).
        case status(Int)
        /// The normal answer, after a delay (for client timeouts).
        case slow(Duration)
        /// 200 with a JSON content type and the page cut in half: invalid JSON.
        case malformed
        /// 200 with an HTML error page instead of JSON.
        case html
    }

    /// The object whose List requests fail; `nil` for every object.
    public var object: SandboxObject?
    /// How the requests fail.
    public var kind: Kind
    /// How many List requests fail this way.
    public var count: Int

    public init(_ kind: Kind, object: SandboxObject? = nil, count: Int = 1) {
        self.kind = kind
        self.object = object
        self.count = max(0, count)
    }

    public var description: String {
        let target = object.map { " on \($0)" } ?? ""
        switch kind {
        case let .rateLimited(retryAfter): return "429 (Retry-After: \(retryAfter ?? "none")) x\(count)\(target)"
        case let .status(code): return "\(code) x\(count)\(target)"
        case let .slow(delay): return "slow \(delay) x\(count)\(target)"
        case .malformed: return "malformed JSON x\(count)\(target)"
        case .html: return "HTML page x\(count)\(target)"
        }
    }
}
