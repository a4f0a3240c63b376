import Foundation
import Logging

extension Logger {
    /// The logger test servers get: silent, unless `VHOOKS_TEST_LOG` names a level (`debug`, `info`, …), in which
    /// case it prints to standard error at that level.
    public static func test(_ label: String = "test") -> Logger {
        guard let name = ProcessInfo.processInfo.environment["VHOOKS_TEST_LOG"], let level = Logger.Level(rawValue: name)
        else {
            return Logger(label: label, factory: { _ in SwiftLogNoOpLogHandler() })
        }
        var logger = Logger(label: label, factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = level
        return logger
    }
}
