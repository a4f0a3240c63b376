import ArgumentParser
import Foundation
import Store

/// Where the management API is and how to authenticate, shared by `vhooks webhook …` and `vhooks connection …`.
struct APIOptions: ParsableArguments {
    static let defaultBaseURL = "http://127.0.0.1:8080"

    @Option(
        name: .customLong("api"),
        help: "Base URL of `vhooks serve`'s API (default: $VHOOKS_API, else \(defaultBaseURL)).")
    var api: String?

    @Option(help: "API token from `vhooks token create` (default: $VHOOKS_TOKEN).")
    var token: String?

    @Flag(help: "Print the server's JSON instead of a table.")
    var json = false

    @OptionGroup var logging: LoggingOptions

    /// The base URL in force: the option, then the environment, then the default.
    var baseURL: String {
        api ?? Self.environment("VHOOKS_API") ?? Self.defaultBaseURL
    }

    /// The token in force: the option, then the environment.
    var resolvedToken: String? {
        token ?? Self.environment("VHOOKS_TOKEN")
    }

    /// A non-empty environment variable (an empty one counts as unset).
    private static func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    func validate() throws {
        let url = baseURL.lowercased()
        guard url.hasPrefix("http://") || url.hasPrefix("https://"), URL(string: baseURL)?.host != nil else {
            throw ValidationError(
                "the API URL must be an http(s) URL such as \(Self.defaultBaseURL), got \"\(baseURL)\"")
        }
        guard let token = resolvedToken else {
            throw ValidationError(
                "an API token is needed: pass --token or set VHOOKS_TOKEN (see `vhooks token create`)")
        }
        guard !token.contains(where: { $0.isNewline || $0 == "\0" }) else {
            throw ValidationError("the API token must be a single line")
        }
    }

    /// Runs `body` with a client for the API in force.
    func withClient<Result>(_ body: (APIClient) async throws -> Result) async throws -> Result {
        let logger = logging.makeLogger("vhooks")
        return try await APIClient.with(baseURL: baseURL, token: resolvedToken, logger: logger, body)
    }

    /// Prints the raw body with `--json`, else `table` of the parsed value.
    func output(_ response: (value: JSONValue, bytes: [UInt8]), table: (JSONValue) -> String) {
        if json {
            print(String(decoding: response.bytes, as: UTF8.self))
        } else {
            print(table(response.value), terminator: "")
        }
    }
}
