import NIOConcurrencyHelpers

/// Tells subscribers what each store write changed (``StoreChange``), the moment it commits.
///
/// Handlers run synchronously on the writing thread (the store's), in subscription order, so they must only note
/// the change and signal their own worker; they never call back into the store. A change from before a subscription
/// is not replayed: subscribe first, then read the current state.
public final class ChangeFeed: Sendable {
    /// A registration to pass to ``unsubscribe(_:)``.
    public struct Subscription: Sendable, Hashable {
        fileprivate let id: UInt64
    }

    private struct State {
        var nextID: UInt64 = 0
        var handlers: [(id: UInt64, handler: @Sendable (StoreChange) -> Void)] = []
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    /// Calls `handler` with every change published from now on, until ``unsubscribe(_:)``.
    public func subscribe(_ handler: @escaping @Sendable (StoreChange) -> Void) -> Subscription {
        state.withLockedValue { state in
            state.nextID &+= 1
            state.handlers.append((state.nextID, handler))
            return Subscription(id: state.nextID)
        }
    }

    /// Stops calling the subscription's handler (a publish already under way may still call it once).
    public func unsubscribe(_ subscription: Subscription) {
        state.withLockedValue { $0.handlers.removeAll { $0.id == subscription.id } }
    }

    /// Hands `change` to every current subscriber.
    func publish(_ change: StoreChange) {
        for (_, handler) in state.withLockedValue({ $0.handlers }) { handler(change) }
    }

    /// How many subscribers listen (tests wait for a service to have subscribed before changing the store).
    public var subscriberCount: Int { state.withLockedValue { $0.handlers.count } }
}
