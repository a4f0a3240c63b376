import Foundation
import CurlHTTP
import Store

extension AttemptOutcome {
    /// Classifies a received response (delivery.md §2): 2xx success; `webhook-delivery: abort-message` aborts and
    /// `webhook-delivery: disable` or 410 disables; 3xx is a `redirect` failure (never followed); everything else is
    /// retried, at least 60 s later after 408/425/429, honouring `Retry-After` on 429 and 503.
    /// - Parameter now: the local clock, used when `Retry-After` is a date and the response has no `Date`.
    public static func classify(response: HTTPResponse, now: Timestamp) -> AttemptOutcome {
        let status = response.status
        if (200...299).contains(status) { return .success }
        let control = response.header("webhook-delivery")?.trimmingCharacters(in: .whitespaces).lowercased()
        if control == "abort-message" {
            return AttemptOutcome(verdict: .abort, errorClass: "http", error: "HTTP \(status); receiver aborted the message")
        }
        if control == "disable" {
            return AttemptOutcome(verdict: .disable, errorClass: "http", error: "HTTP \(status); receiver disabled the webhook")
        }
        if status == 410 {
            return AttemptOutcome(verdict: .disable, errorClass: "http", error: "HTTP 410 Gone: the endpoint asked to be disabled")
        }
        if (300...399).contains(status) {
            let location = response.header("location").map { " to \($0)" } ?? ""
            return AttemptOutcome(verdict: .retry, errorClass: "redirect", error: "HTTP \(status) redirect\(location) (not followed)")
        }
        let throttled = status == 408 || status == 425 || status == 429
        var retryAfter: Duration?
        if status == 429 || status == 503 {
            retryAfter = Self.retryAfter(response: response, now: now)
        }
        return AttemptOutcome(
            verdict: .retry, errorClass: "http", error: "HTTP \(status)",
            minimumDelay: throttled ? throttledMinimumDelay : .zero, retryAfter: retryAfter)
    }

    /// Classifies a transport failure: every kind is retried; a timeout puts the next attempt at least 60 s later.
    public static func classify(error: CurlHTTPError) -> AttemptOutcome {
        let errorClass: String
        switch error.kind {
        case .timeout: errorClass = "timeout"
        case .dns: errorClass = "dns"
        case .tls: errorClass = "tls"
        case .connect, .transfer, .invalidRequest, .shutdown: errorClass = "connect"
        }
        return AttemptOutcome(
            verdict: .retry, errorClass: errorClass, error: error.description,
            minimumDelay: error.kind == .timeout ? throttledMinimumDelay : .zero)
    }

    /// `Retry-After` as a delay: delta-seconds, or an HTTP-date measured against the response's own `Date` header
    /// (so clock skew between us and the receiver does not matter), else against `now`.
    static func retryAfter(response: HTTPResponse, now: Timestamp) -> Duration? {
        guard let text = response.header("retry-after")?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return nil
        }
        if let seconds = Int64(text) { return .seconds(max(0, seconds)) }
        guard let when = HTTPDate.parse(text) else { return nil }
        let reference = response.header("date").flatMap(HTTPDate.parse) ?? now
        return .microseconds(max(0, when.microseconds - reference.microseconds))
    }
}
