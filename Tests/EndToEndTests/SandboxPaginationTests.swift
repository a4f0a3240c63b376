import Foundation
import Sandbox
import Store
import TestSupport
import Testing

/// The sandbox provider's List API over HTTP: both pagination styles across tie groups, the inclusive
/// `updated_gte`, limits, determinism and the `Date` header.
@Suite struct SandboxPaginationTests {
    /// Ties everywhere: groups of exactly 7 records share one `updated_at`, pages of 5 cut through them.
    static let tied = SandboxConfiguration(seed: 42, contacts: 61, companies: 9, deals: 12, tieGroupSizes: 7...7)

    @Test func offsetPagingVisitsEveryRecordOnceInOrder() async throws {
        try await withSandbox(Self.tied) { sandbox in
            var seen: [JSONValue] = []
            var offset = 0
            var pages = 0
            while pages < 50 {
                pages += 1
                let page = try await TestHTTP.get(sandbox.url("/crm/contacts?limit=5&offset=\(offset)")).json()
                #expect(page["total"] == .number(61))
                let results = try #require(page["results"]?.arrayValue)
                seen += results
                guard let next = page["next_offset"]?.numberValue else {
                    #expect(page["next_offset"] == .null)
                    break
                }
                #expect(Int(next) == offset + results.count)
                offset = Int(next)
            }
            #expect(pages == 13)
            #expect(seen.count == 61)
            #expect(Set(seen.compactMap { $0["id"]?.stringValue }).count == 61)
            #expect(isSorted(seen))
            #expect(seen == sandbox.provider.records(.contacts))
        }
    }

