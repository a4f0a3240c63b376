import TestSupport

/// The project's signature vectors, read as they are from `shared/vectors/signatures.json`. Every vector is checked
/// by `SignatureVectorTests`; a missing file fails those tests with a message saying where it was looked for.
var signatureVectorsJSON: String {
    get throws { try sharedSignatureVectors() }
}
