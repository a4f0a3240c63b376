import NIOConcurrencyHelpers

/// Carries the demo's verdict out of the service group (a failed signature check makes `vhooks demo` exit 1).
final class DemoOutcomeBox: Sendable {
    private let box = NIOLockedValueBox<String?>(nil)

    var failure: String? { box.withLockedValue { $0 } }

    func set(_ failure: String?) { box.withLockedValue { $0 = failure } }
}
