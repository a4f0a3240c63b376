import Foundation

/// One line of the ``AttemptJournal``: an ``AttemptRecord`` as a JSON object with short keys.
///
/// Every field is kept, so a replayed attempt is the row the deliverer would have logged. Timestamps are integral
/// microseconds (exact as JSON numbers up to 2^53, far beyond any date the store accepts); the response excerpt is
/// base64, since it is arbitrary bytes.
enum AttemptJournalEntry {
    static func encode(_ record: AttemptRecord) -> [UInt8] {
        let attempt = record.attempt
        func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        func optional(_ value: Timestamp?) -> JSONValue { value.map { .number(Double($0.microseconds)) } ?? .null }
        let object: JSONValue = .object([
            ("m", .string(attempt.messageID)),
            ("w", .string(attempt.webhookID)),
            ("n", .number(Double(attempt.number))),
            ("t", .number(Double(attempt.startedAt.microseconds))),
            ("d", .number(Double(attempt.durationMicroseconds))),
            ("u", .string(attempt.url)),
            ("c", attempt.statusCode.map { .number(Double($0)) } ?? .null),
            ("k", optional(attempt.errorClass)),
            ("e", optional(attempt.error)),
            ("b", .string(Data(attempt.responseBody).base64EncodedString())),
            ("x", optional(attempt.nextAttemptAt)),
            ("s", .string(record.status.rawValue)),
            ("r", optional(record.nextAttemptAt)),
        ])
        return JSWriter.serialize(object)
    }

    /// The record on one line, `nil` when the line is not one this type wrote (a line torn by a power loss).
    static func decode(_ line: ArraySlice<UInt8>) -> AttemptRecord? {
        guard let value = try? JSONParser.parse(Array(line)), let members = value.objectMembers else { return nil }
        var fields: [String: JSONValue] = [:]
        for (key, member) in members { fields[key] = member }
        func string(_ key: String) -> String? { fields[key]?.stringValue }
        func integer(_ key: String) -> Int64? {
            guard let number = fields[key]?.numberValue, number == number.rounded(), abs(number) < 0x1p53 else {
                return nil
            }
            return Int64(number)
        }
        /// `.some(nil)` for an explicit null, `nil` for a missing or malformed member.
        func optional<Value>(_ key: String, _ read: (String) -> Value?) -> Value?? {
            if case .null? = fields[key] { return .some(nil) }
            return read(key).map { .some($0) }
        }
        func optionalTime(_ key: String) -> Timestamp?? { optional(key) { integer($0).map(Timestamp.init(microseconds:)) } }
        guard let messageID = string("m"), let webhookID = string("w"), let number = integer("n"),
            let startedAt = integer("t"), let duration = integer("d"), let url = string("u"),
            let statusCode = optional("c", integer), let errorClass = optional("k", string),
            let error = optional("e", string),
            let body = string("b").flatMap({ Data(base64Encoded: $0) }), let attemptNext = optionalTime("x"),
            let status = string("s").flatMap(MessageStatus.init(rawValue:)), let next = optionalTime("r")
        else { return nil }
        let attempt = DeliveryAttempt(
            messageID: messageID, webhookID: webhookID, number: Int(number),
            startedAt: Timestamp(microseconds: startedAt), durationMicroseconds: duration, url: url,
            statusCode: statusCode.map { Int($0) }, errorClass: errorClass, error: error, responseBody: Array(body),
            nextAttemptAt: attemptNext)
        return AttemptRecord(attempt: attempt, status: status, nextAttemptAt: next)
    }
}
