extension Store {
    /// The webhook's delivery state in one call; `nil` when the webhook does not exist.
    public func deliveryState(webhookID: String) throws -> DeliveryState? {
        guard let webhook = try webhook(id: webhookID), let cursor = try deliveryCursor(webhookID: webhookID) else {
            return nil
        }
        return DeliveryState(
            webhook: webhook, head: try openMessage(webhookID: webhookID), cursor: cursor,
            stream: try streamState(webhook.stream),
            integrationType: try connection(id: webhook.connectionID)?.integrationType,
            workspaceSecret: try workspaceSecret())
    }
}
