import Foundation

/// Where the package lives: three levels above this file (`Tests/TestSupport/VhooksExecutable.swift`).
public let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

/// The built `vhooks` executable for end-to-end tests: `$VHOOKS_EXECUTABLE` if set, else `.build/debug/vhooks`
/// under the package root. `swift test` builds it along with the tests (it is a product of the package).
public func vhooksExecutable() throws -> URL {
    let candidates: [URL]
    if let override = ProcessInfo.processInfo.environment["VHOOKS_EXECUTABLE"], !override.isEmpty {
        candidates = [URL(fileURLWithPath: override)]
    } else {
        candidates = [
            packageRoot.appendingPathComponent(".build/debug/vhooks"),
            packageRoot.appendingPathComponent(".build/x86_64-unknown-linux-gnu/debug/vhooks"),
            packageRoot.appendingPathComponent(".build/aarch64-unknown-linux-gnu/debug/vhooks"),
        ]
    }
    for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
        return candidate
    }
    throw ExecutableNotFoundError(searched: candidates.map(\.path))
}

/// The `vhooks` executable is not built where the tests look for it.
public struct ExecutableNotFoundError: Error, CustomStringConvertible {
    /// The paths that were tried.
    public var searched: [String]

    public var description: String {
        "vhooks executable not found (looked at \(searched.joined(separator: ", "))); run `swift build --product vhooks`"
    }
}
