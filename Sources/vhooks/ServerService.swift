import ServiceLifecycle

/// Runs a loopback server (sandbox provider, recording subscriber) as a `Service` in a `ServiceGroup`.
///
/// Both servers already stop on cancellation and graceful shutdown; this only gives them the protocol without a
/// retroactive conformance of another module's types.
struct ServerService: Service {
    let serve: @Sendable () async throws -> Void

    func run() async throws {
        try await serve()
    }
}
