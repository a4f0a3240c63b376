"""Schemathesis hooks for the management API run driven by Tests/EndToEndTests/SchemathesisTests.swift.

The OpenAPI document states every constraint on a request's shape. What it cannot state is what the server holds:
which connection and webhook exist, which object types and filters a connector supports. Schema-valid (positive)
cases get those from the fixtures the Swift test created, and every URL they carry points at a closed loopback port,
so nothing the run creates ever calls beyond 127.0.0.1. Negative cases are sent as generated: the server must refuse
them.
"""
import os

import schemathesis

CONNECTION = os.environ["VHOOKS_ST_CONNECTION"]
WEBHOOK = os.environ["VHOOKS_ST_WEBHOOK"]
LOOPBACK = "http://127.0.0.1:9"
# The filters the sandbox connector supports on crm_contact.
SUPPORTED_FILTERS = {"company_id"}


@schemathesis.hook
def map_case(context, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return case
    path = case.operation.path
    if "{id}" in path and case.method.upper() != "DELETE" and case.path_parameters is not None:
        case.path_parameters["id"] = CONNECTION if path.startswith("/unified/connection") else WEBHOOK
    body = case.body
    if not isinstance(body, dict):
        return case
    if path.startswith("/unified/webhook") or path.startswith("/virtualhooks/webhook"):
        if case.method.upper() == "POST":
            body["connection_id"] = CONNECTION
            body["object_type"] = "crm_contact"
        if isinstance(body.get("hook_url"), str):
            body["hook_url"] = LOOPBACK + "/schemathesis"
        if isinstance(body.get("filters"), dict):
            body["filters"] = {k: v for k, v in body["filters"].items() if k in SUPPORTED_FILTERS}
    elif path.startswith("/unified/connection"):
        if isinstance(body.get("integration_type"), str):
            body["integration_type"] = "sandbox"
        auth = body.get("auth")
        if isinstance(auth, dict) and isinstance(auth.get("api_url"), str):
            auth["api_url"] = LOOPBACK
    return case
