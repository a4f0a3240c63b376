/// One polled stream: a (connection, object) pair, shared by every webhook on it.
public struct StreamKey: Sendable, Hashable, Codable, CustomStringConvertible {
    public var connectionID: String
    public var objectType: String

    public init(connectionID: String, objectType: String) {
        self.connectionID = connectionID
        self.objectType = objectType
    }

    public var description: String { "\(connectionID)/\(objectType)" }
}
