import Foundation

/// The project's signature test vectors (`shared/vectors/signatures.json`, computed with other implementations),
/// read as they are from the shared folder beside the repository (CI checks the repository out with `shared/`
/// beside it), or from `$VHOOKS_VECTORS`.
public func sharedSignatureVectors() throws -> String {
    let path =
        ProcessInfo.processInfo.environment["VHOOKS_VECTORS"]
        ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared/vectors/signatures.json").path
    guard let data = FileManager.default.contents(atPath: path) else {
        throw SharedVectorsMissing(path: path)
    }
    return String(decoding: data, as: UTF8.self)
}

/// The vectors file is not where the tests expect it.
public struct SharedVectorsMissing: Error, CustomStringConvertible {
    public var path: String
    public var description: String {
        "signature vectors not found at \(path): check out the shared folder beside the repository or set VHOOKS_VECTORS"
    }
}
