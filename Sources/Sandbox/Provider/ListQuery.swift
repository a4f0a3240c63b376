import Store

/// A parsed List request: `updated_gte`, `limit`, and either `offset` or `cursor` (a cursor wins).
struct ListQuery: Sendable, Equatable {
    var updatedGTE: Timestamp?
    var limit: Int
    var offset: Int
    var cursor: ListCursor?

    init(updatedGTE: Timestamp? = nil, limit: Int, offset: Int = 0, cursor: ListCursor? = nil) {
        self.updatedGTE = updatedGTE
        self.limit = limit
        self.offset = offset
        self.cursor = cursor
    }

    /// Reads the query parameters; numbers may be written as integral floats (`100.0`), as SDKs send them.
    init(parameters: (String) -> String?, defaultLimit: Int, maxLimit: Int) throws(BadRequest) {
        if let text = parameters("updated_gte"), !text.isEmpty {
            guard let time = Timestamp(iso8601: text) else {
                throw BadRequest("updated_gte must be an ISO-8601 date-time, got \"\(text)\"")
            }
            updatedGTE = time
        }
        limit = defaultLimit
        if let text = parameters("limit") {
            let value = try Self.integer(text, name: "limit")
            guard value >= 1 else { throw BadRequest("limit must be at least 1, got \(text)") }
            limit = min(value, maxLimit)
        }
        offset = 0
        if let text = parameters("offset") {
            offset = try Self.integer(text, name: "offset")
            guard offset >= 0 else { throw BadRequest("offset must not be negative, got \(text)") }
        }
        if let token = parameters("cursor"), !token.isEmpty {
            guard let cursor = ListCursor(token: token) else {
                throw BadRequest("cursor \"\(token)\" is not a cursor this provider issued")
            }
            self.cursor = cursor
        }
    }

    private static func integer(_ text: String, name: String) throws(BadRequest) -> Int {
        if let value = Int(text) { return value }
        if let value = Double(text), value.isFinite, value == value.rounded(), abs(value) < 1e15 { return Int(value) }
        throw BadRequest("\(name) must be an integer, got \"\(text)\"")
    }
}
