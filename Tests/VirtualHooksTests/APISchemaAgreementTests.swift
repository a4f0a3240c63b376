import Foundation
import Store
import TestSupport
import Testing
import VirtualHooks

/// The OpenAPI document and the server agree in both directions: what the document allows the server accepts, and
/// what it forbids the server refuses with 400 naming the field. Each case is one the two once disagreed on.
@Suite struct APISchemaAgreementTests {
    private let document: JSONValue = try! Array(OpenAPIDocument.json.utf8).withUnsafeBytes { try JSONParser.parse($0) }

    private func resolve(_ value: JSONValue?) -> JSONValue? {
        guard let reference = value?["$ref"]?.stringValue else { return value }
        return reference.dropFirst(2).split(separator: "/").reduce(Optional(document)) { $0?[String($1)] }
    }

    private func requestSchema(_ path: String, _ method: String) -> JSONValue? {
        resolve(document["paths"]?[path]?[method]?["requestBody"]?["content"]?["application/json"]?["schema"])
    }

    private func parameter(_ path: String, _ method: String, _ name: String) -> JSONValue? {
        document["paths"]?[path]?[method]?["parameters"]?.arrayValue?.first { $0["name"]?.stringValue == name }?["schema"]
    }

    private func types(_ schema: JSONValue?) -> [String] {
        if let one = schema?["type"]?.stringValue { return [one] }
        return schema?["type"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    private func required(_ schema: JSONValue?) -> [String] { schema?["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] }

    @Test func listLimitAndOffsetHaveTheBoundsTheServerEnforces() async throws {
        for path in ["/unified/webhook", "/unified/connection"] {
            #expect(parameter(path, "get", "limit")?["minimum"]?.numberValue == 1, "\(path) limit")
            #expect(parameter(path, "get", "limit")?["maximum"]?.numberValue == 100, "\(path) limit")
            #expect(types(parameter(path, "get", "limit")) == ["integer"], "\(path) limit")
            #expect(parameter(path, "get", "offset")?["minimum"]?.numberValue == 0, "\(path) offset")
        }
        try await withAPI { api in
            for path in ["/unified/webhook", "/unified/connection"] {
                for query in ["limit=0", "limit=101", "limit=", "offset=-1", "offset=", "limit=1.5"] {
                    let response = try await api.send("GET", "\(path)?\(query)")
                    #expect(response.status == 400, "\(path)?\(query): \(response.status) \(response.text)")
                    #expect(response.errorField == String(query.prefix { $0 != "=" }), "\(path)?\(query): \(response.text)")
                }
                for query in ["limit=1", "limit=100", "limit=100.0&offset=0.0"] {
                    let response = try await api.send("GET", "\(path)?\(query)")
                    #expect(response.status == 200, "\(path)?\(query): \(response.status) \(response.text)")
                }
            }
        }
    }

    @Test func typedQueryParametersRefuseAnEmptyValue() async throws {
        #expect(types(parameter("/unified/webhook", "get", "is_healthy")) == ["boolean"])
        #expect(parameter("/unified/webhook", "get", "updated_gte")?["format"]?.stringValue == "date-time")
        try await withAPI { api in
            for query in ["is_healthy=", "is_healthy=TRUE", "updated_gte=", "created_lte=", "sort=", "order=", "order=ASC"] {
                let response = try await api.send("GET", "/unified/webhook?\(query)")
                #expect(response.status == 400, "?\(query): \(response.status) \(response.text)")
                #expect(response.errorField == String(query.prefix { $0 != "=" }), "?\(query): \(response.text)")
            }
            let flag = try await api.send("POST", "/unified/webhook?include_all=", json: .object([]))
            #expect(flag.status == 400 && flag.errorField == "include_all", "\(flag.text)")
            // Untyped string filters: an empty value is no filter.
            #expect(try await api.send("GET", "/unified/webhook?object=&connection_id=&env=").status == 200)
        }
    }

    @Test func connectionAuthAPIURLIsRequiredInTheDocumentAsInTheServer() async throws {
        for (path, method) in [("/unified/connection", "post"), ("/unified/connection/{id}", "put")] {
            let schema = requestSchema(path, method)
            #expect(required(schema).contains("integration_type"), "\(method) \(path): \(String(describing: schema))")
            #expect(required(schema).contains("auth"), "\(method) \(path) does not require auth")
            let auth = required(schema?["properties"]?["auth"])
            #expect(auth.contains("api_url"), "\(method) \(path) auth.api_url")
        }
        #expect(required(requestSchema("/unified/connection/{id}", "patch")).isEmpty)
        try await withAPI { api in
            for body: [(String, JSONValue)] in [
                [("integration_type", .string("sandbox"))],
                [("integration_type", .string("sandbox")), ("auth", .object([("token", .string("t"))]))],
            ] {
                let response = try await api.send("POST", "/unified/connection", json: .object(body))
                #expect(response.status == 400 && response.errorField == "auth.api_url", "\(body): \(response.text)")
            }
        }
    }

    /// connection_id, object_type and event are fixed at creation: read-only in the PUT and PATCH schemas, so a PUT
    /// without them is accepted, an equal value is accepted (the SDK sends them), and a different one is refused.
    @Test func unchangeableWebhookFieldsAreReadOnlyOnUpdate() async throws {
        for method in ["put", "patch"] {
            let properties = requestSchema("/unified/webhook/{id}", method)?["properties"]
            for field in ["connection_id", "object_type", "event"] {
                #expect(properties?[field]?["readOnly"] == .bool(true), "\(method) \(field) is not read-only")
                #expect(!required(requestSchema("/unified/webhook/{id}", method)).contains(field), "\(method) \(field)")
            }
        }
        try await withAPI { api in
            let connectionID = try await api.createConnection()
            let created = try await api.createWebhook(connectionID: connectionID)
            let id = try #require(try created.json().value(atPath: "id")?.stringValue)
            let put = try await api.send(
                "PUT", "/unified/webhook/\(id)", json: .object([("hook_url", .string("http://127.0.0.1:9/other"))]))
            #expect(put.status == 200, "\(put.text)")
            #expect(try put.json().value(atPath: "event")?.stringValue == "updated")
            let same = try await api.send(
                "PATCH", "/unified/webhook/\(id)",
                json: .object([("connection_id", .string(connectionID)), ("event", .string("updated")),
                               ("object_type", .string("crm_contact")), ("environment", .string("Production"))]))
            #expect(same.status == 200, "\(same.text)")
            let changed = try await api.send("PATCH", "/unified/webhook/\(id)", json: .object([("event", .string("created"))]))
            #expect(changed.status == 400 && changed.errorField == "event", "\(changed.text)")
        }
    }

    /// unified.md §4: an optional field may be null. The document says so (`"type": [..., "null"]`) and the server
    /// reads null as absent: the default on create and PUT, unchanged on PATCH.
    @Test func nullOptionalFieldsAreNullableInTheDocumentAndAcceptedByTheServer() async throws {
        for (path, method) in [("/unified/webhook", "post"), ("/unified/webhook/{id}", "put"), ("/unified/webhook/{id}", "patch")] {
            let properties = requestSchema(path, method)?["properties"]
            for field in ["interval", "page_max_limit", "fields", "filters", "is_paused"] {
                let declared = types(properties?[field])
                #expect(declared.contains("null"), "\(method) \(path) \(field): \(declared)")
            }
            #expect(!types(properties?["hook_url"]).contains("null") || method == "patch", "\(method) hook_url")
        }
        try await withAPI { api in
            let connectionID = try await api.createConnection()
            let created = try await api.createWebhook(connectionID: connectionID, [("interval", .null), ("page_max_limit", .null)])
            #expect(created.status == 200, "\(created.text)")
            #expect(try created.json().value(atPath: "interval")?.numberValue == 60)
            let id = try #require(try created.json().value(atPath: "id")?.stringValue)
            _ = try await api.send("PATCH", "/unified/webhook/\(id)", json: .object([("interval", .number(5))]))
            let patched = try await api.send("PATCH", "/unified/webhook/\(id)", json: .object([("interval", .null)]))
            let kept = try patched.json().value(atPath: "interval")?.numberValue
            #expect(patched.status == 200 && kept == 5, "\(patched.text)")
            // A null where the document allows none is refused.
            let nullURL = try await api.send("PUT", "/unified/webhook/\(id)", json: .object([("hook_url", .null)]))
            #expect(nullURL.status == 400 && nullURL.errorField == "hook_url", "\(nullURL.text)")
        }
    }

    /// Every property the create and update schemas declare, sent with a value of the wrong JSON type (an object where
    /// a string is declared, a string where a number is…), is refused with 400 naming that property.
    @Test func everyDeclaredPropertyRefusesTheWrongJSONType() async throws {
        try await withAPI { api in
            let connectionID = try await api.createConnection()
            let created = try await api.createWebhook(connectionID: connectionID)
            let webhookID = try #require(try created.json().value(atPath: "id")?.stringValue)
            let connection: [(String, JSONValue)] = [
                ("integration_type", .string("sandbox")), ("auth", .object([("api_url", .string("http://127.0.0.1:9"))])),
            ]
            let webhook: [(String, JSONValue)] = [
                ("connection_id", .string(connectionID)), ("object_type", .string("crm_contact")),
                ("event", .string("updated")), ("hook_url", .string("http://127.0.0.1:9/hook")),
            ]
            let targets: [(String, String, String, [(String, JSONValue)])] = [
                ("POST", "/unified/webhook", "post", webhook), ("PUT", "/unified/webhook/\(webhookID)", "put", webhook),
                ("PATCH", "/unified/webhook/\(webhookID)", "patch", []),
                ("POST", "/unified/connection", "post", connection),
                ("PUT", "/unified/connection/\(connectionID)", "put", connection),
                ("PATCH", "/unified/connection/\(connectionID)", "patch", []),
            ]
            var checked = 0
            for (method, path, key, base) in targets {
                let template = path.replacingOccurrences(of: webhookID, with: "{id}").replacingOccurrences(of: connectionID, with: "{id}")
                guard case let .object(properties)? = requestSchema(template, key)?["properties"] else {
                    Issue.record("no request schema for \(method) \(template)")
                    continue
                }
                for (name, schema) in properties where schema["readOnly"] != .bool(true) {
                    var nested: [(String, JSONValue)] = []
                    if case let .object(inner)? = schema["properties"] { nested = inner }
                    for (field, fieldSchema, wrap) in [(name, schema, false)] + nested.map({ ("\(name).\($0.0)", $0.1, true) }) {
                        guard let wrong = Self.wrongValue(for: types(fieldSchema)) else { continue }
                        var members = base.filter { $0.0 != name }
                        if wrap {
                            var inner: [(String, JSONValue)] = [("api_url", .string("http://127.0.0.1:9"))]
                            let leaf = String(field.dropFirst(name.count + 1))
                            inner.removeAll { $0.0 == leaf }
                            inner.append((leaf, wrong))
                            members.append((name, .object(inner)))
                        } else {
                            members.append((name, wrong))
                        }
                        let response = try await api.send(method, path, json: .object(members))
                        #expect(response.status == 400, "\(method) \(template) \(field) = \(wrong): \(response.status) \(response.text)")
                        #expect(response.errorField == field, "\(method) \(template) \(field) = \(wrong): \(response.text)")
                        checked += 1
                    }
                }
            }
            #expect(checked > 40, "only \(checked) properties checked")
        }
    }

    /// A value of a JSON type none of `types` admits.
    private static func wrongValue(for types: [String]) -> JSONValue? {
        if types.isEmpty { return nil }
        if !types.contains("string") { return .string("1") }
        if !types.contains("object") { return .object([("a", .number(1))]) }
        return .number(1)
    }
}
