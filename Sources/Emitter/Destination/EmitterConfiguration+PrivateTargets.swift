extension EmitterConfiguration {
    /// This configuration with private targets allowed when either it or `allowed` (a server setting such as the
    /// configuration file's `allow_private_targets`) allows them; never turns an allowance off.
    public func allowingPrivateTargets(_ allowed: Bool) -> EmitterConfiguration {
        var copy = self
        copy.allowPrivateTargets = allowPrivateTargets || allowed
        return copy
    }
}
