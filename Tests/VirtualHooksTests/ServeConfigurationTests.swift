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

    @Test func missingRequiredFieldIsNamedAtItsObject() {
        let text = valid.replacingOccurrences(of: #""event": "updated","#, with: "")
        #expect {
            try parse(text)
        } throws: { error in
            "\(error)" == "config.json:7: webhooks[0].event: is required"
        }
    }

    /// Every number of the file has a range; a value outside it (infinite in effect, negative, or one that would
    /// overflow the pollers' microsecond arithmetic) is refused naming the file, the line and the field.
    @Test(arguments: [
        (#""lookback_seconds": 1e300"#, "lookback_seconds", "must be a number of seconds from 0 to 2592000"),
        (#""lookback_seconds": -1e300"#, "lookback_seconds", "must be a number of seconds from 0 to 2592000"),
        (#""lookback_seconds": 1e15"#, "lookback_seconds", "must be a number of seconds from 0 to 2592000"),
        (#""lookback_seconds": 9.3e12"#, "lookback_seconds", "must be a number of seconds from 0 to 2592000"),
        (#""lookback_seconds": 1e400"#, "lookback_seconds", "must be a number of seconds from 0 to 2592000"),
        (#""lookback_seconds": "300""#, "lookback_seconds", "must be a number of seconds from 0 to 2592000"),
        (#""safety_lag_seconds": 1e300"#, "safety_lag_seconds", "must be a number of seconds from 0 to 3600"),
        (#""safety_lag_seconds": -1e300"#, "safety_lag_seconds", "must be a number of seconds from 0 to 3600"),
        (#""safety_lag_seconds": 1e15"#, "safety_lag_seconds", "must be a number of seconds from 0 to 3600"),
        (#""safety_lag_seconds": 9.3e12"#, "safety_lag_seconds", "must be a number of seconds from 0 to 3600"),
        (#""safety_lag_seconds": -1"#, "safety_lag_seconds", "must be a number of seconds from 0 to 3600"),
        (#""min_interval_minutes": 0"#, "min_interval_minutes",
         "must be a number of minutes more than 0 and at most 525600"),
        (#""min_interval_minutes": 1e300"#, "min_interval_minutes",
         "must be a number of minutes more than 0 and at most 525600"),
        (#""retry_schedule": [0, 1e300]"#, "retry_schedule[1]", "must be a number of seconds from 0 to 86400"),
        (#""listen": "127.0.0.1:70000""#, "listen",
         "must be host:port with a port from 0 to 65535 (e.g. 127.0.0.1:8080)"),
    ])
    func numbersOutOfRangeNameFileLineAndField(member: String, field: String, message: String) throws {
        let text = valid.replacingOccurrences(of: #""database": "x.db""#, with: #""database": "x.db", \#(member)"#)
        #expect(text != valid)
        #expect {
            try parse(text)
        } throws: { error in
            "\(error)" == "config.json:2: \(field): \(message)"
        }
    }

    @Test func anEmptyDatabasePathIsRefused() {
        #expect {
            try parse(valid.replacingOccurrences(of: #""database": "x.db""#, with: #""database": """#))
        } throws: { error in
            "\(error)" == "config.json:2: database: must not be empty"
        }
    }

    @Test(arguments: [
        (#""interval": 5"#, #""interval": 1e300"#, "webhooks[0].interval"),
        (#""interval": 5"#, #""interval": 525601"#, "webhooks[0].interval"),
        (#""interval": 5"#, #""interval": -5"#, "webhooks[0].interval"),
        (#""interval": 5"#, #""interval": 5, "page_max_limit": 1e300"#, "webhooks[0].page_max_limit"),
        (#""interval": 5"#, #""interval": 5, "page_max_limit": -1"#, "webhooks[0].page_max_limit"),
    ])
    func webhookNumbersOutOfRangeNameTheirField(find: String, replace: String, field: String) throws {
        let text = valid.replacingOccurrences(of: find, with: replace)
        #expect(text != valid)
        #expect {
            try parse(text)
        } throws: { error in
            (error as? ConfigurationError)?.field == field && (error as? ConfigurationError)?.line == 8
        }
    }

    @Test func numbersAtTheEdgesOfTheirRangesAreAccepted() throws {
        let text = valid.replacingOccurrences(
            of: #""database": "x.db""#,
            with: #""database": "x.db", "lookback_seconds": 2592000, "safety_lag_seconds": 3600, "min_interval_minutes": 0.001"#
        ).replacingOccurrences(of: #""interval": 5"#, with: #""interval": 525600, "page_max_limit": 1000"#)
        let config = try parse(text)
        #expect(config.lookbackSeconds == 2_592_000)
        #expect(config.safetyLagSeconds == 3600)
        #expect(config.webhooks.first?.interval == 525_600)
        #expect(config.webhooks.first?.pageMaxLimit == 1000)
    }

    @Test func duplicateIdsNameTheLineOfTheSecond() throws {
        let connections = """
            {
              "connections": [
                {"id": "c1", "integration_type": "sandbox", "api_url": "http://127.0.0.1:8181"},
                {"id": "c1", "integration_type": "sandbox", "api_url": "http://127.0.0.1:8282"}
              ]
            }
            """
        #expect {
            try parse(connections)
        } throws: { error in
            "\(error)" == "config.json:4: connections[1].id: 'c1' is already the id of connections[0]"
        }
        let named = """
            {
              "connections": [{"id": "c1", "integration_type": "sandbox", "api_url": "http://127.0.0.1:8181"}],
              "webhooks": [
                {"id": "w1", "connection_id": "c1", "object_type": "crm_contact", "event": "updated",
                 "hook_url": "http://127.0.0.1:8282/a"},
                {"id": "w1", "connection_id": "c1", "object_type": "crm_deal", "event": "updated",
                 "hook_url": "http://127.0.0.1:8282/b"}
              ]
            }
            """
        #expect {
            try parse(named)
        } throws: { error in
            "\(error)" == "config.json:6: webhooks[1].id: 'w1' is already the id of webhooks[0]"
        }
        // Two entries without ids that watch the same stream for the same URL would derive one id.
        let derived = """
            {
              "connections": [{"id": "c1", "integration_type": "sandbox", "api_url": "http://127.0.0.1:8181"}],
              "webhooks": [
                {"connection_id": "c1", "object_type": "crm_contact", "event": "updated", "hook_url": "http://h/a"},
                {"connection_id": "c1", "object_type": "crm_contact", "event": "updated", "hook_url": "http://h/a",
                 "filters": {"company_id": "7"}}
              ]
            }
            """
        #expect {
            try parse(derived)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.line == 5 && error.field == "webhooks[1]" && error.message.contains(#"give each an "id""#)
        }
    }

    @Test func theDefaultIntervalIsTheAPIsAndFollowsTheMinimum() throws {
        let withoutInterval = valid.replacingOccurrences(of: #", "interval": 5"#, with: "")
        #expect(withoutInterval != valid)
        #expect(try parse(withoutInterval).webhooks.first?.interval == 60)
        let raised = withoutInterval.replacingOccurrences(
            of: #""database": "x.db""#, with: #""database": "x.db", "min_interval_minutes": 90"#)
        #expect(try parse(raised).webhooks.first?.interval == 90)
    }

    @Test func theCommandLineMinimumIntervalIsTheOneWebhooksAreCheckedAgainst() throws {
        let text = Array(valid.utf8)
        #expect {
            try ServeConfiguration.parse(text, file: "config.json", catalog: catalog, minimumIntervalMinutes: 10)
        } throws: { error in
            "\(error)" == "config.json:8: webhooks[0].interval: must be a number of minutes from 10 to 525600"
        }
        let lowered = try ServeConfiguration.parse(
            text, file: "config.json", catalog: catalog, minimumIntervalMinutes: 0.5)
        #expect(lowered.minimumIntervalMinutes == 0.5)
    }
}
