import CurlHTTP

/// The save-time rule for `hook_url` and `auth.api_url` (delivery.md §12, the part decidable without DNS): the
/// HTTP client's ``DestinationGuard`` check, worded for an API client. Deliveries and polls check the resolved
/// address again before they connect, so a host name that later resolves to a private address is still refused.
struct TargetURLRule {
    var allowPrivateTargets: Bool

    /// `nil` when `url` may be saved, else a sentence starting with the field name saying why not.
    func problem(with url: String, field: String) -> String? {
        reason(against: url).map { "\(field) \($0)" }
    }

    /// `nil` when `url` may be saved, else why not, worded to follow the field's name ("must be an http:// …").
    func reason(against url: String) -> String? {
        guard let rejection = DestinationGuard(allowPrivateTargets: allowPrivateTargets).validate(url: url) else {
            return nil
        }
        switch rejection.kind {
        case .refused:
            return "is refused: \(rejection.reason) (\(DestinationRejection.privateTargetsHint))"
        default:
            return "must be an http:// or https:// URL: \(rejection.reason)"
        }
    }
}
