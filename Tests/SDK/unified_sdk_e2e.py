"""Drives a running `vhooks serve` with Unified's official Python SDK (unified-python-sdk), as a Unified customer would.

Started by Tests/EndToEndTests/UnifiedSDKTests.swift, which runs the sandbox provider, the recording subscriber and
`vhooks serve`, creates an API token and passes everything in the environment:
VHOOKS_API, VHOOKS_TOKEN, VHOOKS_CONNECTION, VHOOKS_HOOK_URL, VHOOKS_SUBSCRIBER, VHOOKS_SANDBOX.
Prints one line per SDK method exercised and exits non-zero on the first failure.
"""

import json
import os
import sys
import time
import urllib.request

from unified_python_sdk import UnifiedTo
from unified_python_sdk.models import shared

API = os.environ["VHOOKS_API"]
TOKEN = os.environ["VHOOKS_TOKEN"]
CONNECTION = os.environ["VHOOKS_CONNECTION"]
HOOK_URL = os.environ["VHOOKS_HOOK_URL"]
SUBSCRIBER = os.environ["VHOOKS_SUBSCRIBER"]
SANDBOX = os.environ["VHOOKS_SANDBOX"]


def http(method, url, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        url, data=data, method=method, headers={"content-type": "application/json", **(headers or {})})
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read().decode()
        return json.loads(text) if text else None


def received(webhook_id):
    payloads = http("GET", f"{SUBSCRIBER}/_subscriber/received")["received"]
    return [p for p in payloads if p.get("webhook_id") == webhook_id]


