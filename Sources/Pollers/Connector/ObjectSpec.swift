import Store

/// How one object type is listed: the List endpoint and where things sit in its response.
public struct ObjectSpec: Sendable, Hashable, Codable {
    /// Path appended to the connection's base URL; may contain `{connection_id}`, `{category}`, `{object}`.
    public var path: String
    /// Name of the inclusive lower-bound filter (`updated_gte`).
    public var cursorParam: String
    public var cursorFormat: CursorFormat
    /// Name of the page-size parameter (`limit`), and the largest page the provider serves.
    public var pageSizeParam: String
    public var maxPageSize: Int
    public var pagination: PaginationSpec
    /// Dotted path to the records array in the response; empty when the body itself is the array.
    public var recordsPath: String
    public var idPath: String
    public var updatedAtPath: String
    public var createdAtPath: String?
    /// The provider returns records sorted ascending by (updated_at, id).
    public var sorted: Bool
    /// Timestamp fields normalized before hashing, so `…00Z` and `…00.000Z` do not count as a change.
    public var timestampFields: [String]
    /// Volatile fields left out of the version hash (a change there alone is not a change).
    public var ignoreFields: [String]
    /// Fixed query parameters added to every request.
    public var extraQuery: [String: String]
    /// The `filters` keys a webhook on this object may use (Unified's `virtual_webhook_<param>` flags): each names a
    /// top-level record field compared at fan-out. Any other key is refused when the webhook is saved, rather than
    /// silently ignored as Unified does.
    public var filters: [String]
    /// For a search endpoint (HubSpot's CRM search): the JSON body POSTed for every page, with `{cursor}`, `{limit}`
    /// and `{token}` placeholders (``RequestBodyTemplate``) in place of the cursor, page-size and page-token query
    /// parameters. `nil` for a List endpoint read with GET.
    public var requestBody: JSONValue?

    public init(
        path: String, cursorParam: String = "updated_gte", cursorFormat: CursorFormat = .iso8601Milliseconds,
        pageSizeParam: String = "limit", maxPageSize: Int = 100, pagination: PaginationSpec = .offset(param: "offset"),
        recordsPath: String = "", idPath: String = "id", updatedAtPath: String = "updated_at",
        createdAtPath: String? = "created_at", sorted: Bool = true, timestampFields: [String] = [],
        ignoreFields: [String] = [], extraQuery: [String: String] = [:], filters: [String] = [],
        requestBody: JSONValue? = nil
    ) {
        self.path = path
        self.cursorParam = cursorParam
        self.cursorFormat = cursorFormat
        self.pageSizeParam = pageSizeParam
        self.maxPageSize = maxPageSize
        self.pagination = pagination
        self.recordsPath = recordsPath
        self.idPath = idPath
        self.updatedAtPath = updatedAtPath
        self.createdAtPath = createdAtPath
        self.sorted = sorted
        self.timestampFields = timestampFields
        self.ignoreFields = ignoreFields
        self.extraQuery = extraQuery
        self.filters = filters
        self.requestBody = requestBody
    }

    enum CodingKeys: String, CodingKey {
        case path, pagination, sorted, filters
        case cursorParam = "cursor_param"
        case cursorFormat = "cursor_format"
        case pageSizeParam = "page_size_param"
        case maxPageSize = "max_page_size"
        case recordsPath = "records_path"
        case idPath = "id_path"
        case updatedAtPath = "updated_at_path"
        case createdAtPath = "created_at_path"
        case timestampFields = "timestamp_fields"
        case ignoreFields = "ignore_fields"
        case extraQuery = "extra_query"
        case requestBody = "request_body"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        cursorParam = try c.decodeIfPresent(String.self, forKey: .cursorParam) ?? "updated_gte"
        cursorFormat = try c.decodeIfPresent(CursorFormat.self, forKey: .cursorFormat) ?? .iso8601Milliseconds
        pageSizeParam = try c.decodeIfPresent(String.self, forKey: .pageSizeParam) ?? "limit"
        maxPageSize = try c.decodeIfPresent(Int.self, forKey: .maxPageSize) ?? 100
        pagination = try c.decodeIfPresent(PaginationSpec.self, forKey: .pagination) ?? .offset(param: "offset")
        recordsPath = try c.decodeIfPresent(String.self, forKey: .recordsPath) ?? ""
        idPath = try c.decodeIfPresent(String.self, forKey: .idPath) ?? "id"
        updatedAtPath = try c.decodeIfPresent(String.self, forKey: .updatedAtPath) ?? "updated_at"
        createdAtPath = try c.decodeIfPresent(String.self, forKey: .createdAtPath) ?? "created_at"
        sorted = try c.decodeIfPresent(Bool.self, forKey: .sorted) ?? true
        timestampFields = try c.decodeIfPresent([String].self, forKey: .timestampFields) ?? []
        ignoreFields = try c.decodeIfPresent([String].self, forKey: .ignoreFields) ?? []
        extraQuery = try c.decodeIfPresent([String: String].self, forKey: .extraQuery) ?? [:]
        filters = try c.decodeIfPresent([String].self, forKey: .filters) ?? []
        requestBody = try c.decodeIfPresent(JSONValue.self, forKey: .requestBody)
        if let requestBody, requestBody.objectMembers == nil {
            throw DecodingError.dataCorruptedError(
                forKey: .requestBody, in: c, debugDescription: "request_body must be a JSON object")
        }
        guard maxPageSize >= 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .maxPageSize, in: c, debugDescription: "max_page_size must be at least 1")
        }
        if let bad = filters.first(where: { $0.isEmpty || $0.contains(where: { !($0.isLetter || $0.isNumber || $0 == "_") }) }) {
            throw DecodingError.dataCorruptedError(
                forKey: .filters, in: c, debugDescription: "filter name '\(bad)' must be letters, digits and _")
        }
    }
}
