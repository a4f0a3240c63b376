import CurlHTTP
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle
import Store

/// Delivers every webhook's events as Unified-format POSTs (delivery.md): one deliverer per webhook, each strictly
/// FIFO, all running concurrently under one task group, with retries on a jittered schedule, unhealthy webhooks on
/// exhaustion, and resume.
///
/// `run()` picks up created, changed and deleted webhooks and wakes deliverers when their stream's events arrive, all
/// from the store's change feed (nothing rescans on a timer), and returns on cancellation or graceful shutdown; an
/// attempt in flight at that moment is abandoned unlogged and re-sent (same `webhook-id`) on the next start.
public final class Emitter: Service, Sendable {
    let context: DeliveryContext
    private let locks = WebhookLocks()
    /// Wake signals of the running deliverers, by webhook id.
    let running = NIOLockedValueBox<[String: WakeSignal]>([:])
    /// Webhooks woken while no deliverer ran for them, for the supervisor to start.
    let toStart = NIOLockedValueBox<Set<String>>([])
    /// Wakes the supervisor when ``toStart`` has ids.
    let supervisorWake = WakeSignal()

    /// - Parameters:
    ///   - store: where events, messages, cursors and attempts live.
    ///   - client: the HTTP client deliveries go through (redirects are never followed).
    ///   - configuration: schedule, timeouts, batching and signing settings.
    ///   - clock: the time source for attempts and retry waits; inject a manual clock in tests.
    ///   - logger: where delivery events are logged.
    ///   - observer: called after every attempt (delivered, retry scheduled, failed, aborted), for live logs.
    public init(
        store: Store, client: any HTTPClient, configuration: EmitterConfiguration = EmitterConfiguration(),
        clock: any EmitterClock = SystemEmitterClock(), logger: Logger,
        observer: (@Sendable (DeliveryReport) -> Void)? = nil
    ) {
        self.context = DeliveryContext(
            store: store, client: client, configuration: configuration, clock: clock, logger: logger,
            observer: observer)
    }

    /// Runs the deliverers until cancelled or gracefully shut down.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await self.supervise()
        }
    }

    /// Delivers what is due for one webhook now and returns when its queue is drained, or delivery stops (paused,
    /// unhealthy, failed head). Waits between retries go through the injected clock, so with a manual clock a whole
    /// retry schedule runs at once; with the system clock this may wait for hours. Safe beside a running service
    /// (steps of one webhook never overlap). For tests and one-shot tools.
    /// - Throws: ``EmitterError/unknownWebhook(id:)``, store errors, `CancellationError`.
    public func deliverPending(webhookID: String) async throws {
        guard try await context.store.webhook(id: webhookID) != nil else {
            throw EmitterError.unknownWebhook(id: webhookID)
        }
        var deliverer = WebhookDeliverer(webhookID: webhookID, context: context)
        while true {
            try Task.checkCancellation()
            switch try await lockedStep(&deliverer) {
            case .progressed: continue
            case .waitUntil(let deadline): try await context.clock.sleep(until: deadline)
            case .idle, .stopped, .gone: return
            }
        }
    }

    /// Resumes an unhealthy webhook (unified.md §6.6): its failed head message goes back to `pending` with a fresh
    /// retry schedule, the webhook turns healthy, and its deliverer wakes. Everything accumulated since the stop is
    /// then delivered in order, starting with that message.
    /// - Throws: ``EmitterError/unknownWebhook(id:)``, store errors.
    public func resume(webhookID: String) async throws {
        let store = context.store
        guard try await store.webhook(id: webhookID) != nil else { throw EmitterError.unknownWebhook(id: webhookID) }
        await locks.acquire(webhookID)
        do {
            if let head = try await store.openMessage(webhookID: webhookID), head.status == .failed {
                try await store.updateMessageStatus(id: head.id, status: .pending, nextAttemptAt: nil)
            }
            try await store.setWebhookHealthy(id: webhookID, true)
        } catch {
            await locks.release(webhookID)
            throw error
        }
        await locks.release(webhookID)
        context.logger.info("webhook resumed", metadata: ["webhook.id": "\(webhookID)"])
        wake(webhookID: webhookID)
    }

    /// Wakes a webhook's deliverer, or starts one, so it re-reads the store now (after a config change, an unpause).
    public func wake(webhookID: String) {
        wake(webhookIDs: [webhookID])
    }

    /// One step under the webhook's lock.
    func lockedStep(_ deliverer: inout WebhookDeliverer) async throws -> WebhookDeliverer.Step {
        await locks.acquire(deliverer.webhookID)
        do {
            let step = try await deliverer.step()
            await locks.release(deliverer.webhookID)
            return step
        } catch {
            await locks.release(deliverer.webhookID)
            throw error
        }
    }
}
