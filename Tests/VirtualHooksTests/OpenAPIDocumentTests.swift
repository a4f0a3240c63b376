import Foundation
import Store
import TestSupport
import Testing
import VirtualHooks

/// The OpenAPI document is the API's contract: it must be valid OpenAPI 3.1, list exactly the routes the server
/// registers, and be what `/openapi.json` serves.
@Suite struct OpenAPIDocumentTests {
    private static let methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]

    private func document() throws -> JSONValue {
        try Array(OpenAPIDocument.json.utf8).withUnsafeBytes { try JSONParser.parse($0) }
    }

    /// Every (method, path) the document describes.
    private func documentedRoutes() throws -> Set<APIRoute> {
        guard case let .object(paths)? = try document()["paths"] else {
            Issue.record("the document has no paths object")
            return []
        }
        var routes = Set<APIRoute>()
        for (path, item) in paths {
            guard case let .object(members) = item else { continue }
            for (key, _) in members where Self.methods.contains(key) {
                routes.insert(APIRoute(key.uppercased(), path))
            }
        }
        return routes
    }

    @Test func everyRegisteredRouteIsDocumentedAndNothingElse() throws {
        let documented = try documentedRoutes()
        let registered = Set(ManagementAPI.routes)
        #expect(registered.count == ManagementAPI.routes.count, "a route is registered twice")
        let undocumented = registered.subtracting(documented).map(\.description).sorted()
        let unserved = documented.subtracting(registered).map(\.description).sorted()
        #expect(undocumented.isEmpty, "registered but not in the OpenAPI document: \(undocumented)")
        #expect(unserved.isEmpty, "in the OpenAPI document but not served: \(unserved)")
    }

    /// Structural rules checked without Python, so they hold even where the validator cannot be installed: version,
    /// unique operation ids, a response on every operation, and every `$ref` resolving inside the document.
    @Test func documentIsSelfConsistent() throws {
        let document = try document()
        #expect(document["openapi"]?.stringValue == "3.1.0")
        var operationIDs: [String] = []
        var references: [String] = []
        func walk(_ value: JSONValue) {
            switch value {
            case let .object(members):
                for (key, member) in members {
                    if key == "$ref", let text = member.stringValue { references.append(text) }
                    walk(member)
                }
            case let .array(items): items.forEach(walk)
            default: break
            }
        }
        walk(document)
        if case let .object(paths)? = document["paths"] {
            for (path, item) in paths {
                guard case let .object(members) = item else { continue }
                for (method, operation) in members where Self.methods.contains(method) {
                    let id = operation["operationId"]?.stringValue
                    #expect(id != nil, "\(method) \(path) has no operationId")
                    operationIDs.append(id ?? "")
                    #expect(operation["responses"]?["200"] != nil, "\(method) \(path) documents no 200 response")
                }
            }
        }
        #expect(Set(operationIDs).count == operationIDs.count, "duplicate operationId")
        for reference in Set(references) {
            #expect(reference.hasPrefix("#/"), "external reference \(reference)")
            let target = reference.dropFirst(2).split(separator: "/").reduce(Optional(document)) { node, key in
                node?[String(key)]
            }
            #expect(target != nil, "\(reference) does not resolve")
        }
    }

    @Test(.enabled(if: SDKVirtualenv.isReady, Comment(rawValue: SDKVirtualenv.skipReason)))
    func documentIsValidOpenAPI31() async throws {
        try await withTemporaryDirectory(prefix: "openapi") { dir in
            let path = dir.path("openapi.json")
            try Data(OpenAPIDocument.json.utf8).write(to: URL(fileURLWithPath: path))
            let result = try await SDKVirtualenv.run(
                ["-c", "import sys; from openapi_spec_validator import validate; from openapi_spec_validator.readers "
                    + "import read_from_filename; validate(read_from_filename(sys.argv[1])[0]); print('valid')", path],
                timeout: .seconds(120))
            #expect(result.status == 0, "openapi-spec-validator: \(result.output)")
            #expect(result.output.contains("valid"))
        }
    }

    @Test func servedAtOpenAPIJSONWithoutAToken() async throws {
        try await withAPI { api in
            let response = try await api.send("GET", "/openapi.json", authorization: .none)
            #expect(response.status == 200)
            #expect(response.headers["content-type"]?.hasPrefix("application/json") == true)
            #expect(response.text == OpenAPIDocument.json)
        }
    }
}