    @Test func cursorPagingCrossesTieGroupsAndIgnoresOffset() async throws {
        try await withSandbox(Self.tied) { sandbox in
            var seen: [JSONValue] = []
            var cursor: String?
            var pages = 0
            while pages < 50 {
                pages += 1
                // A stray offset must not matter once a cursor is given.
                let query = cursor.map { "limit=5&offset=3&cursor=\($0)" } ?? "limit=5"
                let page = try await TestHTTP.get(sandbox.url("/crm/contacts?\(query)")).json()
                seen += try #require(page["results"]?.arrayValue)
                if cursor != nil { #expect(page["next_offset"] == .null) }
                guard let next = page["next_cursor"]?.stringValue else { break }
                #expect(next.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
                cursor = next
            }
            #expect(seen.count == 61)
            #expect(Set(seen.compactMap { $0["id"]?.stringValue }).count == 61)
            #expect(isSorted(seen))

            let bad = try await TestHTTP.get(sandbox.url("/crm/contacts?cursor=not-a-cursor"))
            #expect(bad.status == 400)
        }
    }

    @Test func twentyFiveRecordsSharingOneTimestampPageByCursor() async throws {
        let configuration = SandboxConfiguration(seed: 1, contacts: 0, companies: 0, deals: 0)
        try await withSandbox(configuration) { sandbox in
            for index in 1...25 {
                let record = JSONValue.object([
                    ("id", .string("tie_\(index < 10 ? "0" : "")\(index)")),
                    ("name", .string("Tie \(index)")),
                    ("updated_at", .string("2026-03-01T12:00:00.000Z")),
                ])
                let response = try await TestHTTP.post(sandbox.url("/sandbox/records/contacts"), json: record)
                #expect(response.status == 200)
            }
            var ids: [String] = []
            var cursor: String?
            for _ in 0..<10 {
                let query = "limit=10&updated_gte=2026-03-01T12:00:00.000Z" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await TestHTTP.get(sandbox.url("/crm/contacts?\(query)")).json()
                ids += try #require(page["results"]?.arrayValue).compactMap { $0["id"]?.stringValue }
                guard let next = page["next_cursor"]?.stringValue else { break }
                cursor = next
            }
            #expect(ids == (1...25).map { "tie_\($0 < 10 ? "0" : "")\($0)" })
        }
    }

    @Test func updatedGTEIsInclusiveAndAcceptsISOForms() async throws {
        try await withSandbox(Self.tied) { sandbox in
            let all = sandbox.provider.records(.contacts)
            let boundary = try #require(all[14]["updated_at"]?.stringValue)  // third group
            let expected = all.filter { ($0["updated_at"]?.stringValue ?? "") >= boundary }
            #expect(expected.count == 61 - 14)

            let forms = [boundary, boundary.replacingOccurrences(of: ".000Z", with: "Z"),
                         boundary.replacingOccurrences(of: "Z", with: "+00:00")]
            for form in forms {
                let encoded = form.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? form
                let page = try await TestHTTP.get(sandbox.url("/crm/contacts?limit=1000&updated_gte=\(encoded)")).json()
                #expect(page["total"] == .number(Double(expected.count)), "form \(form)")
                let results = try #require(page["results"]?.arrayValue)
                #expect(results == expected, "form \(form)")
                #expect(results.first?["updated_at"]?.stringValue == boundary)
            }
            let invalid = try await TestHTTP.get(sandbox.url("/crm/contacts?updated_gte=yesterday"))
            #expect(invalid.status == 400)
        }
    }

    @Test func limitDefaultsAndClamps() async throws {
        let configuration = SandboxConfiguration(seed: 3, contacts: 1200, companies: 0, deals: 0)
        try await withSandbox(configuration) { sandbox in
            let defaultPage = try await TestHTTP.get(sandbox.url("/crm/contacts")).json()
            #expect(defaultPage["results"]?.arrayValue?.count == 100)
            let clamped = try await TestHTTP.get(sandbox.url("/crm/contacts?limit=5000")).json()
            #expect(clamped["results"]?.arrayValue?.count == 1000)
            let float = try await TestHTTP.get(sandbox.url("/crm/contacts?limit=7.0&offset=2.0")).json()
            #expect(float["results"]?.arrayValue?.count == 7)
            #expect(float["next_offset"] == .number(9))
            #expect(try await TestHTTP.get(sandbox.url("/crm/contacts?limit=1.5")).status == 400)
            #expect(try await TestHTTP.get(sandbox.url("/crm/contacts?limit=0")).status == 400)
            #expect(try await TestHTTP.get(sandbox.url("/crm/tickets")).status == 404)
        }
    }

    @Test func datasetIsDeterministicAndJSExact() async throws {
        let configuration = SandboxConfiguration(seed: 9, contacts: 300, companies: 40, deals: 50)
        let first = try await withSandbox(configuration) { sandbox in
            try await TestHTTP.get(sandbox.url("/crm/companies?limit=1000")).body
        }
        let second = try await withSandbox(configuration) { sandbox in
            try await TestHTTP.get(sandbox.url("/crm/companies?limit=1000")).body
        }
        #expect(first == second)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("https://www."))  // `/` is not escaped
        #expect(!text.contains("\\/"))
        #expect(text.unicodeScalars.contains { $0.value > 0x7F })  // non-ASCII names, literal UTF-8
        // The served bytes are exactly JSON.stringify of what they parse to.
        #expect(JSWriter.serialize(try JSONParser.parse(first)) == first)

        let other = try await withSandbox(SandboxConfiguration(seed: 10, contacts: 300, companies: 40, deals: 50)) { sandbox in
            try await TestHTTP.get(sandbox.url("/crm/companies?limit=1000")).body
        }
        #expect(other != first)
    }

    @Test func contactsCarryTheDocumentedShapeAndTies() async throws {
        try await withSandbox(SandboxConfiguration(seed: 5, contacts: 200, companies: 20, deals: 30)) { sandbox in
            let page = try await TestHTTP.get(sandbox.url("/crm/contacts?limit=200")).json()
            let records = try #require(page["results"]?.arrayValue)
            let first = try #require(records.first)
            #expect(first.objectMembers?.map(\.0) == ["id", "name", "emails", "company_id", "title", "created_at", "updated_at"])
            #expect(first["emails"]?.arrayValue?.first?["type"] == .string("WORK"))
            let timestamps = records.compactMap { $0["updated_at"]?.stringValue }
            #expect(timestamps.allSatisfy { $0.count == 24 && $0.hasSuffix("Z") })
            #expect(Set(timestamps).count < timestamps.count / 2)  // many records share a timestamp
            let single = try await TestHTTP.get(sandbox.url("/crm/contacts/\(first["id"]?.stringValue ?? "")")).json()
            #expect(single == first)
            #expect(try await TestHTTP.get(sandbox.url("/crm/contacts/c_999999")).status == 404)
        }
    }

    @Test func responsesCarryTheCurrentDate() async throws {
        try await withSandbox(Self.tied) { sandbox in
            let response = try await TestHTTP.get(sandbox.url("/crm/deals?limit=1"))
            let date = try #require(response.header("date"))
            let served = try #require(HTTPDate.parse(date))
            #expect(abs(served.seconds - Timestamp.now().seconds) < 5)
            #expect(response.header("content-type") == "application/json")
        }
    }
}

/// Ascending by (`updated_at`, `id`): the order the List API promises.
func isSorted(_ records: [JSONValue]) -> Bool {
    let keys = records.map { ($0["updated_at"]?.stringValue ?? "", $0["id"]?.stringValue ?? "") }
    return zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }
}
