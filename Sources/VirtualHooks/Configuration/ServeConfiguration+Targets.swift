import CurlHTTP

extension ServeConfiguration {
    /// Applies the API's save-time SSRF rule to what the file declares, after command-line overrides (so
    /// `--allow-private-targets` counts): every connection's `api_url` and webhook's `hook_url` must be an http(s)
    /// URL and, unless private targets are allowed, not point at a private, loopback, link-local or reserved address.
    /// Declarations are otherwise trusted more than API input; this keeps a file from saving what the API refuses.
    /// - Parameter file: names the file in the error.
    /// - Throws: ``ConfigurationError`` naming the first refused field (without a line: overrides are not in it).
    public func validateTargets(file: String) throws(ConfigurationError) {
        let guardrail = DestinationGuard(allowPrivateTargets: allowPrivateTargets)
        let targets =
            connections.enumerated().map { ("connections[\($0.offset)].api_url", $0.element.apiURL) }
            + webhooks.enumerated().map { ("webhooks[\($0.offset)].hook_url", $0.element.hookURL) }
        for (field, url) in targets {
            guard let rejection = guardrail.validate(url: url) else { continue }
            let hint =
                rejection.kind == .refused
                ? " (set \"allow_private_targets\": true or pass --allow-private-targets for local receivers)" : ""
            throw ConfigurationError(file: file, field: field, line: nil, message: "\(rejection.reason)\(hint)")
        }
    }
}
