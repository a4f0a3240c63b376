import Logging

/// What the loop thread needs from the client's initialiser.
struct CurlLoopConfiguration: Sendable {
    /// Parallel connections per host; further transfers to that host wait in libcurl's queue.
    var maxConnectionsPerHost: Int
    /// Idle connections the multi handle keeps for reuse (across all hosts).
    var maxCachedConnections: Int
    var userAgent: String
    var logger: Logger
}
