import CurlHTTP
import Logging
import Store

extension WebhookDeliverer {
    /// Makes one attempt of the head message, logs it, and applies the retry decision: delivered, aborted,
    /// rescheduled, or (schedule exhausted, 410, `webhook-delivery: disable`) failed with the webhook unhealthy.
    /// Cancellation and a shut-down client are not attempts: nothing is logged and the error propagates.
    /// - Returns: the message's status after the attempt.
    @discardableResult
    mutating func attempt(_ message: DeliveryMessage, webhook: Webhook, workspaceSecret: String) async throws -> MessageStatus {
        let sent = try await send(message, webhook: webhook, workspaceSecret: workspaceSecret)
        try await record([sent], webhook: webhook)
        return sent.record.status
    }

    /// One attempt made but not yet logged: what ``record(_:webhook:)`` stores and reports.
    struct SentAttempt {
        var message: DeliveryMessage
        var record: AttemptRecord
        var decision: RetryDecision
        var latency: Duration
        /// Failed attempts of this message before this one, under its current schedule: 0 for the first attempt
        /// of a spell, so the log can tell a new failure from a repeated one and a recovery from a plain delivery.
        var priorFailures = 0

        /// What the API shows as the webhook's `unhealthy_reason` when this attempt made it unhealthy.
        var unhealthyReason: String {
            let attempt = record.attempt
            let detail = attempt.error ?? attempt.statusCode.map { "HTTP \($0)" } ?? "no response"
            switch decision {
            case .disabled: return "the receiver disabled deliveries (message \(message.id): \(detail))"
            default: return "the retry schedule of message \(message.id) ran out; last attempt: \(detail)"
            }
        }
    }

    /// Logs attempts and reports each.
    mutating func record(_ sent: [SentAttempt], webhook: Webhook) async throws {
        try await logAttempts(sent, webhook: webhook)
        report(sent[...])
    }

    /// Logs attempts in one transaction and turns the webhook unhealthy if one failed for good.
    func logAttempts(_ sent: [SentAttempt], webhook: Webhook) async throws {
        guard !sent.isEmpty else { return }
        try await store.recordAttempts(sent.map(\.record))
        if let failed = sent.first(where: { $0.record.status == .failed }) {
            try await store.setWebhookHealthy(id: webhook.id, false, reason: failed.unhealthyReason)
        }
    }

    /// Tells the log, the initial sync's progress and the observer about logged attempts.
    mutating func report(_ sent: ArraySlice<SentAttempt>) {
        for item in sent {
            let attempt = item.record.attempt
            log(attempt, message: item.message, decision: item.decision, priorFailures: item.priorFailures)
            if item.record.status == .delivered { logInitialSync(item.message, sentAt: attempt.startedAt) }
            context.observer?(
                DeliveryReport(
                    webhookID: webhookID, messageID: item.message.id, type: item.message.type,
                    records: item.message.recordCount, firstSeq: item.message.firstSeq, lastSeq: item.message.lastSeq,
                    attempt: attempt.number, status: item.record.status, statusCode: attempt.statusCode,
                    errorClass: attempt.errorClass, error: attempt.error, latency: item.latency,
                    nextAttemptAt: item.record.nextAttemptAt))
        }
    }

    /// Makes one HTTP attempt of `message` and decides its outcome; stores nothing.
    /// - Parameter justBuilt: the body was signed moments ago with `workspaceSecret`, so it needs no re-signing check.
    func send(_ message: DeliveryMessage, webhook: Webhook, workspaceSecret: String, justBuilt: Bool = false)
        async throws -> SentAttempt
    {
        let configuration = context.configuration
        let signer: StandardWebhooksSigner
        do {
            signer = try StandardWebhooksSigner(secret: webhook.secret)
        } catch {
            throw EmitterError.invalidSigningSecret(webhookID: webhook.id, reason: error.description)
        }
        let body =
            justBuilt
            ? message.body
            : BodyResigner(workspaceSecret: workspaceSecret, encoding: configuration.signing.encoding)
                .resigned(message.body)

        let startedAt = context.clock.now()
        let timestamp = startedAt.microseconds / 1_000_000
        let began = ContinuousClock.now
        let destination: ResolvedDestination
        do {
            destination = try await DestinationGuard(allowPrivateTargets: configuration.allowPrivateTargets)
                .resolve(url: webhook.hookURL)
        } catch {
            try Task.checkCancellation()
            let outcome = AttemptOutcome(
                verdict: .retry, errorClass: error.kind == .unresolvable ? "dns" : "blocked_destination",
                error: error.description)
            return try await decide(
                message, webhook: webhook, outcome: outcome, response: nil, startedAt: startedAt,
                latency: ContinuousClock.now - began)
        }
        let request = HTTPRequest(
            method: "POST", url: webhook.hookURL,
            headers: [
                HTTPHeader("content-type", "application/json"),
                HTTPHeader("user-agent", configuration.userAgent),
                HTTPHeader("webhook-id", message.id),
                HTTPHeader("webhook-timestamp", String(timestamp)),
                HTTPHeader("webhook-signature", signer.signature(messageID: message.id, timestamp: timestamp, body: body)),
            ],
            body: body, connectTimeout: configuration.connectTimeout, timeout: configuration.requestTimeout,
            maxResponseBytes: configuration.maxResponseBytes, followRedirects: false,
            pinnedAddress: destination.pinnedAddress)

        var response: HTTPResponse?
        let outcome: AttemptOutcome
        do {
            let received = try await context.client.execute(request)
            response = received
            outcome = .classify(response: received, now: context.clock.now())
        } catch let error as CurlHTTPError where error.kind != .shutdown {
            outcome = .classify(error: error)
        } catch let error where !(error is CancellationError) && !(error is CurlHTTPError) {
            outcome = AttemptOutcome(verdict: .retry, errorClass: "connect", error: "\(error)")
        }
        return try await decide(
            message, webhook: webhook, outcome: outcome, response: response, startedAt: startedAt,
            latency: ContinuousClock.now - began)
    }

