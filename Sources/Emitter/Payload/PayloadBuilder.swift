import Foundation
import Store

/// Builds Unified-format message bodies for one webhook (unified.md §5):
/// `{"data":[…],"webhook":{…},"nonce":"…","sig":"…","sig256":"…","type":"…"}`, keys in that order, compact.
///
/// The `data` bytes are the concatenation of the events' stored JS-exact record bytes (or, when the webhook has
/// `fields`, each record trimmed and re-written with ``JSWriter``); those exact bytes are signed and spliced into the
/// body, never re-serialized, so `JSON.stringify(JSON.parse(body).data)` in Node gives back the signed bytes.
public struct PayloadBuilder: Sendable {
    /// A message body targets at most this many bytes (delivery.md §14).
    public static let defaultMaximumBodyBytes = 256 * 1024

    /// The `webhook` member, already serialized.
    let webhookBytes: [UInt8]
    /// Field names records are trimmed to (`id` always kept); `nil` keeps every field.
    let fields: Set<String>?
    let signer: UnifiedSigner
    let includeSig256: Bool
    /// A message is closed before a record would push its body over this size.
    public let maximumBodyBytes: Int
    /// Body bytes with an empty `data` array: every message costs this plus its records and the commas between them.
    let overheadBytes: Int

    /// - Parameters:
    ///   - webhook: the webhook the messages go to (its object becomes the `webhook` member; its `fields` trim records).
    ///   - integrationType: the connection's integration type, for the `webhook` member.
    ///   - workspaceSecret: the key of `sig`/`sig256`.
    ///   - options: digest encoding and `sig256` switch.
    ///   - maximumBodyBytes: the body size cap.
    public init(
        webhook: Webhook, integrationType: String?, workspaceSecret: String,
        options: UnifiedSigningOptions = UnifiedSigningOptions(),
        maximumBodyBytes: Int = PayloadBuilder.defaultMaximumBodyBytes
    ) {
        self.webhookBytes = JSWriter.serialize(webhook.unifiedJSON(integrationType: integrationType))
        self.fields = Self.fieldSet(webhook.fields)
        self.signer = UnifiedSigner(workspaceSecret: workspaceSecret, encoding: options.encoding)
        self.includeSig256 = options.includeSig256
        self.maximumBodyBytes = maximumBodyBytes
        let probeNonce = String(repeating: "0", count: 32)
        let probeData = Array("[]".utf8)
        self.overheadBytes = Self.assemble(
            data: probeData, webhookBytes: webhookBytes, nonce: probeNonce,
            sig: signer.sig(data: probeData, nonce: probeNonce),
            sig256: options.includeSig256 ? signer.sig256(data: probeData, nonce: probeNonce) : nil,
            type: .initialComplete
        ).count
    }

    /// The record bytes of one event as they appear in `data`: stored bytes as-is, or trimmed to `fields`.
    /// A stored record that does not parse (never expected: the store keeps ``JSWriter`` output) is sent as stored.
    public func recordBytes(_ event: ChangeEvent) -> [UInt8] {
        guard let fields else { return event.record }
        guard case .object(let members)? = try? JSONParser.parse(event.record) else { return event.record }
        let kept = members.filter { $0.0 == "id" || fields.contains($0.0) }
        return JSWriter.serialize(.object(kept))
    }

    /// The `data` array bytes: `[` + records joined by `,` + `]`.
    public func dataBytes(records: [[UInt8]]) -> [UInt8] {
        var data: [UInt8] = [UInt8(ascii: "[")]
        data.reserveCapacity(records.reduce(2) { $0 + $1.count + 1 })
        for (index, record) in records.enumerated() {
            if index > 0 { data.append(UInt8(ascii: ",")) }
            data.append(contentsOf: record)
        }
        data.append(UInt8(ascii: "]"))
        return data
    }

    /// Where `data` starts in every body: right after `{"data":`.
    static let dataOffset = #"{"data":"#.utf8.count

    /// What of a body built from `batch` with `data` of `dataCount` bytes is the log's records byte for byte (so the
    /// store keeps those bytes once): all of `data` unless the records were trimmed to `fields`.
    func loggedRecords(of batch: RecordBatch, dataCount: Int) -> LoggedRecords? {
        guard fields == nil else { return nil }
        return LoggedRecords(seqs: batch.events.map(\.seq), range: Self.dataOffset..<(Self.dataOffset + dataCount))
    }

    /// The whole body around `data`, signing exactly `data` + `nonce`.
    public func body(data: [UInt8], nonce: String, type: PayloadType) -> [UInt8] {
        Self.assemble(
            data: data, webhookBytes: webhookBytes, nonce: nonce, sig: signer.sig(data: data, nonce: nonce),
            sig256: includeSig256 ? signer.sig256(data: data, nonce: nonce) : nil, type: type)
    }

    static func assemble(
        data: [UInt8], webhookBytes: [UInt8], nonce: String, sig: String, sig256: String?, type: PayloadType
    ) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + webhookBytes.count + 256)
        out.append(contentsOf: Array(#"{"data":"#.utf8))
        out.append(contentsOf: data)
        out.append(contentsOf: Array(#","webhook":"#.utf8))
        out.append(contentsOf: webhookBytes)
        appendMember("nonce", nonce, to: &out)
        appendMember("sig", sig, to: &out)
        if let sig256 { appendMember("sig256", sig256, to: &out) }
        appendMember("type", type.rawValue, to: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// The body size records of these sizes would make (with a 32-char nonce).
    public func bodySize(recordByteCounts: some Sequence<Int>) -> Int {
        var size = overheadBytes
        var count = 0
        for bytes in recordByteCounts {
            size += bytes
            count += 1
        }
        return size + max(0, count - 1)
    }

    private static func appendMember(_ key: String, _ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: ","))
        JSWriter.writeString(key, into: &out)
        out.append(UInt8(ascii: ":"))
        JSWriter.writeString(value, into: &out)
    }

    /// `"id,name, emails"` → `{"id","name","emails"}`; blank → `nil` (every field).
    static func fieldSet(_ fields: String?) -> Set<String>? {
        guard let fields else { return nil }
        let names = fields.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return names.isEmpty ? nil : Set(names)
    }
}
