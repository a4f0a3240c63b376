/// One delivery step at a time per webhook, whether it comes from the service's loop or from
/// ``Emitter/deliverPending(webhookID:)``, so two passes never build or send the same queue head concurrently.
actor WebhookLocks {
    private var held: Set<String> = []
    private var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]

    func acquire(_ webhookID: String) async {
        guard held.contains(webhookID) else {
            held.insert(webhookID)
            return
        }
        await withCheckedContinuation { waiters[webhookID, default: []].append($0) }
    }

    /// Hands the lock to the next waiter, in arrival order, or frees it.
    func release(_ webhookID: String) {
        if var queue = waiters[webhookID], !queue.isEmpty {
            let next = queue.removeFirst()
            waiters[webhookID] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            held.remove(webhookID)
        }
    }
}
