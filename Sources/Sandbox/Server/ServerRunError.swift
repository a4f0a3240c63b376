/// Why a sandbox server is not (or no longer) serving, with the server's name and requested address.
public struct ServerRunError: Error, Sendable, CustomStringConvertible {
    /// What happened to the server.
    public enum Reason: Sendable, Equatable {
        /// `run()` was called a second time; each server runs once.
        case alreadyStarted
        /// The server could not start or stopped with an error (bind failure, for instance).
        case failed(String)
        /// The server ran and has stopped.
        case stopped
    }

    /// `sandbox provider` or `recording subscriber`.
    public var server: String
    /// The `host:port` the server was asked to bind.
    public var address: String
    /// What happened.
    public var reason: Reason

    public var description: String {
        switch reason {
        case .alreadyStarted: return "\(server) on \(address) was already started; a server runs once"
        case let .failed(message): return "\(server) on \(address) failed: \(message)"
        case .stopped: return "\(server) on \(address) has stopped"
        }
    }
}
