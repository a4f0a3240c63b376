import Emitter
import Pollers
import Store
import Testing
import VirtualHooks

/// Configuration files: every mistake names the file, the field and the line.
@Suite struct ServeConfigurationTests {
    let catalog = ConnectorCatalog.builtin()

    func parse(_ text: String) throws -> ServeConfiguration {
        try ServeConfiguration.parse(Array(text.utf8), file: "config.json", catalog: catalog)
    }

    let valid = """
        {
          "database": "x.db",
          "connections": [
            {"id": "c1", "integration_type": "sandbox", "api_url": "http://127.0.0.1:8181"}
          ],
          "webhooks": [
            {"connection_id": "c1", "object_type": "crm_contact", "event": "updated",
             "hook_url": "http://127.0.0.1:8282/hook", "interval": 5, "include_all": true}
          ]
        }
        """

    @Test func validFileParsesWithDefaultsAndAStableDerivedID() throws {
        let a = try parse(valid)
        let b = try parse(valid)
        #expect(a.database == "x.db")
        #expect(a.webhooks.count == 1)
        #expect(a.webhooks[0].id == b.webhooks[0].id)
        #expect(a.webhooks[0].id.count == 24)
        #expect(a.webhooks[0].pageMaxLimit == 100)
        #expect(a.webhooks[0].includeAll)
    }

    @Test func retryScheduleIsNamedOrListedInSeconds() throws {
        #expect(try parse(valid).retryDelays == nil)
        let named = valid.replacingOccurrences(of: #""database": "x.db""#, with: #""database": "x.db", "retry_schedule": "extended""#)
        #expect(try parse(named).retryDelays == RetrySchedule.extendedDelays)
        let listed = valid.replacingOccurrences(of: #""database": "x.db""#, with: #""database": "x.db", "retry_schedule": [0, 0.5, 2]"#)
        #expect(try parse(listed).retryDelays == [.zero, .milliseconds(500), .seconds(2)])
    }

    @Test(arguments: [
        (#""interval": 5"#, #""interval": 0.5"#, "webhooks[0].interval", 8),
        (#""event": "updated""#, #""event": "changed""#, "webhooks[0].event", 7),
        (#""object_type": "crm_contact""#, #""object_type": "crm_lead""#, "webhooks[0].object_type", 7),
        (#""hook_url": "http://127.0.0.1:8282/hook""#, #""hook_url": "ftp://x/hook""#, "webhooks[0].hook_url", 8),
        (#""integration_type": "sandbox""#, #""integration_type": "nope""#, "connections[0].integration_type", 4),
        (#""connection_id": "c1""#, #""connection_id": "c9""#, "webhooks[0].connection_id", 7),
        (#""include_all": true"#, #""include_all": "yes""#, "webhooks[0].include_all", 8),
        (#""include_all": true"#, #""include_all": true, "page_max_limit": 5000"#, "webhooks[0].page_max_limit", 8),
        (#""include_all": true"#, #""include_all": true, "filters": {"company_id": 7}"#, "webhooks[0].filters.company_id", 8),
        (#""include_all": true"#, #""include_all": true, "filters": {"owner_id": "7"}"#, "webhooks[0].filters.owner_id", 8),
        (#""database": "x.db""#, #""database": "x.db", "colour": "blue""#, "colour", 2),
        (#""database": "x.db""#, #""database": "x.db", "retry_schedule": "often""#, "retry_schedule", 2),
        (#""database": "x.db""#, #""database": "x.db", "retry_schedule": []"#, "retry_schedule", 2),
        (#""database": "x.db""#, #""database": "x.db", "retry_schedule": [0, -1]"#, "retry_schedule[1]", 2),
    ])
    func mistakesNameTheFieldAndLine(find: String, replace: String, field: String, line: Int) throws {
        let text = valid.replacingOccurrences(of: find, with: replace)
        #expect(text != valid)
        #expect {
            try parse(text)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.field == field && error.line == line && "\(error)".hasPrefix("config.json:\(line): \(field)")
        }
    }

    @Test func malformedJSONReportsTheLine() {
        #expect {
            try parse("{\n  \"database\": \"x.db\",\n  \"connections\": [,]\n}")
        } throws: { error in
            (error as? ConfigurationError)?.line == 3
        }
    }

    @Test func missingRequiredFieldIsNamed() {
        let text = valid.replacingOccurrences(of: #""event": "updated","#, with: "")
        #expect {
            try parse(text)
        } throws: { error in
            "\(error)".contains("missing required field 'event'")
        }
    }
}
