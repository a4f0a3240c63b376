internal import CCurl

/// The one piece of a multi handle that other threads may touch: `curl_multi_wakeup`, documented thread-safe.
///
/// `@unchecked Sendable` because it carries the raw `CURLM *`. Invariant: `wake()` is only called while holding the
/// loop mailbox's lock and only while the loop is running or stopping; the loop frees the multi handle only after it
/// has marked itself stopped under that lock, so the pointer is always live when used.
struct CurlMultiWaker: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    /// Makes a `curl_multi_poll` in progress (or the next one) return at once.
    func wake() {
        _ = curl_multi_wakeup(handle)
    }
}
