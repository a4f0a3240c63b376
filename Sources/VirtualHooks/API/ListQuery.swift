import Hummingbird
import Store

/// The list query parameters shared by webhooks and connections (unified.md §3): paging, sort, order, and the
/// filter values as given. Numbers may arrive as floats (`100.0`); `limit` is 1...100 and `offset` 0...1e9, whole.
/// A typed parameter (number, enum, boolean, date-time) given empty is 400, as the OpenAPI document says; an empty
/// string filter (`object=`) is no filter.
struct ListQuery {
    enum SortKey: String {
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case name
    }

    static let maximumLimit = 100
    /// Far beyond any list; keeps the conversion to `Int` exact.
    static let maximumOffset = 1e9

    var limit = 100
    var offset = 0
    var sort = SortKey.createdAt
    var descending = false
    var updatedGTE: Timestamp?
    var createdLTE: Timestamp?
    private var parameters: [String: String] = [:]

    init(_ request: Request) throws(APIError) {
        for (key, value) in request.uri.queryParameters { parameters[String(key)] = String(value) }
        if let text = parameters["limit"] {
            limit = try Self.integer(text, "limit", in: 1...Double(Self.maximumLimit))
        }
        if let text = parameters["offset"] { offset = try Self.integer(text, "offset", in: 0...Self.maximumOffset) }
        if let text = parameters["sort"] {
            guard let key = SortKey(rawValue: text) else {
                throw .badRequest("sort must be name, updated_at or created_at", field: "sort")
            }
            sort = key
        }
        if let text = parameters["order"] {
            switch text {
            case "asc": descending = false
            case "desc": descending = true
            default: throw .badRequest("order must be asc or desc", field: "order")
            }
        }
        updatedGTE = try Self.time("updated_gte", parameters["updated_gte"])
        createdLTE = try Self.time("created_lte", parameters["created_lte"])
    }

    /// A filter parameter's value, `nil` when absent or empty.
    func value(_ key: String) -> String? {
        guard let value = parameters[key], !value.isEmpty else { return nil }
        return value
    }

    /// A boolean filter parameter (`true` / `false`; present but empty is 400).
    func bool(_ key: String) throws(APIError) -> Bool? {
        try Self.boolean(parameters[key], key)
    }

    /// `true` / `false` exactly, `nil` when absent; anything else, the empty string included, is 400.
    static func boolean(_ text: String?, _ key: String) throws(APIError) -> Bool? {
        switch text {
        case nil: return nil
        case "true": return true
        case "false": return false
        default: throw .badRequest("\(key) must be true or false", field: key)
        }
    }

    /// Keeps the items within the time bounds, sorts them (ties by id) and cuts the page.
    func page<Item>(
        _ items: [Item], id: (Item) -> String, createdAt: (Item) -> Timestamp, updatedAt: (Item) -> Timestamp,
        name: (Item) -> String
    ) -> [Item] {
        var kept = items.filter { item in
            if let updatedGTE, updatedAt(item) < updatedGTE { return false }
            if let createdLTE, createdAt(item) > createdLTE { return false }
            return true
        }
        kept.sort { a, b in
            let ordered: Bool
            switch sort {
            case .createdAt:
                ordered = createdAt(a) == createdAt(b) ? id(a) < id(b) : createdAt(a) < createdAt(b)
            case .updatedAt:
                ordered = updatedAt(a) == updatedAt(b) ? id(a) < id(b) : updatedAt(a) < updatedAt(b)
            case .name:
                ordered = name(a) == name(b) ? id(a) < id(b) : name(a) < name(b)
            }
            return descending ? !ordered && id(a) != id(b) : ordered
        }
        guard offset < kept.count else { return [] }
        return Array(kept[offset..<min(kept.count, offset + limit)])
    }

    private static func integer(_ text: String, _ key: String, in range: ClosedRange<Double>) throws(APIError) -> Int {
        guard let number = Double(text), number.isFinite, number == number.rounded(), range.contains(number) else {
            throw .badRequest(
                "\(key) must be a whole number from \(Int(range.lowerBound)) to \(Int(range.upperBound))", field: key)
        }
        return Int(number)
    }

    private static func time(_ key: String, _ text: String?) throws(APIError) -> Timestamp? {
        guard let text else { return nil }
        guard let time = Timestamp(iso8601: text) else {
            throw .badRequest("\(key) must be an ISO-8601 date-time", field: key)
        }
        return time
    }
}

extension ListQuery {
    /// A boolean query parameter outside a list (`include_all`).
    static func flag(_ request: Request, _ key: String) throws(APIError) -> Bool? {
        try boolean(request.uri.queryParameters[key[...]].map(String.init), key)
    }
}
