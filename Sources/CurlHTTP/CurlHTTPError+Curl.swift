internal import CCurl

extension CurlHTTPError {
    /// Converts a failed transfer's `CURLcode` at the C boundary; `detail` is the easy handle's error buffer.
    init(code: CURLcode, detail: String, url: String) {
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        self.init(kind: Self.kind(of: code), curlCode: Int32(truncatingIfNeeded: code.rawValue), message: message, url: url)
    }

    /// Same as ``init(code:detail:url:)`` from the numeric code (what ``curlCode`` holds).
    init(curlCode: Int32, detail: String, url: String) {
        self.init(code: CURLcode(rawValue: .init(truncatingIfNeeded: curlCode)), detail: detail, url: url)
    }

    /// The error for a request the client refused or abandoned because it was shutting down.
    static func shutdown(url: String) -> CurlHTTPError {
        CurlHTTPError(kind: .shutdown, message: "the HTTP client was shut down", url: url)
    }

    private static func kind(of code: CURLcode) -> Kind {
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout
        case CURLE_COULDNT_CONNECT:
            return .connect
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .dns
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_ENGINE_NOTFOUND,
            CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_USE_SSL_FAILED,
            CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE,
            CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
            return .tls
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_BAD_FUNCTION_ARGUMENT, CURLE_NOT_BUILT_IN:
            return .invalidRequest
        default:
            return .transfer
        }
    }
}
