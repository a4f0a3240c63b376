internal import CCurl

/// Owns a libcurl string list (`struct curl_slist *`), as CURLOPT_HTTPHEADER and CURLOPT_CONNECT_TO take; frees it in
/// `deinit`.
///
/// libcurl reads the list during the transfer, so the owner must outlive the transfer's time in the multi handle.
final class CurlStringList {
    private(set) var pointer: UnsafeMutablePointer<curl_slist>?

    init() {}

    deinit {
        curl_slist_free_all(pointer)
    }

    /// Appends one entry (for headers: `"Name: value"`, `"Name;"` for an empty value, `"Name:"` to drop a default).
    func append(_ line: String) throws(CurlCodeFailure) {
        guard let extended = curl_slist_append(pointer, line) else { throw CurlCodeFailure(code: CURLE_OUT_OF_MEMORY) }
        pointer = extended
    }
}
