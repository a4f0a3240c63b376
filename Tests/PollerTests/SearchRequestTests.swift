import Foundation
import Store
import Testing

@testable import Pollers

/// Search endpoints (HubSpot's CRM search) take the cursor, page size and page token in a POSTed JSON body.
@Suite struct SearchRequestTests {
    func hubspotContacts() throws -> PageRequest {
        let object = try #require(ConnectorCatalog.builtin().spec("hubspot")?.object("crm_contact"))
        return PageRequest(baseURL: "https://api.hubapi.com/", connectionID: "conn_1", object: object, pageSize: 200)
    }

    func text(_ call: PageCall) throws -> String { String(decoding: try #require(call.body), as: UTF8.self) }

    @Test func theBaselineSendsNoFilterAndTheFirstPageNoToken() throws {
        let call = try hubspotContacts().call(queryFrom: nil, token: nil)
        #expect(call.url == "https://api.hubapi.com/crm/v3/objects/contacts/search")
        #expect(
            try text(call)
                == #"{"limit":200,"sorts":[{"direction":"ASCENDING","propertyName":"lastmodifieddate"}]}"#)
    }

    @Test func anIncrementalNextPageSendsTheCursorAndTheToken() throws {
        let cursor = CursorFormat.epochMilliseconds.format(Timestamp(microseconds: 1_767_323_045_678_901))
        let call = try hubspotContacts().call(queryFrom: cursor, token: "200")
        #expect(call.url == "https://api.hubapi.com/crm/v3/objects/contacts/search")
        #expect(
            try text(call)
                == #"{"after":"200","filterGroups":[{"filters":[{"operator":"GTE","propertyName":"lastmodifieddate","#
                + #""value":"1767323045678"}]}],"limit":200,"sorts":[{"direction":"ASCENDING","#
                + #""propertyName":"lastmodifieddate"}]}"#)
    }

    @Test func aListEndpointStillUsesTheQuery() throws {
        let object = try #require(ConnectorCatalog.builtin().spec("sandbox")?.object("crm_contact"))
        let call = PageRequest(baseURL: "http://h", connectionID: "c", object: object, pageSize: 10)
            .call(queryFrom: "2026-01-01T00:00:00.000Z", token: "t")
        #expect(call.body == nil)
        #expect(call.url == "http://h/crm/contacts?updated_gte=2026-01-01T00:00:00.000Z&limit=10&cursor=t")
    }

    @Test func aRequestBodyThatIsNotAnObjectIsRefusedByName() throws {
        let json = #"{"path":"/s","request_body":[1,2]}"#
        #expect {
            _ = try JSONDecoder().decode(ObjectSpec.self, from: Data(json.utf8))
        } throws: { error in
            "\(error)".contains("request_body")
        }
    }
}
