/// The fields of a connection that a management API request body and a configuration file entry both set, as
/// ``ConnectionRules`` read and checked them. `nil` means absent (or `null`).
struct ConnectionDefinition: Hashable, Sendable {
    var integrationType: String?
    var apiURL: String?
    var token: String?
    var categories: [String]?
    var permissions: [String]?
    var isPaused: Bool?
    /// Taken on create only (default `"Production"`); held to its type on update.
    var environment: String?
    var externalXref: String?
    var integrationName: String?
    var authName: String?
    var authEmails: [String]?
}
