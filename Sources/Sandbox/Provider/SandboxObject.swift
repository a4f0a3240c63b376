/// The CRM objects the sandbox provider lists, named as their List paths (`GET /crm/contacts`).
public enum SandboxObject: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case contacts
    case companies
    case deals

    /// The prefix of generated ids (`c_000123`, `co_000007`, `d_000042`).
    var idPrefix: String {
        switch self {
        case .contacts: return "c_"
        case .companies: return "co_"
        case .deals: return "d_"
        }
    }

    /// The generated id of the `index`-th record (1-based), zero-padded to six digits so ids sort like indices.
    func id(index: Int) -> String {
        let digits = String(index)
        return idPrefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    public var description: String { rawValue }
}

extension SandboxObject {
    /// Accepts the List path name (`contacts`), the singular (`contact`) and the Unified object type (`crm_contact`).
    public init?(name: String) {
        let lowered = name.lowercased()
        let bare = lowered.hasPrefix("crm_") ? String(lowered.dropFirst(4)) : lowered
        switch bare {
        case "contacts", "contact": self = .contacts
        case "companies", "company": self = .companies
        case "deals", "deal": self = .deals
        default: return nil
        }
    }
}
