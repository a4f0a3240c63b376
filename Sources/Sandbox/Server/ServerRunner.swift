import Hummingbird
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle

/// Runs one Hummingbird application on a host and port and tells waiters which port it bound.
///
/// Both sandbox servers share it: binding port 0 is how tests get a free loopback port, so the bound port is only
/// known once the listening channel exists (`onServerRunning`). `run()` ends on task cancellation, on a graceful
/// shutdown of an enclosing `ServiceGroup` (Hummingbird's inner group follows its parent), or on ``requestShutdown()``.
final class ServerRunner<Responder: HTTPResponder>: Sendable where Responder.Context == BasicRequestContext {
    private enum Phase {
        case idle
        case starting
        case running(port: Int)
        case finished(ServerRunError)
    }

    private struct State {
        var phase: Phase = .idle
        var waiters: [Int: CheckedContinuation<Int, any Error>] = [:]
        var cancelledWaiters: Set<Int> = []
        var nextWaiterID = 0
        var shutdownRequested = false
    }

    private enum ChildOutcome {
        case serverEnded
        case shutdownRequested
    }

    let name: String
    let host: String
    let port: Int
    private let responder: Responder
    private let logger: Logger
    private let state = NIOLockedValueBox(State())
    private let shutdownStream: AsyncStream<Void>
    private let shutdownContinuation: AsyncStream<Void>.Continuation

    init(name: String, host: String, port: Int, responder: Responder, logger: Logger) {
        self.name = name
        self.host = host
        self.port = port
        self.responder = responder
        self.logger = logger
        (self.shutdownStream, self.shutdownContinuation) = AsyncStream.makeStream(of: Void.self)
    }

    /// The bound port while the server runs, `nil` before and after.
    var boundPort: Int? {
        state.withLockedValue { state in
            if case let .running(port) = state.phase { return port }
            return nil
        }
    }

    func run() async throws {
        let mayStart = state.withLockedValue { state -> Bool in
            guard case .idle = state.phase else { return false }
            state.phase = .starting
            return true
        }
        guard mayStart else { throw ServerRunError(server: name, address: address, reason: .alreadyStarted) }

        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { [weak self] channel in
                self?.markRunning(port: channel.localAddress?.port ?? -1)
            },
            logger: logger
        )
        do {
            try await withThrowingTaskGroup(of: ChildOutcome.self) { group in
                // A service group of its own lets `shutdown()` stop the server gracefully (open connections are
                // closed in order) instead of cancelling it.
                let serviceGroup = ServiceGroup(
                    configuration: ServiceGroupConfiguration(services: [application], logger: logger))
                group.addTask {
                    try await serviceGroup.run()
                    return .serverEnded
                }
                group.addTask { [shutdownStream] in
                    for await _ in shutdownStream { break }
                    if Task.isCancelled { return .serverEnded }
                    await serviceGroup.triggerGracefulShutdown()
                    return .shutdownRequested
                }
                let first = try await group.next()
                if first == .shutdownRequested {
                    // The server was told to stop: whatever it reports while stopping is not a failure.
                    while (try? await group.next()) != nil {}
                } else {
                    group.cancelAll()
                }
            }
        } catch where Task.isCancelled {
            // Cancellation is a normal way to stop; the server's own cancellation errors are not failures.
        } catch {
            finish(with: ServerRunError(server: name, address: address, reason: .failed(String(describing: error))))
            throw error
        }
        finish(with: ServerRunError(server: name, address: address, reason: .stopped))
    }

    /// Waits until the listening socket is bound and returns its port.
    func waitUntilRunning() async throws -> Int {
        let id = state.withLockedValue { state -> Int in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
                let outcome = state.withLockedValue { state -> Result<Int, any Error>? in
                    if state.cancelledWaiters.remove(id) != nil { return .failure(CancellationError()) }
                    switch state.phase {
                    case let .running(port): return .success(port)
                    case let .finished(error): return .failure(error)
                    case .idle, .starting:
                        state.waiters[id] = continuation
                        return nil
                    }
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter = state.withLockedValue { state -> CheckedContinuation<Int, any Error>? in
                if let waiter = state.waiters.removeValue(forKey: id) { return waiter }
                state.cancelledWaiters.insert(id)
                return nil
            }
            waiter?.resume(throwing: CancellationError())
        }
    }

    /// Asks a running server to stop; `run()` returns once it has closed its listener and connections.
    func requestShutdown() {
        let first = state.withLockedValue { state -> Bool in
            defer { state.shutdownRequested = true }
            return !state.shutdownRequested
        }
        if first { shutdownContinuation.yield() }
    }

    private var address: String { "\(host):\(port)" }

    private func markRunning(port: Int) {
        let waiters = state.withLockedValue { state -> [CheckedContinuation<Int, any Error>] in
            state.phase = .running(port: port)
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        logger.info("\(name) listening", metadata: ["address": "\(host):\(port)"])
        for waiter in waiters { waiter.resume(returning: port) }
    }

    private func finish(with error: ServerRunError) {
        let waiters = state.withLockedValue { state -> [CheckedContinuation<Int, any Error>] in
            state.phase = .finished(error)
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(throwing: error) }
    }
}
