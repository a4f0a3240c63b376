import Store

/// Fills a search endpoint's request-body template (`request_body` in a connector spec) for one page.
///
/// APIs such as HubSpot's CRM search take the cursor, the page size and the page token in a JSON body rather than
/// in the query. A string that is exactly a placeholder becomes its value, typed: `"{cursor}"` the cursor in the
/// object's format (a string), `"{limit}"` the page size (a number), `"{token}"` the page token (a string).
/// A placeholder without a value (no cursor on a stream's baseline, no token on a run's first page) is pruned with
/// what only makes sense around it: its member is dropped, an object in an array that lost a member that way is
/// dropped from the array, and an array emptied that way is dropped from its object. So
/// `{"filterGroups":[{"filters":[{"propertyName":"lastmodifieddate","operator":"GTE","value":"{cursor}"}]}]}`
/// loses its whole filter on the baseline instead of sending a filter without a value.
struct RequestBodyTemplate: Sendable, Hashable {
    var template: JSONValue

    /// The body for one page.
    func fill(cursor: String?, limit: Int, token: String?) -> JSONValue {
        let values: [String: JSONValue?] = [
            "{cursor}": cursor.map(JSONValue.string),
            "{limit}": JSONValue.number(Double(limit)),
            "{token}": token.map(JSONValue.string),
        ]
        switch Self.fill(template, values) {
        case let .kept(body), let .lostMember(body): return body
        case .pruned: return .object([])
        }
    }

    /// What became of one value of the template.
    private enum Filled {
        case kept(JSONValue)
        /// An object that lost a member to a missing placeholder: kept as a member, dropped as an array element.
        case lostMember(JSONValue)
        /// A missing placeholder, or an array emptied by pruning.
        case pruned
    }

    private static func fill(_ value: JSONValue, _ values: [String: JSONValue?]) -> Filled {
        switch value {
        case let .string(text):
            guard let slot = values[text] else { return .kept(value) }
            return slot.map(Filled.kept) ?? .pruned
        case let .array(elements):
            var kept: [JSONValue] = []
            for element in elements {
                if case let .kept(filled) = fill(element, values) { kept.append(filled) }
            }
            return kept.isEmpty && !elements.isEmpty ? .pruned : .kept(.array(kept))
        case let .object(members):
            var kept: [(String, JSONValue)] = []
            var lost = false
            for (key, member) in members {
                switch fill(member, values) {
                case let .kept(filled), let .lostMember(filled): kept.append((key, filled))
                case .pruned: lost = true
                }
            }
            return lost ? .lostMember(.object(kept)) : .kept(.object(kept))
        default:
            return .kept(value)
        }
    }
}
