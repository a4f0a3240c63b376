import Logging
import Store

extension Emitter {
    /// Keeps one deliverer task per webhook in a task group: starts one for each new webhook, lets deleted ones end,
    /// and wakes them all whenever the store signals a change (or the rescan interval passes).
    func supervise() async {
        let logger = context.logger
        logger.info("emitter started")
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled {
                do {
                    for webhook in try await context.store.webhooks() {
                        guard let wake = register(webhook.id) else { continue }
                        let id = webhook.id
                        group.addTask { await self.runDeliverer(webhookID: id, wake: wake) }
                    }
                } catch {
                    logger.error("cannot list webhooks", metadata: ["error": "\(error)"])
                }
                for wake in runningSignals() { wake.signal() }
                await context.store.changes.wait(timeout: context.configuration.rescanInterval)
            }
        }
        logger.info("emitter stopped")
    }

    /// Registers a deliverer for `webhookID`; `nil` when one is already running.
    private func register(_ webhookID: String) -> WakeSignal? {
        running.withLockedValue { running in
            guard running[webhookID] == nil else { return nil }
            let wake = WakeSignal()
            running[webhookID] = wake
            return wake
        }
    }

    private func runningSignals() -> [WakeSignal] {
        running.withLockedValue { Array($0.values) }
    }

    /// One webhook's delivery loop: step while there is progress, then wait for a due time or a wake-up.
    func runDeliverer(webhookID: String, wake: WakeSignal) async {
        var deliverer = WebhookDeliverer(webhookID: webhookID, context: context)
        let logger = context.logger
        defer { running.withLockedValue { if $0[webhookID] === wake { $0[webhookID] = nil } } }
        while !Task.isCancelled {
            let step: WebhookDeliverer.Step
            do {
                step = try await lockedStep(&deliverer)
            } catch is CancellationError {
                return
            } catch {
                logger.error("delivery step failed", metadata: ["webhook.id": "\(webhookID)", "error": "\(error)"])
                try? await Task.sleep(for: context.configuration.errorBackoff)
                continue
            }
            switch step {
            case .progressed:
                continue
            case .waitUntil(let deadline):
                let clock = context.clock
                await wake.wait(orWhen: { try? await clock.sleep(until: deadline) })
            case .idle, .stopped:
                await wake.wait()
            case .gone:
                logger.debug("webhook deleted; deliverer stops", metadata: ["webhook.id": "\(webhookID)"])
                return
            }
        }
    }
}
