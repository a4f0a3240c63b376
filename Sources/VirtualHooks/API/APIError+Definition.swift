extension APIError {
    /// A definition rule's error as the 400 the management API sends: the message led by the field, and the field.
    init(_ error: DefinitionError) {
        self = .badRequest(error.description, field: error.field)
    }
}