def wait_for(description, condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {description}")


def report(method, detail):
    print(f"ok    {method}: {detail}", flush=True)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def webhook_body(**overrides):
    body = {
        "connection_id": CONNECTION,
        "object_type": "crm_contact",
        "event": "updated",
        "hook_url": HOOK_URL,
        "interval": 1,
        "page_max_limit": 50,
    }
    body.update(overrides)
    return body


def main():
    sdk = UnifiedTo(security=shared.Security(jwt=TOKEN), server_url=API)

    created = sdk.webhook.create_unified_webhook(request={"webhook": webhook_body(), "include_all": True})
    check(created.status_code == 200 and created.webhook is not None, f"create returned {created.status_code}")
    webhook = created.webhook
    wid = webhook.id
    check(webhook.environment == "Production", f"environment {webhook.environment!r}")
    backfill = wait_for("INITIAL-COMPLETE at the subscriber",
                        lambda: [p for p in received(wid) if p["type"] == "INITIAL-COMPLETE"] and received(wid))
    records = sum(p["record_count"] for p in backfill if p["type"].startswith("INITIAL"))
    # `sig` is what Unified customers verify (HMAC-SHA1 with the workspace secret); the subscriber knows that secret.
    check(all(p["sig"] == "valid" for p in backfill), "a backfill payload's sig did not verify")
    report("webhook.create_unified_webhook(include_all=True)",
           f"200, id {wid}; backfill of {records} records in {len(backfill)} verified pages reached the subscriber")

    # The Standard Webhooks secret is not part of Unified's object; VirtualHooks serves it beside the Unified API so a
    # receiver can also check `webhook-signature`. Later payloads must then verify both ways.
    secret = http("GET", f"{API}/virtualhooks/webhook/{wid}/secret", headers={"authorization": f"bearer {TOKEN}"})["key"]
    http("POST", f"{SUBSCRIBER}/_subscriber/secrets", {"webhook_id": wid, "secret": secret})

    listed = sdk.webhook.list_unified_webhooks(request={"connection_id": CONNECTION, "limit": 10, "offset": 0})
    check(any(w.id == wid for w in listed.webhooks or []), "list does not contain the webhook")
    report("webhook.list_unified_webhooks(connection_id, limit, offset)", f"{len(listed.webhooks)} webhook(s), ours included")

    got = sdk.webhook.get_unified_webhook(request={"id": wid})
    check(got.webhook.id == wid and got.webhook.object_type == "crm_contact", "get returned another webhook")
    check(all(isinstance(r, str) for r in (got.webhook.runs or [])), "runs are not strings")
    report("webhook.get_unified_webhook", f"object {got.webhook.object_type}, runs {got.webhook.runs[:2] if got.webhook.runs else []}")

    patched = sdk.webhook.patch_unified_webhook(request={"id": wid, "webhook": webhook_body(interval=2)})
    check(patched.webhook.interval == 2, f"patch interval {patched.webhook.interval}")
    report("webhook.patch_unified_webhook", "interval 1 → 2")

    updated = sdk.webhook.update_unified_webhook(request={"id": wid, "webhook": webhook_body(interval=3, page_max_limit=100)})
    check(updated.webhook.interval == 3 and updated.webhook.page_max_limit == 100, "update did not apply")
    report("webhook.update_unified_webhook", "interval 3, page_max_limit 100")

    changed = http("POST", f"{SANDBOX}/sandbox/mutate", {"object": "contacts", "updates": 2, "creates": 1})
    ids = {r["id"] for r in changed["updated"] + changed["created"]}
    sdk.webhook.patch_unified_webhook_trigger(request={"id": wid})
    wait_for("the triggered poll's changes",
             lambda: ids <= {i for p in received(wid) if p["type"] == "VIRTUAL" for i in p["record_ids"]}, timeout=20)
    live = [p for p in received(wid) if p["type"] == "VIRTUAL"]
    check(live and all(p["verified"] for p in live), f"a VIRTUAL payload did not verify both ways: {live}")
    report("webhook.patch_unified_webhook_trigger",
           f"{len(ids)} changed records delivered without waiting for the 3-minute interval; sig and "
           f"webhook-signature verified")

    # An unhealthy spell: the subscriber fails, the short retry schedule runs out, changes keep accumulating.
    mark = max([p["sequence"] for p in received(wid)] or [0])
    after_mark = lambda: [p for p in received(wid) if p["sequence"] > mark]
    http("POST", f"{SUBSCRIBER}/_subscriber/fail", {"status": 500, "count": 1000})
    changed = http("POST", f"{SANDBOX}/sandbox/mutate", {"object": "contacts", "updates": 3})
    missed = {r["id"] for r in changed["updated"]}
    sdk.webhook.update_unified_webhook_trigger(request={"id": wid})
    wait_for("the webhook to turn unhealthy",
             lambda: sdk.webhook.get_unified_webhook(request={"id": wid}).webhook.is_healthy is False, timeout=30)
    more = http("POST", f"{SANDBOX}/sandbox/mutate", {"object": "contacts", "updates": 2, "creates": 1})
    missed |= {r["id"] for r in more["updated"] + more["created"]}
    sdk.webhook.patch_unified_webhook_trigger(request={"id": wid})
    time.sleep(1.5)
    http("DELETE", f"{SUBSCRIBER}/_subscriber/fail")
    spell = after_mark()
    check(spell and all(p["status"] == 500 for p in spell), f"deliveries during the spell: {spell}")
    attempts = len(spell)
    time.sleep(1.0)
    check(len(after_mark()) == attempts, "deliveries continued while unhealthy")
    resumed = sdk.webhook.patch_unified_webhook_resume(request={"id": wid})
    check(resumed.webhook.is_healthy is True, "resume did not make the webhook healthy")
    accepted = lambda: {i for p in after_mark() if p["status"] == 200 for i in p["record_ids"]}
    wait_for("everything that accumulated while unhealthy", lambda: missed <= accepted(), timeout=20)
    report("webhook.patch_unified_webhook_resume",
           f"healthy again; {attempts} failed attempts then nothing while unhealthy; after resume all {len(missed)} "
           f"records changed during the spell were delivered")
    report("webhook.update_unified_webhook_trigger", "used during the unhealthy spell (PUT form of trigger)")
    again = sdk.webhook.update_unified_webhook_resume(request={"id": wid})
    check(again.status_code == 200 and again.webhook.is_healthy is True, "PUT resume on a healthy webhook failed")
    report("webhook.update_unified_webhook_resume", "200 on a healthy webhook (PUT form of resume is idempotent)")

    removed = sdk.webhook.remove_unified_webhook(request={"id": wid})
    check(200 <= removed.status_code < 300, f"remove returned {removed.status_code}")
    count = len(received(wid))
    http("POST", f"{SANDBOX}/sandbox/mutate", {"object": "contacts", "updates": 2})
    time.sleep(3.0)
    check(len(received(wid)) == count, "deliveries continued after delete")
    report("webhook.remove_unified_webhook", "deleted; no delivery in the following 3 s despite new changes")

    connections(sdk)


def connections(sdk):
    """The connection endpoints: create, list, get, patch, update, remove."""
    body = {
        "integration_type": "sandbox",
        "categories": ["crm"],
        "permissions": ["crm_contact_read", "webhook"],
        "auth": {"api_url": SANDBOX, "token": "sdk-token"},
    }
    created = sdk.connection.create_unified_connection(request=body)
    check(created.status_code == 200 and created.connection.id, f"create connection returned {created.status_code}")
    cid = created.connection.id
    check(created.connection.integration_type == "sandbox", "integration_type not echoed")
    report("connection.create_unified_connection", f"200, id {cid}")

    listed = sdk.connection.list_unified_connections(request={"limit": 100})
    ids = {c.id for c in listed.connections or []}
    check({cid, CONNECTION} <= ids, f"list is missing connections: {ids}")
    report("connection.list_unified_connections", f"{len(ids)} connections, the declared and the created one")

    got = sdk.connection.get_unified_connection(request={"id": cid})
    check(got.connection.id == cid and got.connection.categories == ["crm"], "get returned another connection")
    report("connection.get_unified_connection", f"categories {got.connection.categories}")

    patched = sdk.connection.patch_unified_connection(request={"id": cid, "connection": dict(body, is_paused=True)})
    check(patched.connection.is_paused is True, "patch did not pause the connection")
    report("connection.patch_unified_connection", "is_paused false → true")

    updated = sdk.connection.update_unified_connection(
        request={"id": cid, "connection": dict(body, categories=["crm", "ticketing"])})
    check(updated.connection.categories == ["crm", "ticketing"], f"update categories {updated.connection.categories}")
    report("connection.update_unified_connection", "categories replaced")

    removed = sdk.connection.remove_unified_connection(request={"id": cid})
    check(200 <= removed.status_code < 300, f"remove connection returned {removed.status_code}")
    try:
        sdk.connection.get_unified_connection(request={"id": cid})
        raise AssertionError("the removed connection is still readable")
    except AssertionError:
        raise
    except Exception as error:  # the SDK raises its own error type for a 404
        check("404" in str(error) or getattr(error, "status_code", None) == 404, f"unexpected error {error!r}")
    report("connection.remove_unified_connection", "removed; get answers 404")


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # noqa: BLE001 - the test wants one readable line
        print(f"FAILED {type(error).__name__}: {error}", flush=True)
        sys.exit(1)
