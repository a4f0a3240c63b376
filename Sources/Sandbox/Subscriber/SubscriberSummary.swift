/// Running totals of the recording subscriber, kept even for payloads no longer in its bounded list.
public struct SubscriberSummary: Sendable, Hashable {
    /// POSTs received (control endpoints excluded).
    public var payloads: Int
    /// Records across all payloads.
    public var records: Int
    /// Payloads answered with a 2xx.
    public var accepted: Int
    /// Payloads where `sig`, `sig256` (when present) or the Standard Webhooks signature was not valid.
    public var unverified: Int
    /// Entries dropped from the bounded list to make room.
    public var dropped: Int

    public init(payloads: Int = 0, records: Int = 0, accepted: Int = 0, unverified: Int = 0, dropped: Int = 0) {
        self.payloads = payloads
        self.records = records
        self.accepted = accepted
        self.unverified = unverified
        self.dropped = dropped
    }
}
