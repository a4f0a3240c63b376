/// Timestamps are stored as INTEGER microseconds since the epoch, so comparisons and ordering happen in SQL exactly.
extension Statement {
    func bind(_ value: Timestamp?, at index: Int32) throws {
        try bind(value?.microseconds, at: index)
    }

    func timestamp(at index: Int32) -> Timestamp {
        Timestamp(microseconds: int64(at: index))
    }

    func optionalTimestamp(at index: Int32) -> Timestamp? {
        optionalInt64(at: index).map(Timestamp.init(microseconds:))
    }
}
