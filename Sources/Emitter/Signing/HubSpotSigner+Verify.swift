extension HubSpotSigner {
    /// HubSpot rejects v3 requests older than 5 minutes; VirtualHooks also rejects ones more than 5 minutes ahead.
    public static let v3Tolerance: Int64 = 300_000

    /// Whether a v1 `X-HubSpot-Signature` matches `body` (constant-time compare, hex case-insensitive).
    public func verifyV1(body: [UInt8], signature: String) -> Bool {
        ConstantTime.equal(v1(body: body), signature.lowercased())
    }

    /// Whether a v2 `X-HubSpot-Signature` matches the request (constant-time compare, hex case-insensitive).
    public func verifyV2(method: String, uri: String, body: [UInt8], signature: String) -> Bool {
        ConstantTime.equal(v2(method: method, uri: uri, body: body), signature.lowercased())
    }

    /// Whether a v3 request is fresh and its `X-HubSpot-Signature-v3` matches: accepted iff
    /// `now − 300000 < timestamp ≤ now + 300000` (milliseconds) and the signature is equal (constant-time).
    public func verifyV3(
        method: String, uri: String, body: [UInt8], timestamp: String, signature: String, nowMilliseconds: Int64
    ) -> Bool {
        guard let sentAt = Int64(timestamp),
            nowMilliseconds - Self.v3Tolerance < sentAt, sentAt <= nowMilliseconds + Self.v3Tolerance
        else { return false }
        return ConstantTime.equal(v3(method: method, uri: uri, body: body, timestamp: timestamp), signature)
    }
}
