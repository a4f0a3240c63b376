import Foundation

/// A fresh directory under the system temporary directory, removed with everything in it when the last
/// reference goes away (or on ``remove()``).
public final class TemporaryDirectory: Sendable {
    /// The directory's location.
    public let url: URL

    /// Creates `vhooks-<prefix>-<uuid>` under the temporary directory.
    public init(prefix: String = "test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("vhooks-\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory (not created).
    public func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// Deletes the directory and its contents now (idempotent).
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    deinit { remove() }
}

/// Runs `body` with a fresh temporary directory and removes it afterwards, also when `body` throws.
public func withTemporaryDirectory<Result>(
    prefix: String = "test",
    isolation: isolated (any Actor)? = #isolation,
    _ body: (TemporaryDirectory) async throws -> Result
) async throws -> Result {
    let directory = try TemporaryDirectory(prefix: prefix)
    defer { directory.remove() }
    return try await body(directory)
}
