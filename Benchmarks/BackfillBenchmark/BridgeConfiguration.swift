import Foundation

/// The `vhooks serve` configuration file of a benchmark: connections, webhooks and limits as JSON.
struct BridgeConfiguration {
    var minimumIntervalMinutes: Double
    var workspaceSecret: String
    var connections: [[String: Any]] = []
    var webhooks: [[String: Any]] = []

    /// Writes the file and returns its path.
    func write(to path: String) throws -> String {
        let document: [String: Any] = [
            "min_interval_minutes": minimumIntervalMinutes, "workspace_secret": workspaceSecret,
            "listen": "127.0.0.1:0", "allow_private_targets": true, "connections": connections,
            "webhooks": webhooks,
        ]
        let data = try JSONSerialization.data(withJSONObject: document)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }
}
