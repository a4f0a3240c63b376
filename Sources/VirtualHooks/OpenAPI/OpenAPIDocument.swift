/// The OpenAPI 3.1 description of the management API, served at `/openapi.json` and compiled into the binary.
///
/// Kept by hand next to the routes; `OpenAPIDocumentTests` checks that it is a valid OpenAPI 3.1 document and that
/// it names exactly the routes the server registers.
public enum OpenAPIDocument {
    /// The document's JSON text.
    public static let json = #"""
{
  "openapi": "3.1.0",
  "info": {"title": "VirtualHooks management API", "version": "0.1.0", "description": "Unified.to-compatible webhook and connection management: code written against Unified's API and SDKs works when pointed at `vhooks serve`."},
  "servers": [{"url": "http://127.0.0.1:8080"}],
  "security": [{"apiKey": []}],
  "paths": {
    "/health": {
      "get": {"operationId": "health", "summary": "Liveness", "security": [], "responses": {"200": {"description": "Alive", "content": {"application/json": {"schema": {"type": "object"}}}}}}
    },
    "/ready": {
      "get": {"operationId": "ready", "summary": "Readiness (the store answers)", "security": [], "responses": {"200": {"description": "Ready", "content": {"application/json": {"schema": {"type": "object"}}}}}}
    },
    "/openapi.json": {
      "get": {"operationId": "openapi", "summary": "This document", "security": [], "responses": {"200": {"description": "OpenAPI 3.1 document", "content": {"application/json": {"schema": {"type": "object"}}}}}}
    },
    "/unified/webhook": {
      "get": {"operationId": "listUnifiedWebhooks", "summary": "List webhooks", "parameters": [{"name": "limit", "in": "query", "required": false, "schema": {"type": "number"}}, {"name": "offset", "in": "query", "required": false, "schema": {"type": "number"}}, {"name": "updated_gte", "in": "query", "required": false, "schema": {"type": "string"}, "description": "ISO-8601 date-time"}, {"name": "sort", "in": "query", "required": false, "schema": {"type": "string"}, "description": "updated_at, created_at or name"}, {"name": "order", "in": "query", "required": false, "schema": {"type": "string"}, "description": "asc or desc"}, {"name": "env", "in": "query", "required": false, "schema": {"type": "string"}}, {"name": "object", "in": "query", "required": false, "schema": {"type": "string"}}, {"name": "connection_id", "in": "query", "required": false, "schema": {"type": "string"}}, {"name": "created_lte", "in": "query", "required": false, "schema": {"type": "string"}, "description": "ISO-8601 date-time"}, {"name": "is_healthy", "in": "query", "required": false, "schema": {"type": "boolean"}}, {"name": "integration_type", "in": "query", "required": false, "schema": {"type": "string"}}], "responses": {"200": {"description": "Webhooks (a bare array)", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Webhook"}}}}}, "400": {"description": "Bad input: the field at fault is named.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "401": {"description": "Missing or invalid API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}},
      "post": {"operationId": "createUnifiedWebhook", "summary": "Create a webhook subscription", "parameters": [{"name": "include_all", "in": "query", "required": false, "schema": {"type": "boolean"}, "description": "Send every existing record first (INITIAL-PARTIAL pages, then INITIAL-COMPLETE)."}], "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Webhook"}}}}, "responses": {"200": {"description": "The created webhook", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Webhook"}}}}, "400": {"description": "Bad input: the field at fault is named.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "401": {"description": "Missing or invalid API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "413": {"description": "The request body is larger than the server accepts (1 MiB).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}
    },
    "/unified/webhook/{id}": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "get": {"operationId": "getUnifiedWebhook", "summary": "Retrieve a webhook", "responses": {"200": {"description": "The webhook", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Webhook"}}}}, "401": {"description": "Missing or invalid API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "404": {"description": "No such id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}},
      "put": {"operationId": "updateUnifiedWebhook", "summary": "Replace a webhook's writable fields", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Webhook"}}}}, "responses": {"200": {"description": "The webhook", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Webhook"}}}}, "400": {"description": "Bad input: the field at fault is named.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "401": {"description": "Missing or invalid API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "404": {"description": "No such id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}},
      "patch": {"operationId": "patchUnifiedWebhook", "summary": "Update a webhook", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Webhook"}}}}, "responses": {"200": {"description": "The webhook", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Webhook"}}}}, "400": {"description": "Bad input: the field at fault is named.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "401": {"description": "Missing or invalid API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "404": {"description": "No such id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}},
      "delete": {"operationId": "removeUnifiedWebhook", "summary": "Remove a webhook (deliveries stop)", "responses": {"200": {"description": "Removed"}, "401": {"description": "Missing or invalid API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "404": {"description": "No such id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}
    },
    "/unified/webhook/{id}/trigger": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "put": {"operationId": "updateUnifiedWebhookTrigger", "summary": "Poll the webhook's stream now", "responses": {"200": {"description": "Triggered (empty body)"}, "401": {"description": "Missing or invalid API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "404": {"description": "No such id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}},
      "patch": {"operationId": "patchUnifiedWebhookTrigger", "summary": "Poll the webhook's stream now", "responses": {"200": {"description": "Triggered (empty body)"}, "401": {"description": "Missing or invalid API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "404": {"description": "No such id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}
    },
    "/unified/webhook/{id}/resume": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "put": {"operationId": "updateUnifiedWebhookResume", "summary": "Make an unhealthy webhook healthy again; what accumulated is delivered", "responses": {"200": {"description": "The webhook", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Webhook"}}}}, "400": {"description": "Bad input: the field at fault is named.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "401": {"description": "Missing or invalid API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "404": {"description": "No such id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}},
      "patch": {"operationId": "patchUnifiedWebhookResume", "summary": "Make an unhealthy webhook healthy again; what accumulated is delivered", "responses": {"200": {"description": "The webhook", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Webhook"}}}}, "400": {"description": "Bad input: the field at fault is named.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "401": {"description": "Missing or invalid API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "404": {"description": "No such id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}
    },
    "/virtualhooks/webhook/{id}/secret": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "get": {"operationId": "getWebhookSecret", "summary": "The webhook's Standard Webhooks signing secret (Unified's object has none), for verifying webhook-signature", "responses": {"200": {"description": "The secret", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WebhookSecret"}}}}, "401": {"description": "Missing or invalid API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "404": {"description": "No such id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}
    },
    "/unified/connection": {
      "get": {"operationId": "listUnifiedConnections", "summary": "List connections", "parameters": [{"name": "limit", "in": "query", "required": false, "schema": {"type": "number"}}, {"name": "offset", "in": "query", "required": false, "schema": {"type": "number"}}, {"name": "updated_gte", "in": "query", "required": false, "schema": {"type": "string"}, "description": "ISO-8601 date-time"}, {"name": "sort", "in": "query", "required": false, "schema": {"type": "string"}, "description": "updated_at, created_at or name"}, {"name": "order", "in": "query", "required": false, "schema": {"type": "string"}, "description": "asc or desc"}, {"name": "env", "in": "query", "required": false, "schema": {"type": "string"}}, {"name": "categories", "in": "query", "required": false, "schema": {"type": "string"}}, {"name": "external_xref", "in": "query", "required": false, "schema": {"type": "string"}}], "responses": {"200": {"description": "Connections (a bare array)", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Connection"}}}}}, "400": {"description": "Bad input: the field at fault is named.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "401": {"description": "Missing or invalid API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}},
      "post": {"operationId": "createUnifiedConnection", "summary": "Create a connection", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Connection"}}}}, "responses": {"200": {"description": "The created connection", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Connection"}}}}, "400": {"description": "Bad input: the field at fault is named.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "401": {"description": "Missing or invalid API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "413": {"description": "The request body is larger than the server accepts (1 MiB).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}
    },
    "/unified/connection/{id}": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "get": {"operationId": "getUnifiedConnection", "summary": "Retrieve a connection", "responses": {"200": {"description": "The connection", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Connection"}}}}, "401": {"description": "Missing or invalid API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "404": {"description": "No such id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}},
      "put": {"operationId": "updateUnifiedConnection", "summary": "Replace a connection's writable fields", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Connection"}}}}, "responses": {"200": {"description": "The connection", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Connection"}}}}, "400": {"description": "Bad input: the field at fault is named.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "401": {"description": "Missing or invalid API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "404": {"description": "No such id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}},
      "patch": {"operationId": "patchUnifiedConnection", "summary": "Update a connection", "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Connection"}}}}, "responses": {"200": {"description": "The connection", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Connection"}}}}, "400": {"description": "Bad input: the field at fault is named.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "401": {"description": "Missing or invalid API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "404": {"description": "No such id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}},
      "delete": {"operationId": "removeUnifiedConnection", "summary": "Remove a connection and its webhooks", "responses": {"200": {"description": "Removed"}, "401": {"description": "Missing or invalid API token.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}, "404": {"description": "No such id.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}
    }
  },
  "components": {
    "securitySchemes": {"apiKey": {"type": "apiKey", "in": "header", "name": "authorization", "description": "An API token from `vhooks token create`, with or without a `bearer ` prefix."}},
    "schemas": {
      "Webhook": {"type": "object", "description": "connection_id, object_type, event and hook_url are required on create and PUT; PATCH takes any subset of the writable fields.", "required": ["connection_id", "object_type", "event", "hook_url"], "properties": {
          "id": {"type": "string", "readOnly": true, "description": "24 lowercase hex characters, server-generated."},
          "created_at": {"type": "string", "format": "date-time", "readOnly": true},
          "updated_at": {"type": "string", "format": "date-time", "readOnly": true},
          "workspace_id": {"type": "string", "readOnly": true},
          "connection_id": {"type": "string", "description": "The connection the webhook watches."},
          "integration_type": {"type": "string", "readOnly": true},
          "environment": {"type": "string", "default": "Production", "description": "Taken from the body on create; ignored on update."},
          "hook_url": {"type": "string", "format": "uri", "description": "Where payloads are POSTed (http or https; private addresses refused unless the server allows them)."},
          "object_type": {"type": "string", "examples": ["crm_contact"]},
          "event": {"type": "string", "enum": ["created", "updated", "deleted"]},
          "webhook_type": {"type": "string", "enum": ["virtual", "native"], "description": "Set on create only; ignored on update."},
          "interval": {"type": "number", "description": "Minutes between polls at most; at least the server minimum."},
          "fields": {"type": "string", "description": "Comma-separated fields each record is trimmed to (id always kept)."},
          "filters": {"type": "object", "additionalProperties": {"type": "string"}},
          "page_max_limit": {"type": "number", "minimum": 1, "maximum": 1000, "description": "Most records in one POST (an integer; floats such as 100.0 accepted)."},
          "is_healthy": {"type": "boolean", "readOnly": true},
          "is_paused": {"type": "boolean"},
          "is_beta": {"type": "boolean", "readOnly": true},
          "checked_at": {"type": "string", "format": "date-time", "readOnly": true},
          "runs": {"type": "array", "items": {"type": "string"}, "readOnly": true, "description": "Most recent runs, newest first: \"<time> <status> <records>\"."},
          "db_type": {"type": "string", "enum": ["mongodb", "mysql", "postgres", "mssql", "mariadb", "supabase", "snowflake"], "description": "Stored and echoed; no effect (hook_url stays the destination)."},
          "db_url": {"type": "string", "description": "Stored and echoed; no effect."},
          "db_schema": {"type": "string", "description": "Stored and echoed; no effect."},
          "db_name_prefix": {"type": "string", "description": "Stored and echoed; no effect."}
      }},
      "Connection": {"type": "object", "required": ["integration_type"], "properties": {
          "id": {"type": "string", "readOnly": true},
          "created_at": {"type": "string", "format": "date-time", "readOnly": true},
          "updated_at": {"type": "string", "format": "date-time", "readOnly": true},
          "workspace_id": {"type": "string", "readOnly": true},
          "integration_type": {"type": "string", "description": "Names a connector (sandbox, sandbox-offset, unified, or one loaded from connectors_dir)."},
          "categories": {"type": "array", "items": {"type": "string"}},
          "permissions": {"type": "array", "items": {"type": "string"}},
          "auth": {"type": "object", "properties": {"token": {"type": "string", "writeOnly": true}, "api_url": {"type": "string", "format": "uri"}, "name": {"type": "string"}, "emails": {"type": "array", "items": {"type": "string"}}}},
          "is_paused": {"type": "boolean"},
          "is_healthy": {"type": "boolean", "readOnly": true},
          "environment": {"type": "string", "default": "Production", "description": "Taken from the body on create; ignored on update."},
          "external_xref": {"type": "string", "description": "Your own id for the account; the list's external_xref filter matches it."},
          "integration_name": {"type": "string"}
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
