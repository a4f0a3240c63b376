/// One poll of a stream from its first page to its last, kept for the webhook's `runs` and for operators.
public struct PollRun: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable {
        case ok
        case failed
    }

    public var stream: StreamKey
    public var startedAt: Timestamp
    public var finishedAt: Timestamp
    public var status: Status
    public var pages: Int
    public var records: Int
    public var events: Int
    public var error: String?

    public init(
        stream: StreamKey, startedAt: Timestamp, finishedAt: Timestamp, status: Status, pages: Int, records: Int,
        events: Int, error: String? = nil
    ) {
        self.stream = stream
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.pages = pages
        self.records = records
        self.events = events
        self.error = error
    }
}
