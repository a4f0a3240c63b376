import Store

/// Reads `Retry-After` (RFC 9110 §10.2.3): delta-seconds or an HTTP-date, the date measured against the
/// response's own `Date` when there is one, so our clock skew does not matter.
enum RetryAfter {
    static func delay(_ text: String?, responseDate: Timestamp?, now: Timestamp) -> Duration? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Int64(text) { return .seconds(max(0, seconds)) }
        guard let when = HTTPDate.parse(text) else { return nil }
        let reference = responseDate ?? now
        return .microseconds(max(0, when.microseconds - reference.microseconds))
    }
}
