extension HTTPRequest {
    /// Rejects what must not reach the wire before any work is queued: a bad method token, header names that are not
    /// tokens, CR/LF/NUL in header values (header injection), non-positive timeouts, a negative body cap. The URL's
    /// syntax and scheme are checked by libcurl (also `.invalidRequest`).
    func validate() throws(CurlHTTPError) {
        func reject(_ message: String) -> CurlHTTPError {
            CurlHTTPError(kind: .invalidRequest, message: message, url: url)
        }
        guard Self.isToken(method) else { throw reject("invalid HTTP method \"\(method)\"") }
        guard !url.isEmpty else { throw reject("empty URL") }
        for header in headers {
            guard Self.isToken(header.name) else { throw reject("invalid header name \"\(header.name)\"") }
            guard !header.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
                throw reject("header \"\(header.name)\" has a line break or NUL in its value")
            }
        }
        guard connectTimeout > .zero else { throw reject("connect timeout must be positive, got \(connectTimeout)") }
        guard timeout > .zero else { throw reject("timeout must be positive, got \(timeout)") }
        guard maxResponseBytes >= 0 else { throw reject("maxResponseBytes must not be negative") }
        if let pinnedAddress, IPAddress(pinnedAddress) == nil {
            throw reject("pinned address \"\(pinnedAddress)\" is not an IP address")
        }
    }

    /// RFC 9110 `token`: one or more tchar.
    private static func isToken(_ string: String) -> Bool {
        !string.isEmpty && string.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "A")...UInt8(ascii: "Z"):
                return true
            default:
                return "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }
}
