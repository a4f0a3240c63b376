/// The result of checking one signature the way a receiver would.
public enum VerificationOutcome: String, Sendable, Hashable, CustomStringConvertible {
    /// The signature matches.
    case valid
    /// A signature is present but none matches: tampered body, wrong secret or wrong serialization.
    case invalid
    /// The signature (field or headers) is absent.
    case missing
    /// Standard Webhooks only: `webhook-timestamp` is more than the tolerance away from now.
    case outsideTolerance = "outside_tolerance"
    /// The subscriber holds no secret to check this signature with.
    case noSecret = "no_secret"
    /// The request cannot be checked: body not a JSON object, `data`/`nonce` absent, unreadable timestamp or secret.
    case malformed

    public var description: String { rawValue }
}
