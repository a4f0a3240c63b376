import Foundation
import Logging
import Pollers

/// Fault-injection points for crash tests of the built executable, read from the environment.
///
/// `VHOOKS_FAULT_PAUSE_BEFORE_COMMIT=<page>:<marker-file>` makes the poller, after fetching and diffing page
/// `<page>` of a run, create `<marker-file>` and wait there (up to a minute) before committing: a test then kills the
/// process with SIGKILL at exactly the point between fetch and commit. Never set in production.
enum FaultInjection {
    static func pollerConfiguration(logger: Logger) -> PollerConfiguration {
        var configuration = PollerConfiguration()
        guard let spec = ProcessInfo.processInfo.environment["VHOOKS_FAULT_PAUSE_BEFORE_COMMIT"] else {
            return configuration
        }
        let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let page = Int(parts[0]) else {
            logger.warning("ignoring malformed VHOOKS_FAULT_PAUSE_BEFORE_COMMIT (expected <page>:<marker-file>)")
            return configuration
        }
        let marker = parts[1]
        logger.warning("fault injection armed: pausing before the commit of page \(page)")
        configuration.beforeCommit = { _, number in
            guard number == page else { return }
            _ = FileManager.default.createFile(atPath: marker, contents: Data("paused\n".utf8))
            try? await Task.sleep(for: .seconds(60))
        }
        return configuration
    }
}
