/// The management API is not listening: it was not configured, failed to bind, or has stopped.
public struct ManagementServerError: Error, CustomStringConvertible {
    /// What happened, naming the address.
    public var reason: String
    /// Same as ``reason``.
    public var description: String { reason }
}
