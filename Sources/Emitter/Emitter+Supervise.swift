import Logging
import NIOConcurrencyHelpers
import Store

extension Emitter {
    /// Runs a deliverer task per webhook only while it has something to do, driven by the store's change feed alone:
    /// a commit wakes (or starts) the deliverers of that stream's webhooks only, a saved webhook its own, and a
    /// deliverer with nothing to send ends (an idle webhook costs no task and no timer). Nothing rescans on a timer.
    func supervise() async {
        let logger = context.logger
        let store = context.store
        let subscription = store.feed.subscribe { [self] change in
            switch change {
            case .events(let stream):
                wake(webhookIDs: store.definitions.webhookIDs(on: stream))
            case .webhook(let id, _):
                wake(webhookIDs: [id])
            case .connection:
                break
            }
        }
        defer { store.feed.unsubscribe(subscription) }
        logger.info("emitter started")
        // At start, deliverers run for the webhooks with something to deliver (a retry, a backlog, an initial sync);
        // 10,000 idle webhooks start nothing.
        do {
            wake(webhookIDs: try await store.webhooksWithWork())
        } catch {
            logger.error("cannot list the webhooks with work; starting every deliverer", metadata: ["error": "\(error)"])
            wake(webhookIDs: Set(store.definitions.webhooks.keys))
        }
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled {
                await supervisorWake.wait()
                let definitions = store.definitions
                let ids = toStart.withLockedValue { ids in
                    defer { ids.removeAll() }
                    return ids
                }
                for id in ids where definitions.webhooks[id] != nil {
                    guard let signal = register(id) else { continue }
                    group.addTask { await self.runDeliverer(webhookID: id, wake: signal) }
                }
            }
        }
        logger.info("emitter stopped")
    }

    /// Wakes the running deliverers of these webhooks and has the supervisor start the others. Signals are sent
    /// under the lock a stopping deliverer takes, so none is lost to a deliverer that is just ending.
    func wake(webhookIDs: some Collection<String>) {
        guard !webhookIDs.isEmpty else { return }
        let idle = running.withLockedValue { running in
            webhookIDs.filter { id in
                guard let signal = running[id] else { return true }
                signal.signal()
                return false
            }
        }
        guard !idle.isEmpty else { return }
        toStart.withLockedValue { $0.formUnion(idle) }
        supervisorWake.signal()
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

    /// Unregisters the deliverer unless a signal arrived since its last step (it must then look again).
    private func stop(_ webhookID: String, wake: WakeSignal) -> Bool {
        running.withLockedValue { running in
            if wake.consumeSignal() { return false }
            if running[webhookID] === wake { running[webhookID] = nil }
            return true
        }
    }

    /// One webhook's delivery loop: step while there is progress, wait for a due time (a retry, a batching wait),
    /// and end when there is nothing to send; the next commit on its stream or change to it starts a new one.
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
            case .idle where deliverer.initialSync.isUnderway:
                // Between pages of an initial sync: stay, so its progress lines count the whole sync.
                await wake.wait()
            case .idle, .stopped:
                if stop(webhookID, wake: wake) { return }
            case .gone:
                logger.debug("webhook deleted; deliverer stops", metadata: ["webhook.id": "\(webhookID)"])
                return
            }
        }
    }
}
