import Store

/// Server-wide polling settings. Defaults follow polling.md §10–§11; tests shrink the delays.
public struct PollerConfiguration: Sendable {
    /// First delay after a transient failure (5xx, 408, timeout, malformed body); doubles per try.
    public var transientBaseDelay: Duration = .seconds(1)
    public var transientMaxDelay: Duration = .seconds(300)
    /// Tries per page before the run fails (its checkpoint intact).
    public var transientMaxTries = 5
    /// First delay after a 429 without `Retry-After`; doubles per 429.
    public var throttleBaseDelay: Duration = .seconds(30)
    public var throttleMaxDelay: Duration = .seconds(900)
    /// A `Retry-After` longer than this is capped.
    public var retryAfterCap: Duration = .seconds(3600)
    /// Uniform ± fraction applied to computed backoff delays (not to `Retry-After`).
    public var jitter = 0.2
    /// Records asked per page; `nil` = the connector's maximum (fewest API calls).
    public var pageSize: Int?
    /// Re-anchors allowed per run when a page token expires, before the run fails.
    public var maxReanchors = 3
    /// A poll is never scheduled sooner than this after the previous one, whatever the webhooks ask.
    public var minimumInterval: Duration = .seconds(1)
    /// Polls running at once, in the process and per connection.
    public var concurrency = PollConcurrency()
    /// The gap between first polls at start-up: `n` streams known at start are spread at random over
    /// `n × startSpacing` (at most 90 % of an interval), so a few start at once and thousands do not all start in
    /// the same second.
    public var startSpacing: Duration = .milliseconds(5)
    /// Used when the connector's own values are not wanted (tests and the demo shorten them).
    public var lookbackOverride: Duration?
    public var safetyLagOverride: Duration?
    /// Whether a connection's `api_url` may point at private, loopback, link-local and reserved addresses (the
    /// server's `allow_private_targets`). Off by default: every run resolves the host, refuses such addresses (the
    /// connection turns unhealthy with the reason) and pins every request to the checked address.
    public var allowPrivateTargets = false
    /// Connect and total timeouts of one List request.
    public var connectTimeout: Duration = .seconds(5)
    public var requestTimeout: Duration = .seconds(30)
    /// Called after a page is fetched and diffed, just before its commit, with the page's number in the run
    /// (1-based). A fault-injection point: crash tests stop the process here to prove a re-read adds no event.
    public var beforeCommit: (@Sendable (StreamKey, Int) async -> Void)?

    public init() {}
}
