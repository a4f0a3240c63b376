internal import CCurl

/// One request in flight on the loop thread: its easy handle, the string lists the handle points at, and the response
/// being accumulated. Also the `userdata` of the write and header callbacks (kept alive by the loop's transfer table
/// while the handle is in the multi).
final class CurlTransfer {
    let id: UInt64
    let url: String
    let easy: CurlEasy
    let continuation: CheckedContinuation<HTTPResponse, any Error>
    var accumulator: ResponseAccumulator
    private let headerList = CurlStringList()
    private let connectToList = CurlStringList()

    /// Configures `easy` for `submission`. Throws when libcurl rejects an option (reported as the request's error).
    init(submission: CurlSubmission, easy: CurlEasy, userAgent: String) throws(CurlHTTPError) {
        id = submission.id
        url = submission.request.url
        self.easy = easy
        continuation = submission.continuation
        accumulator = ResponseAccumulator(cap: submission.request.maxResponseBytes)
        do {
            try configure(submission.request, userAgent: userAgent)
        } catch {
            throw CurlHTTPError(code: error.code, detail: easy.errorDetail, url: url)
        }
    }

    /// The outcome once the multi reported the transfer done with `code`: a response (also when the body was cut at
    /// the cap, which aborts the transfer with a write error) or the converted libcurl error.
    func finish(code: CURLcode) -> Result<HTTPResponse, any Error> {
        guard code == CURLE_OK || (code == CURLE_WRITE_ERROR && accumulator.truncated) else {
            return .failure(CurlHTTPError(code: code, detail: easy.errorDetail, url: url))
        }
        let address = easy.info(string: CURLINFO_PRIMARY_IP)
        let response = HTTPResponse(
            status: easy.info(long: CURLINFO_RESPONSE_CODE) ?? 0,
            headers: accumulator.headers,
            body: accumulator.body,
            truncated: accumulator.truncated,
            remoteAddress: address?.isEmpty == false ? address : nil,
            totalTime: .microseconds(easy.info(offset: CURLINFO_TOTAL_TIME_T) ?? 0)
        )
        return .success(response)
    }

    private func configure(_ request: HTTPRequest, userAgent: String) throws(CurlCodeFailure) {
        try easy.set(CURLOPT_URL, request.url)
        try easy.set(CURLOPT_PRIVATE, pointer: UnsafeMutableRawPointer(bitPattern: UInt(id)))
        try easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try easy.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try easy.set(CURLOPT_NOSIGNAL, 1)
        try easy.set(CURLOPT_NOPROXY, "*")
        try easy.set(CURLOPT_TCP_NODELAY, 1)
        try easy.set(CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeout.curlMilliseconds)
        try easy.set(CURLOPT_TIMEOUT_MS, request.timeout.curlMilliseconds)
        try easy.set(CURLOPT_FOLLOWLOCATION, request.followRedirects ? 1 : 0)
        if request.followRedirects { try easy.set(CURLOPT_MAXREDIRS, 5) }
        if let pinned = request.pinnedAddress.flatMap(IPAddress.init) {
            // "::address:" = any URL host and port, connect to `address` on the URL's port
            try connectToList.append("::\(pinned.urlHost):")
            try easy.set(CURLOPT_CONNECT_TO, pointer: UnsafeMutableRawPointer(connectToList.pointer))
        }
        try easy.set(CURLOPT_USERAGENT, userAgent)
        try configureMethod(request)
        try configureHeaders(request)
        let userdata = Unmanaged.passUnretained(self).toOpaque()
        try easy.set(CURLOPT_WRITEFUNCTION, callback: curlWriteBody)
        try easy.set(CURLOPT_WRITEDATA, pointer: userdata)
        try easy.set(CURLOPT_HEADERFUNCTION, callback: curlWriteHeader)
        try easy.set(CURLOPT_HEADERDATA, pointer: userdata)
    }

    private func configureMethod(_ request: HTTPRequest) throws(CurlCodeFailure) {
        switch (request.method, request.body) {
        case ("GET", nil):
            try easy.set(CURLOPT_HTTPGET, 1)
        case ("HEAD", nil):
            try easy.set(CURLOPT_NOBODY, 1)
        case ("POST", let body):
            try easy.setBody(body ?? [])
        case (let method, let body?):
            try easy.setBody(body)
            try easy.set(CURLOPT_CUSTOMREQUEST, method)
        case (let method, nil):
            try easy.set(CURLOPT_CUSTOMREQUEST, method)
        }
    }

    /// Caller headers, plus `Expect:` (no 100-continue round trip) and `Content-Type:` (no form-urlencoded default
    /// for bodies) unless the caller set them.
    private func configureHeaders(_ request: HTTPRequest) throws(CurlCodeFailure) {
        var hasExpect = false
        var hasContentType = false
        for header in request.headers {
            let lowered = header.name.lowercased()
            hasExpect = hasExpect || lowered == "expect"
            hasContentType = hasContentType || lowered == "content-type"
            try headerList.append(header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)")
        }
        if !hasExpect { try headerList.append("Expect:") }
        if !hasContentType, request.body != nil || request.method == "POST" { try headerList.append("Content-Type:") }
        try easy.set(CURLOPT_HTTPHEADER, pointer: UnsafeMutableRawPointer(headerList.pointer))
    }
}
