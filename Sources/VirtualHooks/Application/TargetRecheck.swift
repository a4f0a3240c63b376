import Logging
import Store

/// Re-checks every stored `api_url` and `hook_url` at start-up with the save-time rule of this start: a target saved
/// while private targets were allowed is not used after a restart without that setting. A refused one turns its
/// connection or webhook unhealthy with the reason (shown in the API as `unhealthy_reason`) and a warning, never a
/// silent skip. Polls and deliveries check the resolved address again at use.
struct TargetRecheck {
    let store: Store
    /// The pollers' and the emitter's settings: each target is checked under the rule it will be used with.
    let connectionsMayBePrivate: Bool
    let webhooksMayBePrivate: Bool
    let logger: Logger

    func run() async throws {
        let connectionRule = TargetURLRule(allowPrivateTargets: connectionsMayBePrivate)
        let webhookRule = TargetURLRule(allowPrivateTargets: webhooksMayBePrivate)
        for connection in try await store.connections() where connection.isHealthy {
            guard let problem = connectionRule.problem(with: connection.apiURL, field: "auth.api_url") else { continue }
            var unhealthy = connection
            unhealthy.isHealthy = false
            unhealthy.unhealthyReason = problem
            unhealthy.updatedAt = .now()
            try await store.saveConnection(unhealthy)
            logger.warning(
                "connection target refused at start-up; the connection is unhealthy and not polled",
                metadata: ["vh.connection": "\(connection.id)", "vh.reason": "\(problem)"])
        }
        for webhook in try await store.webhooks() where webhook.isHealthy {
            guard let problem = webhookRule.problem(with: webhook.hookURL, field: "hook_url") else { continue }
            try await store.setWebhookHealthy(id: webhook.id, false, reason: problem)
            logger.warning(
                "webhook target refused at start-up; the webhook is unhealthy and delivers nothing",
                metadata: ["webhook.id": "\(webhook.id)", "vh.reason": "\(problem)"])
        }
    }
}
