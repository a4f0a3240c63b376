/// Where a value sits in a JSON document: `webhooks[1].filters.company_id`. Errors carry one, so the management API
/// can name the field and the configuration file can also find its line.
struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    /// One step of a path: an object member or an array index.
    enum Step: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    var steps: [Step]

    init(_ steps: [Step] = []) { self.steps = steps }

    static let root = FieldPath()

    func appending(_ key: String) -> FieldPath { FieldPath(steps + [.key(key)]) }

    func appending(index: Int) -> FieldPath { FieldPath(steps + [.index(index)]) }

    /// `webhooks[1].interval`; empty for the document itself.
    var description: String {
        var out = ""
        for step in steps {
            switch step {
            case let .key(key): out += out.isEmpty ? key : ".\(key)"
            case let .index(index): out += "[\(index)]"
            }
        }
        return out
    }
}
