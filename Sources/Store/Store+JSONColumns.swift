import Foundation

/// Lists and maps stored as JSON text (`categories`, `permissions`, `filters`): encoded with Foundation, which is
/// fine here because these columns are written and read on management paths only, never per record.
extension Store {
    static func encodeJSONColumn<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decodeJSONColumn<Value: Decodable>(
        _ type: Value.Type, from text: String, table: String, column: String
    ) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptRow(table: table, column: column, value: text)
        }
    }

    /// Reads a `RawRepresentable` enum column, reporting an unknown value as a corrupt row.
    static func decodeEnumColumn<Value: RawRepresentable>(
        _ type: Value.Type, from text: String, table: String, column: String
    ) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: text) else {
            throw StoreError.corruptRow(table: table, column: column, value: text)
        }
        return value
    }
}
