import ArgumentParser

/// `--limit` and `--offset` of the list commands, checked before any request and sent as the API's query parameters.
struct PagingOptions: ParsableArguments {
    @Option(help: "Page size, 1-100 (default: 100).") var limit: Int?
    @Option(help: "Items to skip (default: 0).") var offset: Int?

    func validate() throws {
        if let limit, !(1...100).contains(limit) { throw ValidationError("--limit must be between 1 and 100") }
        if let offset, offset < 0 { throw ValidationError("--offset must not be negative") }
    }

    /// The query items for the options given.
    var query: [(String, String)] {
        var items: [(String, String)] = []
        if let limit { items.append(("limit", String(limit))) }
        if let offset { items.append(("offset", String(offset))) }
        return items
    }
}
