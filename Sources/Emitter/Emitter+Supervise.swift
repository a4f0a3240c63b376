import Logging
import NIOConcurrencyHelpers
import Store

extension Emitter {
    /// Keeps one deliverer task per webhook in a task group, driven by the store's change feed alone: a saved webhook
    /// starts its deliverer or wakes it to re-read its definition, a deleted one wakes it to end, and a commit wakes
    /// the deliverers of that stream's webhooks only. Nothing rescans on a timer; an idle deliverer costs nothing.
    func supervise() async {
        let logger = context.logger
        let store = context.store
        let changed = NIOLockedValueBox<Set<String>>([])
        let wake = WakeSignal()
        let subscription = store.feed.subscribe { [running] change in
            switch change {
            case .events(let stream):
                let ids = store.definitions.webhookIDs(on: stream)
                for signal in running.withLockedValue({ running in ids.compactMap { running[$0] } }) {
                    signal.signal()
                }
            case .webhook(let id, _):
                changed.withLockedValue { _ = $0.insert(id) }
                wake.signal()
            case .connection:
                break
            }
        }
        defer { store.feed.unsubscribe(subscription) }
        logger.info("emitter started")
        await withDiscardingTaskGroup { group in
            var look = Set(store.definitions.webhooks.keys)
            while !Task.isCancelled {
                let definitions = store.definitions
                for id in look {
                    if definitions.webhooks[id] != nil, let signal = register(id) {
                        group.addTask {
                            await self.runDeliverer(webhookID: id, wake: signal)
                            // A webhook deleted and created again while its old deliverer was ending gets a new one.
                            if store.definitions.webhooks[id] != nil {
                                changed.withLockedValue { _ = $0.insert(id) }
                                wake.signal()
                            }
                        }
                    } else {
                        running.withLockedValue { $0[id] }?.signal()
                    }
                }
                await wake.wait()
                look = changed.withLockedValue { changed in
                    defer { changed.removeAll() }
                    return changed
                }
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
