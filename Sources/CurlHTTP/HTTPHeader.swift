/// One HTTP header field, kept as sent or received (name case preserved, order significant).
public struct HTTPHeader: Sendable, Hashable {
    /// The field name, compared case-insensitively by ``HTTPResponse/header(_:)``.
    public var name: String
    /// The field value, without surrounding whitespace.
    public var value: String

    /// Creates a header field.
    /// - Parameters:
    ///   - name: a token (no spaces, colons, CR or LF); ``CurlHTTPClient`` rejects other names as `.invalidRequest`.
    ///   - value: may be empty; CR and LF are rejected as `.invalidRequest` (no header injection).
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
