/// The part of a message body that is nothing but records of the event log, byte for byte: `[` + the `record` bytes
/// of the events at ``seqs`` joined by `,` + `]`, at ``range`` of the body.
///
/// The store keeps such a body without those bytes (they are in the log already) and splices them back when it
/// reads the message, so every attempt, resend and restart POSTs the body first built, and its `sig` stays valid.
public struct LoggedRecords: Sendable, Hashable {
    /// The log positions of the records, ascending.
    public var seqs: [Int64]
    /// Where the array sits in the body.
    public var range: Range<Int>

    public init(seqs: [Int64], range: Range<Int>) {
        self.seqs = seqs
        self.range = range
    }
}
