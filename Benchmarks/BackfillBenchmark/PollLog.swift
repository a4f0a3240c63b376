import Foundation
import NIOConcurrencyHelpers

/// When each connection was polled, as the sandbox saw it: List requests told apart by their `Bearer tok_N` token.
final class PollLog: Sendable {
    private let times: NIOLockedValueBox<[[Double]]>
    private let origin = ContinuousClock.now

    init(connections: Int) {
        times = NIOLockedValueBox(Array(repeating: [], count: connections))
    }

    /// Seconds since the log was created.
    var now: Double { elapsedSeconds(since: origin) }

    /// Notes a List request with this `Authorization` header.
    func record(authorization: String?) {
        guard let authorization, let index = Int(authorization.dropFirst("Bearer tok_".count)) else { return }
        let now = self.now
        times.withLockedValue { times in
            if times.indices.contains(index) { times[index].append(now) }
        }
    }

    /// Every connection's poll times, in seconds since the log was created.
    var snapshot: [[Double]] { times.withLockedValue { $0 } }
}
