/// Serializes a ``JSONValue`` to the canonical bytes a record's version hash is computed from (polling.md §5).
///
/// Two records that JavaScript would consider the same data give the same bytes, whatever the key order or number
/// spelling the provider used: object keys sorted by their UTF-8 bytes, no whitespace, arrays in order, strings and
/// numbers written exactly as ``JSWriter`` writes them (so `100.0` and `100` are alike; strings are not normalised).
public enum CanonicalWriter {
    /// The canonical bytes of `value`.
    public static func serialize(_ value: JSONValue) -> [UInt8] {
        var output = JSONOutput()
        write(value, to: &output)
        return output.bytes()
    }

    static func write(_ value: JSONValue, to output: inout JSONOutput) {
        switch value {
        case .null, .bool, .number, .string, .utf16String:
            JSWriter.write(value, to: &output)
        case let .array(elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                write(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case let .object(members):
            output.append(UInt8(ascii: "{"))
            let order = members.indices.sorted { utf8Precedes(members[$0].0, members[$1].0) }
            for (position, member) in order.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                JSWriter.writeString(members[member].0, to: &output)
                output.append(UInt8(ascii: ":"))
                write(members[member].1, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Byte-wise order of the UTF-8 encodings (Swift's `<` on `String` compares normalised scalars instead).
    static func utf8Precedes(_ lhs: String, _ rhs: String) -> Bool {
        let fast = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in
                let shared = min(left.count, right.count)
                var index = 0
                while index < shared {
                    if left[index] != right[index] { return left[index] < right[index] }
                    index += 1
                }
                return left.count < right.count
            }
        }
        if let fast, let result = fast { return result }
        return lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
