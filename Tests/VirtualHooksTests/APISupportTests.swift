import Emitter
import Foundation
import Pollers
import Store
import TestSupport
import Testing
import VirtualHooks

/// A running application with its management API on a free loopback port, a temporary store and one API token.
struct APIHarness: Sendable {
    let app: Application
    let port: Int
    let token: String

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Sends a request with the harness token (or `authorization` as given; `nil` sends none).
    func send(
        _ method: String, _ path: String, json: JSONValue? = nil, raw: [UInt8]? = nil,
        authorization: String?? = .some(nil)
    ) async throws -> TestHTTPResponse {
        var headers: [String: String] = [:]
        switch authorization {
        case .none: break
        case .some(.none): headers["authorization"] = token
        case let .some(.some(value)): headers["authorization"] = value
        }
        var body = raw
        if let json { body = JSWriter.serialize(json) }
        if body != nil { headers["content-type"] = "application/json" }
        return try await TestHTTP.send(method, url(path), headers: headers, body: body)
    }

    /// Creates a sandbox connection and returns its id.
    func createConnection(apiURL: String = "http://127.0.0.1:9") async throws -> String {
        let response = try await send(
            "POST", "/unified/connection",
            json: .object([
                ("integration_type", .string("sandbox")),
                ("auth", .object([("api_url", .string(apiURL)), ("token", .string("secret-token"))])),
                ("categories", .array([.string("crm")])),
            ]))
        #expect(response.status == 200, "\(response.text)")
        return try #require(try response.json().value(atPath: "id")?.stringValue)
    }

    /// Creates a webhook from `members` merged over sensible defaults and returns the response.
    func createWebhook(
        connectionID: String, hookURL: String = "http://127.0.0.1:9/hook", includeAll: Bool = false,
        _ extra: [(String, JSONValue)] = []
    ) async throws -> TestHTTPResponse {
        var members: [(String, JSONValue)] = [
            ("connection_id", .string(connectionID)), ("object_type", .string("crm_contact")),
            ("event", .string("updated")), ("environment", .string("Production")), ("hook_url", .string(hookURL)),
            ("interval", .number(60)),
        ]
        for (key, value) in extra {
            members.removeAll { $0.0 == key }
            members.append((key, value))
        }
        return try await send(
            "POST", "/unified/webhook" + (includeAll ? "?include_all=true" : ""), json: .object(members))
    }
}

/// Runs `body` against a fresh application with the management API listening on 127.0.0.1:0, on a new store or on
/// `database`.
func withAPI<Result>(
    allowPrivateTargets: Bool = true, minimumInterval: Double = 1,
    polling: PollerConfiguration = PollerConfiguration(), delivery: EmitterConfiguration? = nil,
    database: String? = nil,
    _ body: (APIHarness) async throws -> Result
) async throws -> Result {
    try await withTemporaryDirectory(prefix: "api") { dir in
        var configuration = ServeConfiguration()
        configuration.database = database ?? dir.path("vhooks.db")
        configuration.minimumIntervalMinutes = minimumInterval
        configuration.workspaceSecret = "api-test-secret"
        configuration.listen = ListenAddress(host: "127.0.0.1", port: 0)
        configuration.allowPrivateTargets = allowPrivateTargets
        var deliveryConfiguration = delivery ?? EmitterConfiguration()
        if delivery == nil { deliveryConfiguration.batchWait = .milliseconds(20) }
        let app = try await Application(
            configuration: configuration, catalog: .builtin(), polling: polling, delivery: deliveryConfiguration,
            logger: .test("api"))
        let token = try await app.store.createAPIToken(name: "test")
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            defer { group.cancelAll() }
            let port = try await app.waitUntilListening()
            return try await body(APIHarness(app: app, port: port, token: token))
        }
    }
}

extension TestHTTPResponse {
    /// The `field` of an error body.
    var errorField: String? { (try? json())?.value(atPath: "field")?.stringValue }
}

@Suite struct APISupportTests {
    @Test func listenAddressesParse() {
        #expect(ListenAddress("127.0.0.1:8080") == ListenAddress(host: "127.0.0.1", port: 8080))
        #expect(ListenAddress("[::1]:0") == ListenAddress(host: "::1", port: 0))
        #expect(ListenAddress("localhost") == nil)
        #expect(ListenAddress(":80") == nil)
        #expect(ListenAddress("host:70000") == nil)
        #expect(ListenAddress("[::1]:9").map(String.init(describing:)) == "[::1]:9")
    }

    @Test func configurationFileReadsListenAndPrivateTargets() throws {
        let catalog = ConnectorCatalog.builtin()
        let plain = try ServeConfiguration.parse(Array("{}".utf8), file: "c.json", catalog: catalog)
        #expect(plain.listen == ListenAddress.defaultAddress)
        #expect(!plain.allowPrivateTargets)
        let set = try ServeConfiguration.parse(
            Array(#"{"listen": "0.0.0.0:9000", "allow_private_targets": true}"#.utf8), file: "c.json",
            catalog: catalog)
        #expect(set.listen == ListenAddress(host: "0.0.0.0", port: 9000))
        #expect(set.allowPrivateTargets)
        #expect {
            try ServeConfiguration.parse(Array("{\n\"listen\": \"nope\"}".utf8), file: "c.json", catalog: catalog)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.field == "listen" && error.line == 2
        }
    }

