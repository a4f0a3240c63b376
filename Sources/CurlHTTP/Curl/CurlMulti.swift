internal import CCurl

/// Owns one libcurl multi handle (`CURLM *`), whose connection cache and DNS cache every transfer shares; frees it in
/// `deinit`.
///
/// Used by the loop thread only, except through ``waker``.
final class CurlMulti {
    private let handle: UnsafeMutableRawPointer

    /// Creates a multi handle limited to `maxConnectionsPerHost` parallel connections per host (extra transfers queue)
    /// and `maxCachedConnections` idle connections kept for reuse; `nil` when libcurl cannot create it.
    init?(maxConnectionsPerHost: Int, maxCachedConnections: Int) {
        guard CurlGlobal.isInitialized, let handle = curl_multi_init() else { return nil }
        self.handle = handle
        _ = ccurl_multi_setopt_long(handle, CURLMOPT_MAX_HOST_CONNECTIONS, maxConnectionsPerHost)
        _ = ccurl_multi_setopt_long(handle, CURLMOPT_MAXCONNECTS, maxCachedConnections)
    }

    deinit {
        curl_multi_cleanup(handle)
    }

    /// The thread-safe wake-up of this handle; see ``CurlMultiWaker`` for the lifetime rule.
    var waker: CurlMultiWaker {
        CurlMultiWaker(handle: handle)
    }

    func add(_ easy: CurlEasy) -> CURLMcode {
        curl_multi_add_handle(handle, easy.handle)
    }

    func remove(_ easy: CurlEasy) {
        _ = curl_multi_remove_handle(handle, easy.handle)
    }

    /// Advances every transfer as far as it can go without blocking.
    func perform() -> CURLMcode {
        var running: Int32 = 0
        return curl_multi_perform(handle, &running)
    }

    /// Blocks until a socket is ready, libcurl's next timer, `curl_multi_wakeup`, or `timeoutMilliseconds`.
    func poll(timeoutMilliseconds: Int32) -> CURLMcode {
        curl_multi_poll(handle, nil, 0, timeoutMilliseconds, nil)
    }

    /// The next finished transfer: its easy handle and result.
    func nextDone() -> (handle: UnsafeMutableRawPointer, result: CURLcode)? {
        var easy: UnsafeMutableRawPointer? = nil
        var result = CURLE_OK
        guard ccurl_multi_next_done(handle, &easy, &result) == 1, let easy else { return nil }
        return (easy, result)
    }

    static func describe(_ code: CURLMcode) -> String {
        String(cString: curl_multi_strerror(code))
    }
}
