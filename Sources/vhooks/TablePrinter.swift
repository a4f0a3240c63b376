import Store

/// Aligned plain-text columns for the CLI's listings: a header row, then one row per item, columns padded to their
/// widest cell and separated by two spaces (the last column is not padded, so lines carry no trailing blanks).
struct TablePrinter {
    let headers: [String]
    private(set) var rows: [[String]] = []

    init(_ headers: [String]) {
        self.headers = headers
    }

    mutating func append(_ row: [String]) {
        precondition(row.count == headers.count, "a row needs one cell per column")
        rows.append(row)
    }

    /// The table, each line ending in a newline.
    func render() -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        var text = ""
        for row in all {
            var line = ""
            for (column, cell) in row.enumerated() {
                if column == row.count - 1 {
                    line += cell
                } else {
                    line += cell + String(repeating: " ", count: widths[column] - cell.count + 2)
                }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            text += line + "\n"
        }
        return text
    }

    /// A JSON value as a table cell: strings as they are, integral numbers without a fraction, `-` for null or absent.
    static func cell(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: return "-"
        case let .string(text)?: return text.isEmpty ? "-" : text
        case let .bool(flag)?: return flag ? "yes" : "no"
        case let .number(number)?:
            if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
            return String(number)
        case let value?: return JSWriter.string(value)
        }
    }
}
