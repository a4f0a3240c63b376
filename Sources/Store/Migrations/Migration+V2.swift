extension Migration {
    /// Management-API tokens. Only the SHA-256 of a token is kept (`token_hash`, lowercase hex), so a stolen database
    /// file does not grant API access; the UNIQUE index is what a request's token is looked up by.
    static let v2APITokens = Migration(
        version: 2, name: "api tokens",
        sql: """
            CREATE TABLE api_tokens (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL DEFAULT '',
                token_hash TEXT NOT NULL UNIQUE,
                created_at_us INTEGER NOT NULL,
                last_used_at_us INTEGER
            );
            """)
}