    /// Applies the retry schedule to one attempt's outcome and builds its log record.
    private func decide(
        _ message: DeliveryMessage, webhook: Webhook, outcome: AttemptOutcome, response: HTTPResponse?,
        startedAt: Timestamp, latency: Duration
    ) async throws -> SentAttempt {
        let configuration = context.configuration
        let priorFailures = try await attemptsUnderCurrentSchedule(message)
        var schedule = RetrySchedule(delays: configuration.retryDelays, attemptsMade: priorFailures)
        let decision = schedule.record(outcome, at: context.clock.now(), unitRandom: configuration.unitRandom)
        let (status, nextAttemptAt) = Self.apply(decision)
        let attempt = DeliveryAttempt(
            messageID: message.id, webhookID: webhook.id, number: message.attemptCount + 1, startedAt: startedAt,
            durationMicroseconds: latency.wholeMicroseconds, url: webhook.hookURL, statusCode: response?.status,
            errorClass: outcome.errorClass, error: outcome.error,
            responseBody: Array((response?.body ?? []).prefix(configuration.maxResponseBytes)),
            nextAttemptAt: nextAttemptAt)
        return SentAttempt(
            message: message, record: AttemptRecord(attempt: attempt, status: status, nextAttemptAt: nextAttemptAt),
            decision: decision, latency: latency, priorFailures: priorFailures)
    }

    /// The message status and next due time a decision leads to.
    static func apply(_ decision: RetryDecision) -> (MessageStatus, Timestamp?) {
        switch decision {
        case .delivered: return (.delivered, nil)
        case .aborted: return (.aborted, nil)
        case .retry(let at, _): return (.pending, at)
        case .exhausted, .disabled: return (.failed, nil)
        }
    }

    /// Attempts made since the message's schedule last (re)started: a failed attempt with no next attempt ends a
    /// schedule (exhausted or disabled), and a resume starts a fresh one after it. Rebuilt from the attempt log, so a
    /// restart keeps the schedule's position.
    func attemptsUnderCurrentSchedule(_ message: DeliveryMessage) async throws -> Int {
        guard message.attemptCount > 0 else { return 0 }
        let attempts = try await store.attempts(messageID: message.id)
        let lastTerminal = attempts.lastIndex { $0.errorClass != nil && $0.nextAttemptAt == nil }
        return attempts.count - (lastTerminal.map { $0 + 1 } ?? 0)
    }

    /// At the default level (notice) a person watching sees the first failure of a spell, the recovery, and a
    /// webhook turning unhealthy; every attempt is there at debug.
    private func log(_ attempt: DeliveryAttempt, message: DeliveryMessage, decision: RetryDecision, priorFailures: Int) {
        var metadata: Logger.Metadata = [
            "webhook.id": "\(attempt.webhookID)", "message.id": "\(message.id)",
            "message.type": "\(message.type.rawValue)", "message.records": "\(message.recordCount)",
            "attempt.number": "\(attempt.number)",
        ]
        if let code = attempt.statusCode { metadata["http.status"] = "\(code)" }
        if let error = attempt.error { metadata["attempt.error"] = "\(error)" }
        switch decision {
        case .delivered where priorFailures > 0:
            metadata["attempt.failures"] = "\(priorFailures)"
            context.logger.notice("delivery recovered after \(priorFailures) failed attempt(s)", metadata: metadata)
        case .delivered:
            context.logger.debug("message delivered", metadata: metadata)
        case .retry(let at, _):
            metadata["attempt.next"] = "\(at.iso8601)"
            if priorFailures == 0 {
                context.logger.notice("delivery failed; retrying on the schedule", metadata: metadata)
            } else {
                context.logger.info("delivery attempt failed again; retry scheduled", metadata: metadata)
            }
        case .aborted:
            context.logger.notice("receiver aborted the message; moving on", metadata: metadata)
        case .disabled:
            context.logger.warning("receiver disabled the webhook; it is now unhealthy", metadata: metadata)
        case .exhausted:
            context.logger.warning("retry schedule exhausted; the webhook is now unhealthy", metadata: metadata)
        }
    }

    /// The initial sync's progress and completion, at notice: what a person watching a backfill wants to see.
    private mutating func logInitialSync(_ message: DeliveryMessage, sentAt: Timestamp) {
        let line = initialSync.delivered(
            message.type, records: message.recordCount, sentAt: sentAt, now: context.clock.now())
        switch line {
        case let .progress(pages, records, rate)?:
            context.logger.notice(
                "initial sync in progress: \(pages) page(s), \(records) record(s) delivered, \(rate) records/s",
                metadata: ["webhook.id": "\(webhookID)"])
        case let .complete(pages, records, seconds, rate)?:
            let elapsed = (seconds * 10).rounded() / 10
            context.logger.notice(
                "initial sync complete: \(pages) page(s), \(records) record(s) in \(elapsed) s, \(rate) records/s",
                metadata: ["webhook.id": "\(webhookID)"])
        case nil:
            break
        }
    }
}
