import Testing

@testable import Store

/// A webhook's message-id salt is written when the webhook is created and never changed afterwards (a new salt
/// would give the messages already in flight new `webhook-id`s).
@Suite struct StoreWebhookSaltTests {
    @Test func theSaltIsStoredOnCreationAndKeptByUpdates() async throws {
        try await StoreFixtures.withStore { store, _ in
            var webhook = StoreFixtures.webhook(id: "w1")
            webhook.idSalt = RandomID.messageIDSalt()
            try await store.saveWebhook(webhook)
            #expect(try await store.webhook(id: "w1") == webhook)

            var edited = webhook
            edited.hookURL = "http://127.0.0.1:1/changed"
            edited.idSalt = RandomID.messageIDSalt()
            try await store.saveWebhook(edited)
            let stored = try #require(try await store.webhook(id: "w1"))
            #expect(stored.hookURL == edited.hookURL)
            #expect(stored.idSalt == webhook.idSalt, "an update changed the salt to \(stored.idSalt)")
        }
    }
}
