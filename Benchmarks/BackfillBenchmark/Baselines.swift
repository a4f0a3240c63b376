import CurlHTTP
import Foundation
import Logging
import Store

/// Raw loopback transfers of the same data the end-to-end run moves, for the ratios.
enum Baselines {
    /// GET every List page (1,000 records each, keyset cursor), reading only the next cursor.
    static func getPages(client: CurlHTTPClient, baseURL: String, records: Int) async throws -> Measurement {
        let start = ContinuousClock.now
        var cursor: String?
        var pages = 0
        var bytes = 0
        repeat {
            var url = "\(baseURL)/crm/contacts?limit=1000"
            if let cursor { url += "&cursor=\(cursor)" }
            let response = try await client.execute(HTTPRequest(url: url))
            pages += 1
            bytes += response.body.count
            cursor = nextCursor(response.body)
        } while cursor != nil && pages < records / 1000 + 5
        return Measurement(records: records, seconds: elapsedSeconds(since: start), requests: pages)
    }

    /// POST the stored message bodies of the run, one after the other, as the emitter does for one webhook.
    static func postBodies(client: CurlHTTPClient, hookURL: String, database: String, logger: Logger) async throws
        -> Measurement
    {
        let store = try Store(path: database, logger: logger)
        let messages = try await store.messages(webhookID: "wh_bench", limit: 1_000_000).reversed()
        await store.close()
        let start = ContinuousClock.now
        var records = 0
        for message in messages {
            let request = HTTPRequest(
                method: "POST", url: hookURL, headers: [HTTPHeader("content-type", "application/json")],
                body: message.body)
            _ = try await client.execute(request)
            records += message.recordCount
        }
        return Measurement(records: records, seconds: elapsedSeconds(since: start), requests: messages.count)
    }

    /// The `next_cursor` of a sandbox page, found without parsing the records.
    private static func nextCursor(_ body: [UInt8]) -> String? {
        let key = Array(#""next_cursor":""#.utf8)
        guard body.count > key.count else { return nil }
        var i = body.count - key.count
        while i >= 0 {
            if body[i] == key[0], Array(body[i..<i + key.count]) == key {
                var j = i + key.count
                var token: [UInt8] = []
                while j < body.count, body[j] != UInt8(ascii: "\"") {
                    token.append(body[j])
                    j += 1
                }
                return String(decoding: token, as: UTF8.self)
            }
            i -= 1
        }
        return nil
    }
}
