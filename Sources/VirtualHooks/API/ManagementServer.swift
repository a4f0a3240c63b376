import Hummingbird
import HummingbirdCore
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle

/// Serves the ``ManagementAPI`` on one host and port and tells waiters which port it bound (port 0 picks a free
/// one, which is how tests listen).
///
/// `run()` ends on task cancellation or on a graceful shutdown of an enclosing `ServiceGroup`.
final class ManagementServer: Sendable {
    private enum Phase {
        case waiting
        case running(port: Int)
        case finished(String)
    }

    private struct State {
        var phase = Phase.waiting
        var waiters: [CheckedContinuation<Int, any Error>] = []
    }

    let host: String
    let port: Int
    private let api: ManagementAPI
    private let logger: Logger
    private let state = NIOLockedValueBox(State())

    init(host: String, port: Int, api: ManagementAPI, logger: Logger) {
        self.host = host
        self.port = port
        self.api = api
        self.logger = logger
    }

    func run() async throws {
        let application = Hummingbird.Application(
            responder: api,
            server: .http1(configuration: HTTP1Channel.Configuration(additionalChannelHandlers: [ParserErrorBodyHandler()])),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "VirtualHooks"),
            onServerRunning: { [weak self] channel in self?.markRunning(port: channel.localAddress?.port ?? -1) },
            logger: logger
        )
        do {
            try await application.run()
        } catch {
            finish("management API on \(host):\(port) failed: \(error)")
            throw error
        }
        finish("management API on \(host):\(port) stopped")
    }

    /// Waits until the listening socket is bound and returns its port.
    /// - Throws: ``ManagementServerError`` when the server stopped or failed before (or instead of) listening.
    func waitUntilListening() async throws -> Int {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
            let outcome = state.withLockedValue { state -> Result<Int, any Error>? in
                switch state.phase {
                case let .running(port): return .success(port)
                case let .finished(reason): return .failure(ManagementServerError(reason: reason))
                case .waiting:
                    state.waiters.append(continuation)
                    return nil
                }
            }
            if let outcome { continuation.resume(with: outcome) }
        }
    }

    private func markRunning(port: Int) {
        let waiters = state.withLockedValue { state in
            state.phase = .running(port: port)
            defer { state.waiters = [] }
            return state.waiters
        }
        logger.notice("management API listening", metadata: ["address": "\(host):\(port)"])
        for waiter in waiters { waiter.resume(returning: port) }
    }

    private func finish(_ reason: String) {
        let waiters = state.withLockedValue { state in
            state.phase = .finished(reason)
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(throwing: ManagementServerError(reason: reason)) }
    }
}
