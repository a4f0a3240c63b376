/// How one provider lists its objects: the declarative description a connector ships as JSON.
///
/// Adding a provider means writing one of these, not code: path, cursor parameter and its format, page size,
/// pagination style, where records, ids and timestamps sit in the response, and the auth header.
public struct ConnectorSpec: Sendable, Hashable, Codable {
    /// The `integration_type` that selects this connector (`sandbox`, `unified`).
    public var name: String
    public var auth: AuthSpec?
    /// Per `object_type` (`crm_contact`). The key `*` matches any object type, with `{category}` and `{object}`
    /// placeholders filled from it (`crm_contact` → `crm`, `contact`).
    public var objects: [String: ObjectSpec]
    /// Re-read window behind the watermark; catches writes that become visible late.
    public var lookbackSeconds: Double
    /// The watermark never passes the provider's clock minus this lag.
    public var safetyLagSeconds: Double

    public init(
        name: String, auth: AuthSpec? = nil, objects: [String: ObjectSpec], lookbackSeconds: Double = 300,
        safetyLagSeconds: Double = 30
    ) {
        self.name = name
        self.auth = auth
        self.objects = objects
        self.lookbackSeconds = lookbackSeconds
        self.safetyLagSeconds = safetyLagSeconds
    }

    enum CodingKeys: String, CodingKey {
        case name, auth, objects
        case lookbackSeconds = "lookback_seconds"
        case safetyLagSeconds = "safety_lag_seconds"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        auth = try c.decodeIfPresent(AuthSpec.self, forKey: .auth)
        objects = try c.decode([String: ObjectSpec].self, forKey: .objects)
        lookbackSeconds = try Self.seconds(c, .lookbackSeconds, in: PollLimits.lookbackSeconds) ?? 300
        safetyLagSeconds = try Self.seconds(c, .safetyLagSeconds, in: PollLimits.safetyLagSeconds) ?? 30
    }

    /// A number of seconds inside `range` (``PollLimits``), so a spec file cannot set a window the poller must clamp.
    private static func seconds(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys, in range: ClosedRange<Double>)
        throws -> Double?
    {
        guard let value = try c.decodeIfPresent(Double.self, forKey: key) else { return nil }
        guard value.isFinite, range.contains(value) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: c,
                debugDescription: "must be a number of seconds from \(Int(range.lowerBound)) to \(Int(range.upperBound))")
        }
        return value
    }

    /// The listing rules for `objectType`, with the wildcard entry's placeholders resolved; `nil` when the connector
    /// cannot list it.
    public func object(_ objectType: String) -> ObjectSpec? {
        if let exact = objects[objectType] { return exact }
        guard var wildcard = objects["*"] else { return nil }
        let parts = objectType.split(separator: "_", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        wildcard.path = wildcard.path
            .replacingOccurrences(of: "{category}", with: parts[0])
            .replacingOccurrences(of: "{object}", with: parts[1])
        return wildcard
    }

    /// Object types listed by name (the wildcard excluded), for validation messages.
    public var namedObjectTypes: [String] { objects.keys.filter { $0 != "*" }.sorted() }
}

/// The header that carries a connection's token.
public struct AuthSpec: Sendable, Hashable, Codable {
    /// Header name, e.g. `Authorization`.
    public var header: String
    /// Value template; `{token}` is replaced by the connection's token, e.g. `Bearer {token}`.
    public var format: String

    public init(header: String, format: String) {
        self.header = header
        self.format = format
    }
}
