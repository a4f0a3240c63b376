import NIOConcurrencyHelpers
import Store

/// The recording subscriber's mutable state (secrets, failure plan, received list, totals) behind one lock.
final class SubscriberState: Sendable {
    /// A planned answer for the next payloads: a status and a delay before it.
    struct PlannedResponse: Sendable {
        var status: Int
        var delay: Duration
        var remaining: Int
    }

    private struct Storage {
        var workspaceSecret: String?
        var webhookSecrets: [String: String]
        var defaultWebhookSecret: String?
        var plans: [PlannedResponse] = []
        var received: [ReceivedPayload] = []
        var head = 0  // index of the oldest entry once the ring is full
        var nextSequence = 1
        var summary = SubscriberSummary()
    }

    let configuration: SubscriberConfiguration
    private let storage: NIOLockedValueBox<Storage>

    init(configuration: SubscriberConfiguration) {
        self.configuration = configuration
        storage = NIOLockedValueBox(
            Storage(
                workspaceSecret: configuration.workspaceSecret,
                webhookSecrets: configuration.webhookSecrets,
                defaultWebhookSecret: configuration.defaultWebhookSecret
            )
        )
    }

    // MARK: Secrets

    var workspaceSecret: String? { storage.withLockedValue { $0.workspaceSecret } }

    func setWorkspaceSecret(_ secret: String?) {
        storage.withLockedValue { $0.workspaceSecret = secret }
    }

    func webhookSecret(for webhookID: String?) -> String? {
        storage.withLockedValue { storage in
            webhookID.flatMap { storage.webhookSecrets[$0] } ?? storage.defaultWebhookSecret
        }
    }

    /// Whether a secret was given or fetched for this very webhook (the default secret does not count).
    func hasOwnWebhookSecret(_ webhookID: String) -> Bool {
        storage.withLockedValue { $0.webhookSecrets[webhookID] != nil }
    }

    func setWebhookSecret(_ secret: String?, for webhookID: String?) {
        storage.withLockedValue { storage in
            if let webhookID {
                storage.webhookSecrets[webhookID] = secret
            } else {
                storage.defaultWebhookSecret = secret
            }
        }
    }

    // MARK: Failure plan

    func plan(_ response: PlannedResponse) {
        guard response.remaining > 0 else { return }
        storage.withLockedValue { $0.plans.append(response) }
    }

    func clearPlans() {
        storage.withLockedValue { $0.plans.removeAll() }
    }

    /// The planned answer for the payload arriving now, if any (consumes one use of it).
    func takePlan() -> PlannedResponse? {
        storage.withLockedValue { storage in
            guard !storage.plans.isEmpty else { return nil }
            let plan = storage.plans[0]
            storage.plans[0].remaining -= 1
            if storage.plans[0].remaining <= 0 { storage.plans.removeFirst() }
            return plan
        }
    }

    // MARK: Received payloads

    /// Stores `payload` under the next sequence number and returns it as stored.
    func record(_ payload: ReceivedPayload) -> ReceivedPayload {
        let capacity = configuration.capacity
        return storage.withLockedValue { storage in
            var payload = payload
            payload.sequence = storage.nextSequence
            storage.nextSequence += 1
            storage.summary.payloads += 1
            storage.summary.records += payload.recordCount
            if payload.wasAccepted { storage.summary.accepted += 1 }
            if !payload.isVerified { storage.summary.unverified += 1 }
            if storage.received.count < capacity {
                storage.received.append(payload)
            } else {
                storage.received[storage.head] = payload
                storage.head = (storage.head + 1) % capacity
                storage.summary.dropped += 1
            }
            return payload
        }
    }

    /// Kept payloads with a sequence above `sequence`, oldest first.
    func received(since sequence: Int) -> [ReceivedPayload] {
        storage.withLockedValue { storage in
            let ordered = storage.received[storage.head...] + storage.received[..<storage.head]
            return ordered.filter { $0.sequence > sequence }
        }
    }

    func summary() -> SubscriberSummary {
        storage.withLockedValue { $0.summary }
    }

    func clearReceived() {
        storage.withLockedValue { storage in
            storage.received.removeAll()
            storage.head = 0
            storage.summary = SubscriberSummary()
        }
    }
}
