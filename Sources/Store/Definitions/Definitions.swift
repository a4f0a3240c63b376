/// The connections and webhooks as last written, held in memory so the scheduler and the deliverers never re-read
/// and re-decode them from SQLite on a wake-up.
///
/// The store owns the only copy (``Store/definitions``): it loads every row when it opens and updates the copy in
/// the same call that writes a row, before announcing the change. Only the serving process writes definitions (the
/// command-line tools that run beside it touch tokens and the workspace secret only), so the copy never goes stale.
public struct Definitions: Sendable {
    public private(set) var connections: [String: Connection] = [:]
    public private(set) var webhooks: [String: Webhook] = [:]
    private var webhookIDsByStream: [StreamKey: Set<String>] = [:]
    private var webhookIDsByConnection: [String: Set<String>] = [:]

    init(connections: [Connection], webhooks: [Webhook]) {
        for connection in connections { put(connection) }
        for webhook in webhooks { put(webhook) }
    }

    /// The ids of the webhooks reading `stream`.
    public func webhookIDs(on stream: StreamKey) -> Set<String> {
        webhookIDsByStream[stream] ?? []
    }

    /// The webhooks of one connection, on every stream.
    public func webhooks(ofConnection connectionID: String) -> [Webhook] {
        (webhookIDsByConnection[connectionID] ?? []).compactMap { webhooks[$0] }
    }

    /// Stores `webhook` under its id and returns the version it replaced.
    @discardableResult
    mutating func put(_ webhook: Webhook) -> Webhook? {
        let old = removeWebhook(id: webhook.id)
        webhooks[webhook.id] = webhook
        webhookIDsByStream[webhook.stream, default: []].insert(webhook.id)
        webhookIDsByConnection[webhook.connectionID, default: []].insert(webhook.id)
        return old
    }

    /// Forgets the webhook and returns it (`nil` if unknown).
    @discardableResult
    mutating func removeWebhook(id: String) -> Webhook? {
        guard let old = webhooks.removeValue(forKey: id) else { return nil }
        Self.remove(id, under: old.stream, from: &webhookIDsByStream)
        Self.remove(id, under: old.connectionID, from: &webhookIDsByConnection)
        return old
    }

    /// Sets the checked time of every webhook on `stream` in place: the one change every poll makes, so it neither
    /// copies the webhooks nor touches the indexes.
    mutating func setChecked(_ stream: StreamKey, at time: Timestamp) {
        guard let ids = webhookIDsByStream[stream] else { return }
        for id in ids { webhooks[id]?.checkedAt = time }
    }

    mutating func put(_ connection: Connection) {
        connections[connection.id] = connection
    }

    mutating func removeConnection(id: String) {
        connections[id] = nil
    }

    private static func remove<Key: Hashable>(_ id: String, under key: Key, from index: inout [Key: Set<String>]) {
        index[key]?.remove(id)
        if index[key]?.isEmpty == true { index[key] = nil }
    }
}
