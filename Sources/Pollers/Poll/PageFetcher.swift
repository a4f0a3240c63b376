import CurlHTTP
import Logging
import Store

/// One List page, parsed.
struct FetchedPage: Sendable {
    var body: JSONValue
    var records: [JSONValue]
    /// The provider's clock (`Date` header), or the local clock minus a margin when it sent none.
    var serverNow: Timestamp
    var bytes: Int
}

/// Fetches one page, retrying it in place until it parses (polling.md §10): 429 pauses for `Retry-After` or an
/// exponential backoff and never fails the run; 408, 5xx, timeouts and malformed bodies retry with backoff up to a
/// limit; 401/403/404 are configuration errors; 400/410 on a next page means the token expired. Every request goes to
/// the run's checked `api_url` destination: its origin only, connected to the pinned address.
struct PageFetcher: Sendable {
    var stream: StreamKey
    var client: any HTTPClient
    /// The connection's `api_url` after the destination rule, resolved once per run.
    var target: ResolvedDestination
    var headers: [HTTPHeader]
    var recordsPath: String
    var configuration: PollerConfiguration
    var sleeper: any Sleeper
    var logger: Logger

    /// Raised when a next-page token is refused (400/410): the run re-anchors instead of failing.
    struct TokenExpired: Error {}

    /// Refuses a page URL off the `api_url`'s origin (a provider's next link to another host, port or scheme),
    /// before anything, the credential above all, is sent there.
    /// - Throws: ``PollError`` `.foreignLink` naming the link.
    func checkOrigin(of url: String) throws(PollError) {
        let origin = DestinationOrigin(url: url)
        guard origin != target.origin else { return }
        throw PollError(
            .foreignLink, stream: stream,
            "the next link \(url) is not on the api_url's origin \(target.origin)"
                + (origin.map { " but on \($0)" } ?? "") + ": not followed, and the credential is not sent there")
    }

    /// The headers of a search page's POST: the run's, plus its body's type.
    private var searchHeaders: [HTTPHeader] { headers + [HTTPHeader("Content-Type", "application/json")] }

    func fetch(_ call: PageCall, isNextPage: Bool) async throws -> FetchedPage {
        let url = call.url
        try checkOrigin(of: url)
        var transientFailures = 0
        var throttles = 0
        while true {
            try Task.checkCancellation()
            let failure: String
            do {
                let request = HTTPRequest(
                    method: call.body == nil ? "GET" : "POST", url: url,
                    headers: call.body == nil ? headers : searchHeaders, body: call.body,
                    connectTimeout: configuration.connectTimeout, timeout: configuration.requestTimeout,
                    pinnedAddress: target.pinnedAddress)
                let response = try await client.execute(request)
                let now = Timestamp.now()
                let date = response.header("Date").flatMap(HTTPDate.parse)
                switch response.status {
                case 200..<300:
                    if let page = parse(response, date: date, now: now) {
                        return page
                    }
                    failure = "malformed body (\(response.body.count) bytes\(response.truncated ? ", truncated" : ""))"
                case 429:
                    throttles += 1
                    let delay =
                        RetryAfter.delay(response.header("Retry-After"), responseDate: date, now: now)
                        .map { min($0, configuration.retryAfterCap) }
                        ?? backoff(base: configuration.throttleBaseDelay, cap: configuration.throttleMaxDelay,
                                   attempt: throttles)
                    logger.notice(
                        "provider throttled the poll; pausing",
                        metadata: ["vh.stream": "\(stream)", "vh.delay": "\(delay)", "vh.url": "\(url)"])
                    try await sleeper.sleep(for: delay)
                    continue
                case 408, 500...:
                    failure = "HTTP \(response.status)"
                case 401, 403, 404:
                    throw PollError(
                        .configuration, stream: stream,
                        "HTTP \(response.status) from \(url): check the connection's credentials and URL")
                case 400 where isNextPage, 410 where isNextPage:
                    throw TokenExpired()
                default:
                    throw PollError(.configuration, stream: stream, "HTTP \(response.status) from \(url)")
                }
            } catch let error as CurlHTTPError {
                if error.kind == .shutdown || error.kind == .invalidRequest {
                    throw PollError(.retriesExhausted, stream: stream, error.description)
                }
                failure = error.description
            }
            transientFailures += 1
            guard transientFailures < configuration.transientMaxTries else {
                throw PollError(
                    .retriesExhausted, stream: stream,
                    "\(transientFailures) tries of \(url) failed; last: \(failure)")
            }
            let delay = backoff(
                base: configuration.transientBaseDelay, cap: configuration.transientMaxDelay,
                attempt: transientFailures)
            logger.warning(
                "page fetch failed; retrying the same page",
                metadata: [
                    "vh.stream": "\(stream)", "vh.error": "\(failure)", "vh.try": "\(transientFailures)",
                    "vh.delay": "\(delay)",
                ])
            try await sleeper.sleep(for: delay)
        }
    }

    private func parse(_ response: HTTPResponse, date: Timestamp?, now: Timestamp) -> FetchedPage? {
        guard !response.truncated, let body = try? JSONParser.parse(response.body),
            let records = body.value(atPath: recordsPath)?.arrayValue
        else { return nil }
        // Without a provider clock, assume ours runs up to two minutes ahead (polling.md §2).
        let serverNow = date ?? (now - .seconds(120))
        return FetchedPage(body: body, records: records, serverNow: serverNow, bytes: response.body.count)
    }

    /// `base × 2^(attempt−1)`, capped, with ± jitter.
    private func backoff(base: Duration, cap: Duration, attempt: Int) -> Duration {
        let exponent = Double(1 << min(max(attempt - 1, 0), 30))
        let raw = min(base * exponent, cap)
        let factor = 1 + Double.random(in: -configuration.jitter...configuration.jitter)
        return raw * factor
    }
}
