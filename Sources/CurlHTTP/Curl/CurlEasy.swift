internal import CCurl

/// Owns one libcurl easy handle (`CURL *`) and its error buffer; frees both in `deinit`.
///
/// Lives on the loop thread only. A handle is reset and reused across transfers to save the allocation and setup.
final class CurlEasy {
    /// The C handle, for `CurlMulti`; never escapes the module.
    let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let errorBufferSize: Int

    /// Creates a handle, or returns `nil` when libcurl cannot (out of memory or failed global init).
    init?() {
        guard CurlGlobal.isInitialized, let handle = curl_easy_init() else { return nil }
        self.handle = handle
        errorBufferSize = ccurl_error_size()
        errorBuffer = .allocate(capacity: errorBufferSize)
        attachErrorBuffer()
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Returns every option to its default, ready for the next transfer (connections stay in the multi's cache).
    func reset() {
        curl_easy_reset(handle)
        attachErrorBuffer()
    }

    /// libcurl's explanation of the last failure, or "" when it wrote none.
    var errorDetail: String {
        String(cString: errorBuffer)
    }

    private func attachErrorBuffer() {
        errorBuffer.initialize(repeating: 0, count: errorBufferSize)
        _ = ccurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
    }

    // MARK: options

    func set(_ option: CURLoption, _ value: Int) throws(CurlCodeFailure) {
        try check(ccurl_easy_setopt_long(handle, option, value))
    }

    func set(_ option: CURLoption, _ value: String) throws(CurlCodeFailure) {
        try check(ccurl_easy_setopt_string(handle, option, value))
    }

    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws(CurlCodeFailure) {
        try check(ccurl_easy_setopt_pointer(handle, option, pointer))
    }

    func set(_ option: CURLoption, callback: ccurl_data_callback) throws(CurlCodeFailure) {
        try check(ccurl_easy_setopt_callback(handle, option, callback))
    }

    func set(_ option: CURLoption, offset: curl_off_t) throws(CurlCodeFailure) {
        try check(ccurl_easy_setopt_off_t(handle, option, offset))
    }

    /// Sets CURLOPT_COPYPOSTFIELDS (libcurl copies the bytes) together with their size, so bodies may contain NULs.
    func setBody(_ body: [UInt8]) throws(CurlCodeFailure) {
        try set(CURLOPT_POSTFIELDSIZE_LARGE, offset: curl_off_t(body.count))
        let code = body.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else {
                return ccurl_easy_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
            }
            return ccurl_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
        }
        try check(code)
    }

    private func check(_ code: CURLcode) throws(CurlCodeFailure) {
        guard code == CURLE_OK else { throw CurlCodeFailure(code: code) }
    }

    // MARK: infos (a failed getinfo yields nil: the value is only informative)

    func info(long info: CURLINFO) -> Int? {
        var value = 0
        return ccurl_easy_getinfo_long(handle, info, &value) == CURLE_OK ? value : nil
    }

    func info(string info: CURLINFO) -> String? {
        var value: UnsafePointer<CChar>? = nil
        guard ccurl_easy_getinfo_string(handle, info, &value) == CURLE_OK, let value else { return nil }
        return String(cString: value)
    }

    func info(offset info: CURLINFO) -> curl_off_t? {
        var value: curl_off_t = 0
        return ccurl_easy_getinfo_off_t(handle, info, &value) == CURLE_OK ? value : nil
    }

    /// The transfer id stored with CURLOPT_PRIVATE on `handle` (a handle reported done by the multi).
    static func transferID(of handle: UnsafeMutableRawPointer) -> UInt64? {
        var value: UnsafeMutableRawPointer? = nil
        guard ccurl_easy_getinfo_pointer(handle, CURLINFO_PRIVATE, &value) == CURLE_OK, let value else { return nil }
        return UInt64(UInt(bitPattern: value))
    }
}
