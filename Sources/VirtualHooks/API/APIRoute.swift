import Hummingbird

/// One route of the management API: method and path pattern (`{id}` matches one segment).
public struct APIRoute: Sendable, Hashable, CustomStringConvertible {
    /// The HTTP method, upper case.
    public var method: String
    /// The path, with `{id}` for the object id segment.
    public var path: String

    /// - Parameters: method (upper case) and path pattern.
    public init(_ method: String, _ path: String) {
        self.method = method
        self.path = path
    }

    /// `METHOD /path`.
    public var description: String { "\(method) \(path)" }

    /// The id segment when `segments` match the pattern (`""` for patterns without `{id}`), else `nil`.
    func match(_ segments: [String]) -> String? {
        let pattern = path.split(separator: "/")
        guard pattern.count == segments.count else { return nil }
        var id = ""
        for (part, segment) in zip(pattern, segments) {
            if part == "{id}" {
                guard !segment.isEmpty else { return nil }
                id = segment
            } else if part != segment {
                return nil
            }
        }
        return id
    }
}
