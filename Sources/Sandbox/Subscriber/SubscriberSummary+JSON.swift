import Store

extension SubscriberSummary {
    var json: JSONValue {
        .object([
            ("payloads", .number(Double(payloads))),
            ("records", .number(Double(records))),
            ("accepted", .number(Double(accepted))),
            ("unverified", .number(Double(unverified))),
            ("dropped", .number(Double(dropped))),
        ])
    }
}
