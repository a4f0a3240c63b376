/// A dotted path (`data.items`, `results.0.id`) split once, for lookups done per record on the hot path.
///
/// ``JSONValue/value(atPath:)`` splits its text on every call; a poller resolves the same id and timestamp paths
/// for every record of every page.
public struct JSONPath: Sendable, Hashable {
    private let steps: [String]

    /// `""` and `"$"` name the value itself; a leading `$.` is ignored.
    public init(_ text: String) {
        if text.isEmpty || text == "$" {
            steps = []
        } else {
            let trimmed = text.hasPrefix("$.") ? String(text.dropFirst(2)) : text
            steps = trimmed.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// The member name when the path is one top-level member (`updated_at`), else `nil`.
    public var topLevelKey: String? { steps.count == 1 ? steps[0] : nil }

    /// The value at this path in `root`, `nil` when a step is missing. Array elements are addressed by index.
    public func resolve(in root: JSONValue) -> JSONValue? {
        if steps.count == 1 { return root[steps[0]] }
        var current = root
        for step in steps {
            switch current {
            case .object:
                guard let next = current[step] else { return nil }
                current = next
            case let .array(items):
                guard let index = Int(step), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }
}
