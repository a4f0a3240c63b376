import Store

extension ReceivedPayload {
    var reportJSON: JSONValue {
        var members: [(String, JSONValue)] = [
            ("sequence", .number(Double(sequence))),
            ("path", .string(path)),
            ("type", type.map(JSONValue.string) ?? .null),
            ("webhook_id", webhookID.map(JSONValue.string) ?? .null),
            ("message_id", messageID.map(JSONValue.string) ?? .null),
            ("record_count", .number(Double(recordCount))),
            ("record_ids", .array(recordIDs.map(JSONValue.string))),
            ("sig", .string(sig.rawValue)),
            ("sig256", .string(sig256.rawValue)),
            ("standard_webhooks", .string(standardWebhooks.rawValue)),
            ("verified", .bool(isVerified)),
            ("status", .number(Double(respondedStatus))),
            ("received_at", .string(receivedAt.iso8601)),
        ]
        if let body { members.append(("body", .string(String(decoding: body, as: UTF8.self)))) }
        return .object(members)
    }
}
