import CurlHTTP
import Store

/// Why a poll of a stream did not complete. Each case names the stream, so a log line or a `runs` entry is enough
/// to act on.
public struct PollError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The connection's integration type names no known connector, or the connector cannot list the object.
        case unknownConnector
        /// 401/403/404 on the List: credentials or configuration are wrong; polling stops until fixed.
        case configuration
        /// The page kept failing (5xx, timeouts, malformed bodies) through every retry.
        case retriesExhausted
        /// The provider's pagination repeated a token or link: following it would loop forever.
        case paginationLoop
        /// The store rejected the page commit.
        case store
        /// The connection's `api_url` is refused by the destination rule (a private, loopback or reserved address,
        /// or not a valid target): the connection turns unhealthy until it is fixed.
        case refusedTarget
        /// The `api_url` host did not resolve; the next run tries again.
        case unresolvable
        /// A next link points at another origin than the `api_url`: it is not followed, so the connection's
        /// credential never goes there.
        case foreignLink
    }

    public var kind: Kind
    public var stream: StreamKey
    public var message: String

    public init(_ kind: Kind, stream: StreamKey, _ message: String) {
        self.kind = kind
        self.stream = stream
        self.message = message
    }

    public var description: String { "poll of \(stream) failed (\(kind.rawValue)): \(message)" }
}
