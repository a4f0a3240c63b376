/// How the next page of a List response is asked for (polling.md §13).
public enum PaginationSpec: Sendable, Hashable, Codable {
    /// `?offset=N`; the run ends on a short page.
    case offset(param: String)
    /// An opaque token read from the response body at `tokenPath`, sent back as `?param=token`; ends when absent
    /// or blank.
    case cursor(param: String, tokenPath: String)
    /// A next-page URL (absolute or relative) read from the body at `urlPath`; ends when absent or blank.
    case nextURL(urlPath: String)

    enum CodingKeys: String, CodingKey {
        case style, param
        case tokenPath = "token_path"
        case urlPath = "url_path"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let style = try c.decode(String.self, forKey: .style)
        switch style {
        case "offset":
            self = .offset(param: try c.decodeIfPresent(String.self, forKey: .param) ?? "offset")
        case "cursor":
            self = .cursor(
                param: try c.decodeIfPresent(String.self, forKey: .param) ?? "cursor",
                tokenPath: try c.decode(String.self, forKey: .tokenPath))
        case "next_url":
            self = .nextURL(urlPath: try c.decode(String.self, forKey: .urlPath))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .style, in: c,
                debugDescription: "unknown pagination style '\(style)' (expected offset, cursor or next_url)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .offset(param):
            try c.encode("offset", forKey: .style)
            try c.encode(param, forKey: .param)
        case let .cursor(param, tokenPath):
            try c.encode("cursor", forKey: .style)
            try c.encode(param, forKey: .param)
            try c.encode(tokenPath, forKey: .tokenPath)
        case let .nextURL(urlPath):
            try c.encode("next_url", forKey: .style)
            try c.encode(urlPath, forKey: .urlPath)
        }
    }
}
