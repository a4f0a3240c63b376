import Store

/// The OpenAPI 3.1 description of the management API, served at `/openapi.json` and compiled into the binary.
///
/// Kept by hand next to the routes and the validators: every constraint a request's shape must meet (type, null,
/// minimum, maximum, enum, pattern, required, read-only on update) is stated, so schema-driven clients and the
/// schemathesis run in the tests see exactly what the server accepts. `OpenAPIDocumentTests` checks that it is valid
/// OpenAPI 3.1 and names exactly the routes the server registers; `APISchemaAgreementTests` that server and document
/// agree.
public enum OpenAPIDocument {
    /// The document for the default settings (interval minimum 1 minute, 1 MiB bodies).
    public static let json = json(minimumIntervalMinutes: 1, maximumBodyBytes: 1 << 20)

    /// The document for a server's own limits: the interval minimum and the body limit it enforces.
    public static func json(minimumIntervalMinutes: Double, maximumBodyBytes: Int) -> String {
        #"""
{
  "openapi": "3.1.0",
  "info": {"title": "VirtualHooks management API", "version": "0.2.0", "description": "Unified.to-compatible webhook and connection management: code written against Unified's API and SDKs works when pointed at `vhooks serve`. Every constraint the server enforces on a request's shape is stated here; what depends on stored state (an existing connection, the object types and filters its connector supports, the fixed fields of a webhook) is described and refused with 400 naming the field. Every 4xx carries the Error body."},
  "servers": [{"url": "http://127.0.0.1:8080"}],
  "security": [{"apiKey": []}],
  "paths": {
    "/health": {
      "get": {"operationId": "health", "summary": "Liveness", "security": [], "responses": {"200": {"description": "Alive", "content": {"application/json": {"schema": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}}}}}}}
    },
    "/ready": {
      "get": {"operationId": "ready", "summary": "Readiness (the store answers)", "security": [], "responses": {"200": {"description": "Ready", "content": {"application/json": {"schema": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}}}}}, "503": {"description": "The store does not answer", "content": {"application/json": {"schema": {"type": "object", "required": ["status", "error"], "properties": {"status": {"type": "string"}, "error": {"type": "string"}}}}}}}}
    },
    "/openapi.json": {
      "get": {"operationId": "openapi", "summary": "This document", "security": [], "responses": {"200": {"description": "OpenAPI 3.1 document", "content": {"application/json": {"schema": {"type": "object"}}}}}}
    },
    "/unified/webhook": {
      "get": {"operationId": "listUnifiedWebhooks", "summary": "List webhooks", "parameters": [{"name": "limit", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 100}, "description": "Page size (an integral float such as 100.0 is accepted)."}, {"name": "offset", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 0, "maximum": 1000000000, "default": 0}, "description": "Items to skip (an integral float such as 0.0 is accepted)."}, {"name": "updated_gte", "in": "query", "required": false, "schema": {"type": "string", "format": "date-time"}, "description": "Only items updated at or after this ISO-8601 date-time."}, {"name": "sort", "in": "query", "required": false, "schema": {"type": "string", "enum": ["updated_at", "created_at", "name"], "default": "created_at"}}, {"name": "order", "in": "query", "required": false, "schema": {"type": "string", "enum": ["asc", "desc"], "default": "asc"}}, {"name": "env", "in": "query", "required": false, "schema": {"type": "string"}, "description": "Only items in this environment (an empty value means no filter)."}, {"name": "object", "in": "query", "required": false, "schema": {"type": "string"}, "description": "Only webhooks on this object_type (an empty value means no filter)."}, {"name": "connection_id", "in": "query", "required": false, "schema": {"type": "string"}, "description": "Only webhooks of this connection (an empty value means no filter)."}, {"name": "created_lte", "in": "query", "required": false, "schema": {"type": "string", "format": "date-time"}, "description": "Only webhooks created at or before this ISO-8601 date-time."}, {"name": "is_healthy", "in": "query", "required": false, "schema": {"type": "boolean"}, "description": "true or false; omit to list both."}, {"name": "integration_type", "in": "query", "required": false, "schema": {"type": "string"}, "description": "Only webhooks whose connection uses this connector (an empty value means no filter)."}], "responses": {"200": {"description": "Webhooks (a bare array)", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Webhook"}}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
      "post": {"operationId": "createUnifiedWebhook", "summary": "Create a webhook subscription", "parameters": [{"name": "include_all", "in": "query", "required": false, "schema": {"type": "boolean"}, "description": "Send every existing record first (INITIAL-PARTIAL pages, then INITIAL-COMPLETE)."}], "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WebhookCreate"}}}}, "responses": {"200": {"description": "The created webhook", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Webhook"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "413": {"$ref": "#/components/responses/ContentTooLarge"}}}
    },
    "/unified/webhook/{id}": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "get": {"operationId": "getUnifiedWebhook", "summary": "Retrieve a webhook", "responses": {"200": {"description": "The webhook", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Webhook"}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}}},
      "put": {"operationId": "updateUnifiedWebhook", "summary": "Replace a webhook's writable fields (absent or null optional fields return to their defaults)", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WebhookReplace"}}}}, "responses": {"200": {"description": "The webhook", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Webhook"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}, "413": {"$ref": "#/components/responses/ContentTooLarge"}}},
      "patch": {"operationId": "patchUnifiedWebhook", "summary": "Update a webhook (absent or null fields stay as they are)", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WebhookUpdate"}}}}, "responses": {"200": {"description": "The webhook", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Webhook"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}, "413": {"$ref": "#/components/responses/ContentTooLarge"}}},
      "delete": {"operationId": "removeUnifiedWebhook", "summary": "Remove a webhook (deliveries stop)", "responses": {"200": {"description": "Removed (empty body)"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}}}
    },
    "/unified/webhook/{id}/trigger": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "put": {"operationId": "updateUnifiedWebhookTrigger", "summary": "Poll the webhook's stream now", "responses": {"200": {"description": "Triggered (empty body)"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}}},
      "patch": {"operationId": "patchUnifiedWebhookTrigger", "summary": "Poll the webhook's stream now", "responses": {"200": {"description": "Triggered (empty body)"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}}}
    },
    "/unified/webhook/{id}/resume": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "put": {"operationId": "updateUnifiedWebhookResume", "summary": "Make an unhealthy webhook healthy again; what accumulated is delivered", "responses": {"200": {"description": "The webhook", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Webhook"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}}},
      "patch": {"operationId": "patchUnifiedWebhookResume", "summary": "Make an unhealthy webhook healthy again; what accumulated is delivered", "responses": {"200": {"description": "The webhook", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Webhook"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}}}
    },
    "/virtualhooks/webhook/{id}/secret": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "get": {"operationId": "getWebhookSecret", "summary": "The webhook's Standard Webhooks signing secret (Unified's object has none), for verifying webhook-signature", "responses": {"200": {"description": "The secret", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WebhookSecret"}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}}}
    },
    "/unified/connection": {
      "get": {"operationId": "listUnifiedConnections", "summary": "List connections", "parameters": [{"name": "limit", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 100}, "description": "Page size (an integral float such as 100.0 is accepted)."}, {"name": "offset", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 0, "maximum": 1000000000, "default": 0}, "description": "Items to skip (an integral float such as 0.0 is accepted)."}, {"name": "updated_gte", "in": "query", "required": false, "schema": {"type": "string", "format": "date-time"}, "description": "Only items updated at or after this ISO-8601 date-time."}, {"name": "sort", "in": "query", "required": false, "schema": {"type": "string", "enum": ["updated_at", "created_at", "name"], "default": "created_at"}}, {"name": "order", "in": "query", "required": false, "schema": {"type": "string", "enum": ["asc", "desc"], "default": "asc"}}, {"name": "env", "in": "query", "required": false, "schema": {"type": "string"}, "description": "Only items in this environment (an empty value means no filter)."}, {"name": "categories", "in": "query", "required": false, "schema": {"type": "string"}, "description": "Comma-separated categories; connections in any of them (an empty value means no filter)."}, {"name": "external_xref", "in": "query", "required": false, "schema": {"type": "string"}, "description": "Only connections with this external_xref (an empty value means no filter)."}], "responses": {"200": {"description": "Connections (a bare array)", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Connection"}}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}}},
      "post": {"operationId": "createUnifiedConnection", "summary": "Create a connection", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ConnectionCreate"}}}}, "responses": {"200": {"description": "The created connection", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Connection"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "413": {"$ref": "#/components/responses/ContentTooLarge"}}}
    },
    "/unified/connection/{id}": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "get": {"operationId": "getUnifiedConnection", "summary": "Retrieve a connection", "responses": {"200": {"description": "The connection", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Connection"}}}}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}}},
      "put": {"operationId": "updateUnifiedConnection", "summary": "Replace a connection's writable fields (absent or null optional fields return to their defaults)", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ConnectionReplace"}}}}, "responses": {"200": {"description": "The connection", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Connection"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}, "413": {"$ref": "#/components/responses/ContentTooLarge"}}},
      "patch": {"operationId": "patchUnifiedConnection", "summary": "Update a connection (absent or null fields stay as they are)", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ConnectionUpdate"}}}}, "responses": {"200": {"description": "The connection", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Connection"}}}}, "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}, "413": {"$ref": "#/components/responses/ContentTooLarge"}}},
      "delete": {"operationId": "removeUnifiedConnection", "summary": "Remove a connection and its webhooks", "responses": {"200": {"description": "Removed (empty body)"}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}}}
    }
  },
  "components": {
    "securitySchemes": {"apiKey": {"type": "apiKey", "in": "header", "name": "authorization", "description": "An API token from `vhooks token create`, with or without a `bearer ` prefix."}},
    "responses": {
      "BadRequest": {"description": "Bad input: the field at fault is named.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "Unauthorized": {"description": "Missing or invalid API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "NotFound": {"description": "No such id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
      "ContentTooLarge": {"description": "The request body is larger than the server accepts (\#(maximumBodyBytes) bytes).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "schemas": {
      "Webhook": {"type": "object", "description": "A webhook subscription as the server returns it.", "required": ["id", "created_at", "updated_at", "workspace_id", "connection_id", "hook_url", "object_type", "event", "interval", "filters", "page_max_limit", "is_healthy", "is_paused", "environment", "webhook_type", "is_beta", "runs"], "properties": {
        "id": {"type": "string", "description": "24 lowercase hex characters, server-generated."},
        "created_at": {"type": "string", "format": "date-time"},
        "updated_at": {"type": "string", "format": "date-time"},
        "workspace_id": {"type": "string"},
        "connection_id": {"type": "string"},
        "hook_url": {"type": "string"},
        "object_type": {"type": "string", "examples": ["crm_contact"]},
        "event": {"type": "string", "enum": ["created", "updated", "deleted"]},
        "interval": {"type": "number"},
        "fields": {"type": "string"},
        "filters": {"type": "object", "additionalProperties": {"type": "string"}},
        "page_max_limit": {"type": "integer"},
        "is_healthy": {"type": "boolean"},
        "unhealthy_reason": {"type": "string", "description": "VirtualHooks extension, not in Unified's API: why the webhook is unhealthy (hook_url refused by the destination rule, retries exhausted, disabled by the receiver). Present only while is_healthy is false."},
        "is_paused": {"type": "boolean"},
        "environment": {"type": "string"},
        "webhook_type": {"type": "string", "enum": ["virtual", "native"]},
        "integration_type": {"type": "string"},
        "checked_at": {"type": "string", "format": "date-time"},
        "is_beta": {"type": "boolean"},
        "db_type": {"type": "string", "enum": ["mongodb", "mysql", "postgres", "mssql", "mariadb", "supabase", "snowflake"], "description": "Stored and echoed; no effect."},
        "db_url": {"type": "string", "description": "Stored and echoed; no effect."},
        "db_schema": {"type": "string", "description": "Stored and echoed; no effect."},
        "db_name_prefix": {"type": "string", "description": "Stored and echoed; no effect."},
        "runs": {"type": "array", "items": {"type": "string"}, "description": "Most recent runs, newest first: \"<time> <status> <records>\"."}
      }},
      "WebhookCreate": {"type": "object", "description": "POST body. Unknown members and the response's read-only members are ignored.", "required": ["connection_id", "object_type", "event", "hook_url"], "properties": {
        "connection_id": {"type": "string", "minLength": 1, "description": "An existing connection (400 names connection_id otherwise)."},
        "object_type": {"type": "string", "minLength": 1, "examples": ["crm_contact"], "description": "An object the connection's connector lists (400 names object_type otherwise)."},
        "event": {"type": "string", "enum": ["created", "updated"], "description": "deleted is refused: no connector detects deletions yet."},
        "environment": {"type": ["string", "null"], "default": "Production"},
        "webhook_type": {"type": ["string", "null"], "enum": ["virtual", null], "description": "native is refused: no connector has native webhooks yet."},
        "hook_url": {"type": "string", "pattern": "\#(urlPattern)", "description": "Where payloads are POSTed. \#(urlRule)"},
\#(webhookOptionalProperties(minimumIntervalMinutes: minimumIntervalMinutes))
      }},
      "WebhookUpdate": {"type": "object", "description": "PATCH body: any subset of the writable fields. Unknown members and the response's read-only members are ignored.", "properties": {
\#(webhookFixedProperties)
        "hook_url": {"type": ["string", "null"], "pattern": "\#(urlPattern)", "description": "Where payloads are POSTed; null or absent leaves it unchanged. \#(urlRule)"},
\#(webhookOptionalProperties(minimumIntervalMinutes: minimumIntervalMinutes))
      }},
      "WebhookReplace": {"type": "object", "description": "PUT body: every writable field; an absent or null optional field returns to its default. Unknown members and the response's read-only members are ignored.", "required": ["hook_url"], "properties": {
\#(webhookFixedProperties)
        "hook_url": {"type": "string", "pattern": "\#(urlPattern)", "description": "Where payloads are POSTed. \#(urlRule)"},
\#(webhookOptionalProperties(minimumIntervalMinutes: minimumIntervalMinutes))
      }},
      "Connection": {"type": "object", "description": "A connection as the server returns it; credentials are never echoed.", "required": ["id", "created_at", "updated_at", "workspace_id", "integration_type", "environment", "categories", "permissions", "is_paused", "is_healthy", "auth"], "properties": {
        "id": {"type": "string"},
        "created_at": {"type": "string", "format": "date-time"},
        "updated_at": {"type": "string", "format": "date-time"},
        "workspace_id": {"type": "string"},
        "integration_type": {"type": "string"},
        "environment": {"type": "string"},
        "categories": {"type": "array", "items": {"type": "string"}},
        "permissions": {"type": "array", "items": {"type": "string"}},
        "is_paused": {"type": "boolean"},
        "is_healthy": {"type": "boolean"},
        "unhealthy_reason": {"type": "string", "description": "VirtualHooks extension, not in Unified's API: why the connection is unhealthy (auth.api_url refused by the destination rule, 401/403/404 from the provider). Present only while is_healthy is false."},
        "external_xref": {"type": "string", "description": "Your own id for the account; the list's external_xref filter matches it."},
        "integration_name": {"type": "string"},
        "auth": {"type": "object", "required": ["api_url"], "properties": {"api_url": {"type": "string"}, "name": {"type": "string"}, "emails": {"type": "array", "items": {"type": "string"}}}}
      }},
      "ConnectionCreate": {"type": "object", "required": ["integration_type", "auth"], "description": "POST body. Unknown members and the response's read-only members are ignored.", "properties": {
        "integration_type": {"type": "string", "minLength": 1, "description": "\#(integrationTypeRule)"},
        "auth": {"type": "object", "properties": {"api_url": {"type": "string", "pattern": "\#(urlPattern)", "description": "The provider's base URL. \#(urlRule)"}, \#(connectionAuthDetails)}, "required": ["api_url"]},
\#(connectionOptionalProperties)
      }},
      "ConnectionReplace": {"type": "object", "required": ["integration_type", "auth"], "description": "PUT body: an absent or null optional field returns to its default. Unknown members and the response's read-only members are ignored.", "properties": {
        "integration_type": {"type": "string", "minLength": 1, "description": "\#(integrationTypeRule)"},
        "auth": {"type": "object", "properties": {"api_url": {"type": "string", "pattern": "\#(urlPattern)", "description": "The provider's base URL. \#(urlRule)"}, \#(connectionAuthDetails)}, "required": ["api_url"]},
\#(connectionOptionalProperties)
      }},
      "ConnectionUpdate": {"type": "object", "description": "PATCH body: any subset; inside auth only the keys present change. Unknown members and the response's read-only members are ignored.", "properties": {
        "integration_type": {"type": ["string", "null"], "minLength": 1, "description": "\#(integrationTypeRule) Null or absent leaves it unchanged."},
        "auth": {"type": ["object", "null"], "properties": {"api_url": {"type": ["string", "null"], "pattern": "\#(urlPattern)", "description": "The provider's base URL; null or absent leaves it unchanged. \#(urlRule)"}, \#(connectionAuthDetails)}},
\#(connectionOptionalProperties)
      }},
      "Error": {"type": "object", "required": ["status", "error", "message"], "properties": {
        "status": {"type": "integer", "description": "The HTTP status code."},
        "error": {"type": "string", "description": "The status's reason phrase."},
        "message": {"type": "string", "description": "What is wrong, for a human."},
        "field": {"type": "string", "description": "The request field at fault (400 only), e.g. hook_url or auth.api_url."}
      }},
      "WebhookSecret": {"type": "object", "required": ["key"], "properties": {
        "key": {"type": "string", "description": "The Standard Webhooks secret (whsec_ + base64) that signs webhook-signature."}
      }}
    }
  }
}
"""#
    }

    /// The URL shape `DestinationURL` accepts, as a JSON-escaped ECMA regex: http(s), a host, an optional port 1–65535.
    private static let urlPattern = #"^[Hh][Tt][Tt][Pp][Ss]?://[^\\x00-\\x20\\x7f\\\\:\\[\\]%@/?#]+(?::(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?(?:[/?#][^\\x00-\\x20\\x7f\\\\]*)?$"#

    /// What `urlPattern` means and what the destination rule adds, for every URL field's description.
    private static let urlRule = #"An http:// or https:// URL with a host and an optional port from 1 to 65535, no userinfo, whitespace, control characters or backslashes (an IPv6 literal in brackets is accepted too). Private, loopback, link-local and reserved targets are refused unless the server runs with --allow-private-targets."#

    /// How `integration_type` is checked, on POST, PUT and PATCH alike.
    private static let integrationTypeRule = #"Names a connector of the server's catalog (sandbox, sandbox-offset, unified, or one loaded from connectors_dir); 400 names integration_type otherwise."#

    /// The members of a connection's `auth` beside `api_url`, the same on POST, PUT and PATCH.
    private static let connectionAuthDetails = #""token": {"type": ["string", "null"], "writeOnly": true, "description": "The provider credential."}, "access_token": {"type": ["string", "null"], "writeOnly": true, "description": "Read when token is absent."}, "name": {"type": ["string", "null"]}, "emails": {"type": ["array", "null"], "items": {"type": "string"}}"#

    /// The webhook members PUT and PATCH treat as read-only (`WebhookRules` refuses a changed value).
    private static let webhookFixedProperties = #"""
                "connection_id": {"type": "string", "readOnly": true, "description": "Fixed at creation: on PUT and PATCH it may be sent only with the stored value (delete and recreate the webhook to change it)."},
                "object_type": {"type": "string", "readOnly": true, "description": "Fixed at creation: on PUT and PATCH it may be sent only with the stored value (delete and recreate the webhook to change it)."},
                "event": {"type": "string", "enum": ["created", "updated", "deleted"], "readOnly": true, "description": "Fixed at creation: on PUT and PATCH it may be sent only with the stored value (delete and recreate the webhook to change it)."},
                "environment": {"readOnly": true, "description": "Set on create only; ignored on PUT and PATCH."},
                "webhook_type": {"readOnly": true, "description": "Set on create only; ignored on PUT and PATCH."},
        """#

    /// The optional connection members, the same on POST, PUT and PATCH (each may be null).
    private static let connectionOptionalProperties = #"""
                "categories": {"type": ["array", "null"], "items": {"type": "string"}},
                "permissions": {"type": ["array", "null"], "items": {"type": "string"}},
                "is_paused": {"type": ["boolean", "null"]},
                "environment": {"type": ["string", "null"]},
                "external_xref": {"type": ["string", "null"]},
                "integration_name": {"type": ["string", "null"]}
        """#

    /// The optional webhook members, the same on POST, PUT and PATCH; the interval minimum is the server's own.
    private static func webhookOptionalProperties(minimumIntervalMinutes: Double) -> String {
        #"""
                "interval": {"type": ["number", "null"], "minimum": \#(number(minimumIntervalMinutes)), "maximum": 525600, "description": "Minutes between polls at most (default 60, or the server minimum when that is larger)."},
                "fields": {"type": ["string", "null"], "description": "Comma-separated fields each record is trimmed to (id always kept)."},
                "filters": {"type": ["object", "null"], "additionalProperties": {"type": ["string", "null"]}, "description": "Filter values by key; each key must be one the connection's connector supports for object_type (400 names filters otherwise). A null value is the same as leaving the key out."},
                "page_max_limit": {"type": ["integer", "null"], "minimum": 1, "maximum": 1000, "description": "Most records in one POST (default 100; an integral float such as 100.0 is accepted)."},
                "is_paused": {"type": ["boolean", "null"]},
                "db_type": {"type": ["string", "null"], "enum": ["mongodb", "mysql", "postgres", "mssql", "mariadb", "supabase", "snowflake", null], "description": "Stored and echoed; no effect (hook_url stays the destination)."},
                "db_url": {"type": ["string", "null"]},
                "db_schema": {"type": ["string", "null"]},
                "db_name_prefix": {"type": ["string", "null"]}
        """#
    }

    private static func number(_ value: Double) -> String { JSWriter.numberText(value) }
}
