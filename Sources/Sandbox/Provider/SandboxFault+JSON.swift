import Store

extension SandboxFault {
    /// Reads `{"object"?: "contacts", "kind": "429"|"500"|"slow"|"malformed"|"html"|"<status>", "count": N,
    /// "retry_after": "2"|"<HTTP-date>", "delay_ms": N}`.
    init(json: JSONValue) throws(BadRequest) {
        var object: SandboxObject?
        if let name = json["object"]?.stringValue {
            guard let parsed = SandboxObject(name: name) else { throw BadRequest("unknown object \"\(name)\"") }
            object = parsed
        }
        guard let kindText = json["kind"]?.keyText else {
            throw BadRequest("a fault needs \"kind\": 429, 500 (or another status), slow, malformed or html")
        }
        let count = json["count"]?.numberValue.map { Int($0) } ?? 1
        guard count >= 1 else { throw BadRequest("count must be at least 1") }
        let kind: Kind
        switch kindText.lowercased() {
        case "429":
            kind = .rateLimited(retryAfter: json["retry_after"]?.keyText)
        case "slow":
            let delay = json["delay_ms"]?.numberValue ?? 1000
            guard delay >= 0 else { throw BadRequest("delay_ms must not be negative") }
            kind = .slow(.milliseconds(Int64(delay)))
        case "malformed":
            kind = .malformed
        case "html":
            kind = .html
        default:
            guard let status = Int(kindText), (400...599).contains(status) else {
                throw BadRequest("unknown fault kind \"\(kindText)\"")
            }
            kind = .status(status)
        }
        self.init(kind, object: object, count: count)
    }

    var json: JSONValue {
        var members: [(String, JSONValue)] = [("object", object.map { .string($0.rawValue) } ?? .null)]
        switch kind {
        case let .rateLimited(retryAfter):
            members.append(("kind", .string("429")))
            members.append(("retry_after", retryAfter.map(JSONValue.string) ?? .null))
        case let .status(code):
            members.append(("kind", .string(String(code))))
        case let .slow(delay):
            members.append(("kind", .string("slow")))
            members.append(("delay_ms", .number(Double(delay.wholeMicroseconds / 1000))))
        case .malformed:
            members.append(("kind", .string("malformed")))
        case .html:
            members.append(("kind", .string("html")))
        }
        members.append(("count", .number(Double(count))))
        return .object(members)
    }
}
