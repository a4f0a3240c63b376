/// The connector specs compiled into the binary, so `vhooks` runs without any file beside it.
///
/// Each is the same JSON a user can drop into a `--connectors` folder; these are the references for writing one.
enum BuiltinConnectors {
    /// `integration_type` → spec JSON.
    static let specs: [String: String] = [
        "sandbox-offset": #"""
        {
          "name": "sandbox-offset",
          "auth": {"header": "Authorization", "format": "Bearer {token}"},
          "lookback_seconds": 300,
          "safety_lag_seconds": 30,
          "objects": {
            "crm_contact": {
              "path": "/crm/contacts",
              "filters": ["company_id"],
              "cursor_format": "iso8601_ms",
              "max_page_size": 1000,
              "pagination": {"style": "offset", "param": "offset"},
              "records_path": "results",
              "timestamp_fields": ["created_at", "updated_at"]
            },
            "crm_company": {
              "path": "/crm/companies",
              "cursor_format": "iso8601_ms",
              "max_page_size": 1000,
              "pagination": {"style": "offset", "param": "offset"},
              "records_path": "results",
              "timestamp_fields": ["created_at", "updated_at"]
            },
            "crm_deal": {
              "path": "/crm/deals",
              "filters": ["company_id", "stage"],
              "cursor_format": "iso8601_ms",
              "max_page_size": 1000,
              "pagination": {"style": "offset", "param": "offset"},
              "records_path": "results",
              "timestamp_fields": ["created_at", "updated_at"]
            }
          }
        }
        """#,
        "sandbox": #"""
        {
          "name": "sandbox",
          "auth": {"header": "Authorization", "format": "Bearer {token}"},
          "lookback_seconds": 300,
          "safety_lag_seconds": 30,
          "objects": {
            "crm_contact": {
              "path": "/crm/contacts",
              "filters": ["company_id"],
              "cursor_param": "updated_gte",
              "cursor_format": "iso8601_ms",
              "page_size_param": "limit",
              "max_page_size": 1000,
              "pagination": {"style": "cursor", "param": "cursor", "token_path": "next_cursor"},
              "records_path": "results",
              "id_path": "id",
              "updated_at_path": "updated_at",
              "created_at_path": "created_at",
              "sorted": true,
              "timestamp_fields": ["created_at", "updated_at"]
            },
            "crm_company": {
              "path": "/crm/companies",
              "cursor_format": "iso8601_ms",
              "max_page_size": 1000,
              "pagination": {"style": "cursor", "param": "cursor", "token_path": "next_cursor"},
              "records_path": "results",
              "timestamp_fields": ["created_at", "updated_at"]
            },
            "crm_deal": {
              "path": "/crm/deals",
              "filters": ["company_id", "stage"],
              "cursor_format": "iso8601_ms",
              "max_page_size": 1000,
              "pagination": {"style": "cursor", "param": "cursor", "token_path": "next_cursor"},
              "records_path": "results",
              "timestamp_fields": ["created_at", "updated_at"]
            }
          }
        }
        """#,
        "hubspot": #"""
        {
          "name": "hubspot",
          "auth": {"header": "Authorization", "format": "Bearer {token}"},
          "lookback_seconds": 300,
          "safety_lag_seconds": 30,
          "objects": {
            "crm_contact": {
              "path": "/crm/v3/objects/contacts/search",
              "cursor_format": "epoch_ms",
              "max_page_size": 200,
              "pagination": {"style": "cursor", "param": "after", "token_path": "paging.next.after"},
              "records_path": "results",
              "id_path": "id",
              "updated_at_path": "updatedAt",
              "created_at_path": "createdAt",
              "sorted": true,
              "timestamp_fields": ["createdAt", "updatedAt"],
              "request_body": {
                "filterGroups": [{"filters": [{"propertyName": "lastmodifieddate", "operator": "GTE", "value": "{cursor}"}]}],
                "sorts": [{"propertyName": "lastmodifieddate", "direction": "ASCENDING"}],
                "limit": "{limit}",
                "after": "{token}"
              }
            },
            "crm_company": {
              "path": "/crm/v3/objects/companies/search",
              "cursor_format": "epoch_ms",
              "max_page_size": 200,
              "pagination": {"style": "cursor", "param": "after", "token_path": "paging.next.after"},
              "records_path": "results",
              "id_path": "id",
              "updated_at_path": "updatedAt",
              "created_at_path": "createdAt",
              "sorted": true,
              "timestamp_fields": ["createdAt", "updatedAt"],
              "request_body": {
                "filterGroups": [{"filters": [{"propertyName": "hs_lastmodifieddate", "operator": "GTE", "value": "{cursor}"}]}],
                "sorts": [{"propertyName": "hs_lastmodifieddate", "direction": "ASCENDING"}],
                "limit": "{limit}",
                "after": "{token}"
              }
            },
            "crm_deal": {
              "path": "/crm/v3/objects/deals/search",
              "cursor_format": "epoch_ms",
              "max_page_size": 200,
              "pagination": {"style": "cursor", "param": "after", "token_path": "paging.next.after"},
              "records_path": "results",
              "id_path": "id",
              "updated_at_path": "updatedAt",
              "created_at_path": "createdAt",
              "sorted": true,
              "timestamp_fields": ["createdAt", "updatedAt"],
              "request_body": {
                "filterGroups": [{"filters": [{"propertyName": "hs_lastmodifieddate", "operator": "GTE", "value": "{cursor}"}]}],
                "sorts": [{"propertyName": "hs_lastmodifieddate", "direction": "ASCENDING"}],
                "limit": "{limit}",
                "after": "{token}"
              }
            },
            "crm_ticket": {
              "path": "/crm/v3/objects/tickets/search",
              "cursor_format": "epoch_ms",
              "max_page_size": 200,
              "pagination": {"style": "cursor", "param": "after", "token_path": "paging.next.after"},
              "records_path": "results",
              "id_path": "id",
              "updated_at_path": "updatedAt",
              "created_at_path": "createdAt",
              "sorted": true,
              "timestamp_fields": ["createdAt", "updatedAt"],
              "request_body": {
                "filterGroups": [{"filters": [{"propertyName": "hs_lastmodifieddate", "operator": "GTE", "value": "{cursor}"}]}],
                "sorts": [{"propertyName": "hs_lastmodifieddate", "direction": "ASCENDING"}],
                "limit": "{limit}",
                "after": "{token}"
              }
            }
          }
        }
        """#,
        "unified": #"""
        {
          "name": "unified",
          "auth": {"header": "Authorization", "format": "bearer {token}"},
          "lookback_seconds": 300,
          "safety_lag_seconds": 30,
          "objects": {
            "*": {
              "path": "/{category}/{connection_id}/{object}",
              "cursor_param": "updated_gte",
              "cursor_format": "iso8601_ms",
              "page_size_param": "limit",
              "max_page_size": 100,
              "pagination": {"style": "offset", "param": "offset"},
              "records_path": "",
              "id_path": "id",
              "updated_at_path": "updated_at",
              "created_at_path": "created_at",
              "sorted": false,
              "timestamp_fields": ["created_at", "updated_at"],
              "extra_query": {"sort": "updated_at", "order": "asc"}
            }
          }
        }
        """#,
    ]
}