    @Test func healthAndReadyNeedNoTokenAndEverythingElseDoes() async throws {
        try await withAPI { api in
            for path in ["/health", "/ready"] {
                let response = try await api.send("GET", path, authorization: .none)
                #expect(response.status == 200)
                #expect(response.text == #"{"status":"ok"}"#)
            }
            for authorization: String?? in [.none, .some("vh_0000000000000000000000000000000000000000"), .some("bearer nope")] {
                for path in ["/unified/webhook", "/unified/connection"] {
                    let response = try await api.send("GET", path, authorization: authorization)
                    #expect(response.status == 401)
                    #expect(try response.json().value(atPath: "message") != nil)
                }
            }
            for authorization in [api.token, "bearer \(api.token)", "Bearer  \(api.token) "] {
                let response = try await api.send("GET", "/unified/webhook", authorization: .some(authorization))
                #expect(response.status == 200)
                #expect(response.text == "[]")
                #expect(response.header("content-type")?.hasPrefix("application/json") == true)
            }
            #expect(try await api.send("GET", "/nope").status == 404)
            let wrongMethod = try await api.send("POST", "/unified/webhook/abc")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.header("allow") == "GET, PUT, PATCH, DELETE")
        }
    }

    /// Every route the router serves is behind the token except the three open ones, whatever its method; an
    /// unknown path is a JSON 404, a known path with another method a JSON 405 with `Allow`, and an encoded id is
    /// decoded before lookup.
    @Test func everyDeclaredRouteIsGuardedExceptTheOpenOnes() async throws {
        let open: Set<String> = ["/health", "/ready", "/openapi.json"]
        try await withAPI { api in
            for route in ManagementAPI.routes {
                let path = route.path.replacingOccurrences(of: "{id}", with: "nope")
                let response = try await api.send(route.method, path, authorization: .none)
                if open.contains(route.path) {
                    #expect(response.status == 200, "\(route)")
                } else {
                    #expect(response.status == 401, "\(route)")
                    #expect(try response.json().value(atPath: "message") != nil, "\(route)")
                }
            }
            let unknown = try await api.send("GET", "/unified/nothing/here")
            #expect(unknown.status == 404)
            #expect(try unknown.json().value(atPath: "message")?.stringValue == "no route for /unified/nothing/here")
            let wrongOpen = try await api.send("DELETE", "/health", authorization: .none)
            #expect(wrongOpen.status == 405)
            #expect(wrongOpen.header("allow") == "GET")
            #expect(try wrongOpen.json().value(atPath: "message") != nil)
            let trigger = try await api.send("POST", "/unified/webhook/abc/trigger")
            #expect(trigger.status == 405)
            #expect(trigger.header("allow") == "PUT, PATCH")
            let encoded = try await api.send("GET", "/unified/webhook/no%20such")
            #expect(encoded.status == 404)
            #expect(try encoded.json().value(atPath: "message")?.stringValue == "no webhook 'no such'")
        }
    }

    @Test func theStandardWebhooksSecretIsReadableButNeverInTheWebhookObject() async throws {
        try await withAPI { api in
            let connectionID = try await api.createConnection()
            let created = try await api.createWebhook(connectionID: connectionID)
            let id = try #require(try created.json().value(atPath: "id")?.stringValue)
            #expect(!created.text.contains("whsec_"))
            let secret = try await api.send("GET", "/virtualhooks/webhook/\(id)/secret")
            #expect(secret.status == 200)
            let key = try #require(try secret.json().value(atPath: "key")?.stringValue)
            #expect(key.hasPrefix("whsec_") && key.count > 30)
            #expect(try await api.app.store.webhook(id: id)?.secret == key)
            #expect(try await api.send("GET", "/virtualhooks/webhook/nope/secret").status == 404)
            #expect(try await api.send("GET", "/virtualhooks/webhook/\(id)/secret", authorization: .none).status == 401)
            #expect(!(try await api.send("GET", "/unified/webhook/\(id)").text.contains("whsec_")))
        }
    }
}

@Suite struct APIDisabledTests {
    @Test func anApplicationWithoutListenAddressHasNoAPI() async throws {
        try await withTemporaryDirectory(prefix: "api") { dir in
            var configuration = ServeConfiguration()
            configuration.database = dir.path("vhooks.db")
            let app = try await Application(configuration: configuration, catalog: .builtin(), logger: .test("api"))
            await #expect(throws: ManagementServerError.self) { try await app.waitUntilListening() }
            await app.store.close()
        }
    }
}
