import CurlHTTP
import Logging
import Store

/// What every deliverer shares: the store, the HTTP client, settings, the clock, the logger and the observer.
struct DeliveryContext: Sendable {
    let store: Store
    let client: any HTTPClient
    let configuration: EmitterConfiguration
    let clock: any EmitterClock
    let logger: Logger
    let observer: (@Sendable (DeliveryReport) -> Void)?
}
