import CurlHTTP

extension StreamPoller {
    /// The connection's `api_url` under the destination rule (`delivery.md` §12), once per run: resolved, every
    /// address checked against the refused ranges unless private targets are allowed, and the checked address
    /// pinned for every page of the run (an IP literal needs no lookup).
    /// An IP-literal `api_url` is checked once, when the poller is made (``fixedTarget``): the answer cannot change.
    /// - Throws: ``PollError`` `.refusedTarget` (the connection turns unhealthy) or `.unresolvable`.
    func resolveTarget() async throws(PollError) -> ResolvedDestination {
        do {
            if let fixedTarget { return try fixedTarget.get() }
            return try await DestinationGuard(allowPrivateTargets: configuration.allowPrivateTargets)
                .resolve(url: connection.apiURL)
        } catch {
            switch error.kind {
            case .unresolvable:
                throw PollError(.unresolvable, stream: stream, "auth.api_url \(error.url): \(error.reason)")
            case .refused:
                throw PollError(
                    .refusedTarget, stream: stream,
                    "auth.api_url \(error.url) is refused: \(error.reason) "
                        + "(\(DestinationRejection.privateTargetsHint))")
            case .invalidURL:
                throw PollError(
                    .refusedTarget, stream: stream, "auth.api_url \(error.url) is not a valid target: \(error.reason)")
            }
        }
    }
}
