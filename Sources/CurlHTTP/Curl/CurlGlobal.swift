internal import CCurl

/// libcurl's process-wide initialisation, run exactly once (a Swift global `let` is initialised atomically) before the
/// first handle is created.
enum CurlGlobal {
    /// Whether `curl_global_init` succeeded; read it before creating any handle.
    static let isInitialized: Bool = ccurl_global_init() == CURLE_OK
}
