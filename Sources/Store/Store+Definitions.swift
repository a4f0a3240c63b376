import NIOConcurrencyHelpers

extension Store {
    /// The connections and webhooks as last written (``Definitions``): read without a hop to the store's thread.
    public nonisolated var definitions: Definitions {
        definitionsBox.withLockedValue { $0 }
    }

    /// Reads every connection and webhook once, when the store opens.
    static func loadDefinitions(from database: Database) throws -> Definitions {
        let connections = try database.withStatement("SELECT \(connectionColumns) FROM connections") {
            try $0.map(readConnection)
        }
        let webhooks = try database.withStatement("SELECT \(webhookColumns) FROM webhooks") {
            try $0.map(readWebhook)
        }
        return Definitions(connections: connections, webhooks: webhooks)
    }

    /// Puts the webhook as stored now (or its absence) into ``definitions`` and announces the change to both the
    /// stream it read before and the one it reads now.
    func webhookChanged(id: String) throws {
        let current = try webhook(id: id)
        let old = definitionsBox.withLockedValue { definitions in
            current.map { definitions.put($0) } ?? definitions.removeWebhook(id: id)
        }
        var streams: [StreamKey] = []
        for stream in [old?.stream, current?.stream].compactMap({ $0 }) where !streams.contains(stream) {
            streams.append(stream)
        }
        feed.publish(.webhook(id: id, streams: streams))
    }

    /// Puts the connection as stored now (or its absence, with its webhooks) into ``definitions`` and announces it.
    func connectionChanged(id: String) throws {
        let current = try connection(id: id)
        let removedWebhooks = definitionsBox.withLockedValue { definitions -> [Webhook] in
            guard let current else {
                definitions.removeConnection(id: id)
                let gone = definitions.webhooks(ofConnection: id)
                for webhook in gone { definitions.removeWebhook(id: webhook.id) }
                return gone
            }
            definitions.put(current)
            return []
        }
        feed.publish(.connection(id: id))
        for webhook in removedWebhooks { feed.publish(.webhook(id: webhook.id, streams: [webhook.stream])) }
    }
}
