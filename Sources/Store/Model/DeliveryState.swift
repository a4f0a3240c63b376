/// Everything a webhook's deliverer needs to decide its next step, read in one store call: the webhook, its queue
/// head, its cursor, its stream's baseline state, the connection's integration type and the workspace secret.
///
/// One call instead of six keeps a delivery to a handful of hops onto the store's thread per message.
public struct DeliveryState: Sendable {
    public var webhook: Webhook
    /// The oldest message still pending or failed.
    public var head: DeliveryMessage?
    public var cursor: DeliveryCursor
    public var stream: StreamState
    public var integrationType: String?
    public var workspaceSecret: String

    public init(
        webhook: Webhook, head: DeliveryMessage?, cursor: DeliveryCursor, stream: StreamState,
        integrationType: String?, workspaceSecret: String
    ) {
        self.webhook = webhook
        self.head = head
        self.cursor = cursor
        self.stream = stream
        self.integrationType = integrationType
        self.workspaceSecret = workspaceSecret
    }
}
