/// A verbatim copy of `vectors/signatures.json` (the project's signature test vectors), embedded so the test target
/// needs no resources. Every vector is checked by `SignatureVectorTests`.
let signatureVectorsJSON = ##"""
{
  "title": "VirtualHooks signature test vectors",
  "conventions": {
    "strings": "All strings are UTF-8. 'body' is the exact request body as sent on the wire (no re-serialisation). 'signed' is the exact string whose UTF-8 bytes are hashed or MACed.",
    "origin": "'published' = taken from the scheme owner's documentation or official library tests; 'project' = computed for VirtualHooks and cross-checked with the implementations listed in checked_with."
  },
  "schemes": {
    "unified-sig": "sig = base64(HMAC-SHA1(key = UTF-8(workspace secret), msg = UTF-8(data_json + nonce))); sig256 = same message, HMAC-SHA256, base64. data_json = JSON.stringify(payload.data). Both travel in the JSON body.",
    "hubspot-v1": "X-HubSpot-Signature = lowercase hex SHA-256(UTF-8(client_secret + body)); X-HubSpot-Signature-Version: v1",
    "hubspot-v2": "X-HubSpot-Signature = lowercase hex SHA-256(UTF-8(client_secret + method + uri + body)); X-HubSpot-Signature-Version: v2",
    "hubspot-v3": "X-HubSpot-Signature-v3 = base64(HMAC-SHA256(key = UTF-8(client_secret), msg = UTF-8(method + signed_uri + body + timestamp))); timestamp = X-HubSpot-Request-Timestamp (ms, as sent); signed_uri = uri after the hubspot-v3-uri rule",
    "hubspot-v3-uri": "decode only %3A %2F %3F %40 %21 %24 %27 %28 %29 %2A %2C %3B to : / ? @ ! $ ' ( ) * , ; and leave every other escape as sent. HubSpot lists the escapes in uppercase; matching lowercase hex as well is a VirtualHooks rule (see the vector hubspot-v3-uri-rule-lowercase-hex-project-rule)",
    "standard-webhooks-v1": "webhook-signature entry = 'v1,' + base64(HMAC-SHA256(key = base64decode(secret without 'whsec_'), msg = UTF-8(msg_id + '.' + timestamp + '.' + body))); several entries are separated by single spaces",
    "standard-webhooks-v1a": "webhook-signature entry = 'v1a,' + base64(Ed25519 signature over UTF-8(msg_id + '.' + timestamp + '.' + body))"
  },
  "vectors": [
    {
      "name": "hubspot-v1-docs-example",
      "scheme": "hubspot-v1",
      "origin": "published",
      "source": "https://developers.hubspot.com/docs/apps/legacy-apps/authentication/validating-requests ; https://developers.hubspot.com/docs/faq/v1-request-validation",
      "checked_with": [
        "Python hashlib/hmac",
        "hubspot-api-client 12.0.0 hubspot.utils.signature.Signature.get_signature",
        "Node crypto"
      ],
      "input": {
        "client_secret": "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy",
        "body": "[{\"eventId\":1,\"subscriptionId\":12345,\"portalId\":62515,\"occurredAt\":1564113600000,\"subscriptionType\":\"contact.creation\",\"attemptNumber\":0,\"objectId\":123,\"changeSource\":\"CRM\",\"changeFlag\":\"NEW\",\"appId\":54321}]"
      },
      "signed": "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy[{\"eventId\":1,\"subscriptionId\":12345,\"portalId\":62515,\"occurredAt\":1564113600000,\"subscriptionType\":\"contact.creation\",\"attemptNumber\":0,\"objectId\":123,\"changeSource\":\"CRM\",\"changeFlag\":\"NEW\",\"appId\":54321}]",
      "expected": {
        "X-HubSpot-Signature-Version": "v1",
        "X-HubSpot-Signature": "232db2615f3d666fe21a8ec971ac7b5402d33b9a925784df3ca654d05f4817de"
      }
    },
    {
      "name": "hubspot-v2-docs-example-get",
      "scheme": "hubspot-v2",
      "origin": "published",
      "source": "https://developers.hubspot.com/docs/apps/legacy-apps/authentication/validating-requests ; https://developers.hubspot.com/docs/faq/v2-request-validation",
      "checked_with": [
        "Python hashlib/hmac",
        "hubspot-api-client 12.0.0 hubspot.utils.signature.Signature.get_signature",
        "Node crypto"
      ],
      "input": {
        "client_secret": "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy",
        "method": "GET",
        "uri": "https://www.example.com/webhook_uri",
        "body": ""
      },
      "signed": "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyyGEThttps://www.example.com/webhook_uri",
      "expected": {
        "X-HubSpot-Signature-Version": "v2",
        "X-HubSpot-Signature": "eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e"
      },
      "note": "GET request: the body is the empty string"
    },
    {
      "name": "hubspot-v1-python-client-test",
      "scheme": "hubspot-v1",
      "origin": "published",
      "source": "github.com/HubSpot/hubspot-api-python tests/spec/utils/test_signature.py",
      "checked_with": [
        "Python hashlib/hmac",
        "hubspot-api-client 12.0.0 hubspot.utils.signature.Signature.get_signature",
        "Node crypto"
      ],
      "input": {
        "client_secret": "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy",
        "body": "{'example_field':'example_value'}"
      },
      "signed": "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy{'example_field':'example_value'}",
      "expected": {
        "X-HubSpot-Signature-Version": "v1",
        "X-HubSpot-Signature": "69fc6631a867edd4f9e9e627fc5c1148e3fbdd8b21837b6d2b8901c1fa57f750"
      }
    },
    {
      "name": "hubspot-v2-python-client-test",
      "scheme": "hubspot-v2",
      "origin": "published",
      "source": "github.com/HubSpot/hubspot-api-python tests/spec/utils/test_signature.py",
      "checked_with": [
        "Python hashlib/hmac",
        "hubspot-api-client 12.0.0 hubspot.utils.signature.Signature.get_signature",
        "Node crypto"
      ],
      "input": {
        "client_secret": "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy",
        "method": "POST",
        "uri": "https://www.example.com/webhook_uri",
        "body": "{'example_field':'example_value'}"
      },
      "signed": "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyyPOSThttps://www.example.com/webhook_uri{'example_field':'example_value'}",
      "expected": {
        "X-HubSpot-Signature-Version": "v2",
        "X-HubSpot-Signature": "4fe4e3a7d3cf09db53be39d0a58130e2aaba074ec123a9e355b876a689a1c383"
      }
    },
    {
      "name": "hubspot-v3-python-client-test",
      "scheme": "hubspot-v3",
      "origin": "published",
      "source": "github.com/HubSpot/hubspot-api-python tests/spec/utils/test_signature.py",
      "checked_with": [
        "Python hashlib/hmac",
        "hubspot-api-client 12.0.0 hubspot.utils.signature.Signature.get_signature",
        "Node crypto"
      ],
      "input": {
        "client_secret": "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy",
        "method": "POST",
        "uri": "https://www.example.com/webhook_uri",
        "signed_uri": "https://www.example.com/webhook_uri",
        "body": "{'example_field':'example_value'}",
        "timestamp": "15000000"
      },
      "signed": "POSThttps://www.example.com/webhook_uri{'example_field':'example_value'}15000000",
      "expected": {
        "X-HubSpot-Request-Timestamp": "15000000",
        "X-HubSpot-Signature-v3": "HPW73RUtKmcYoEDADG0s6MmGFWUzWJKAW07r8RDgcQw="
      },
      "note": "timestamp is far in the past: use it to test the signature computation only; a verifier must reject it as stale"
    },
    {
      "name": "hubspot-v1-bridge",
      "scheme": "hubspot-v1",
      "origin": "project",
      "source": "VirtualHooks project vector",
      "checked_with": [
        "Python hashlib/hmac",
        "hubspot-api-client 12.0.0 hubspot.utils.signature.Signature.get_signature",
        "Node crypto"
      ],
      "input": {
        "client_secret": "my-client-secret",
        "body": "[{\"eventId\":1,\"objectId\":123}]"
      },
      "signed": "my-client-secret[{\"eventId\":1,\"objectId\":123}]",
      "expected": {
        "X-HubSpot-Signature-Version": "v1",
        "X-HubSpot-Signature": "4c1989025b232940099f300ccd64073c26fa91b3e19d73e1bfffccee1896de63"
      }
    },
    {
      "name": "hubspot-v2-bridge-raw-uri",
      "scheme": "hubspot-v2",
      "origin": "project",
      "source": "VirtualHooks project vector",
      "checked_with": [
        "Python hashlib/hmac",
        "hubspot-api-client 12.0.0 hubspot.utils.signature.Signature.get_signature",
        "Node crypto"
      ],
      "input": {
        "client_secret": "my-client-secret",
        "method": "POST",
        "uri": "https://bridge.example.com/hooks/hubspot?portal=62515&tag=a%3Ab",
        "body": "[{\"eventId\":1,\"objectId\":123}]"
      },
      "signed": "my-client-secretPOSThttps://bridge.example.com/hooks/hubspot?portal=62515&tag=a%3Ab[{\"eventId\":1,\"objectId\":123}]",
      "expected": {
        "X-HubSpot-Signature-Version": "v2",
        "X-HubSpot-Signature": "a340f7c36335dcff513db5c7168b2380d9ce2a9bf2af2dec7aa6e37b4d46aff6"
      },
      "note": "v2 signs the URI exactly as requested, escapes included"
    },
    {
      "name": "hubspot-v3-bridge-decoded-uri",
      "scheme": "hubspot-v3",
      "origin": "project",
      "source": "VirtualHooks project vector",
      "checked_with": [
        "Python hashlib/hmac",
        "hubspot-api-client 12.0.0 hubspot.utils.signature.Signature.get_signature",
        "Node crypto"
      ],
      "input": {
        "client_secret": "my-client-secret",
        "method": "POST",
        "uri": "https://bridge.example.com/hooks/hubspot?portal=62515&tag=a%3Ab",
        "signed_uri": "https://bridge.example.com/hooks/hubspot?portal=62515&tag=a:b",
        "body": "[{\"eventId\":1,\"objectId\":123}]",
        "timestamp": "1700000000000"
      },
      "signed": "POSThttps://bridge.example.com/hooks/hubspot?portal=62515&tag=a:b[{\"eventId\":1,\"objectId\":123}]1700000000000",
      "expected": {
        "X-HubSpot-Request-Timestamp": "1700000000000",
        "X-HubSpot-Signature-v3": "lLEGt/lO8XnKlAns0B/Xd5huhBH9oMq3ptD7PE+NvdA="
      },
      "wrong_if_uri_not_decoded": "Qf5AkrVwvOf9oF7BtcIHu+jrpA3DynNJRqMOqjWQHvY=",
      "note": "v3 signs the URI after the percent-decoding rule (%3A -> :); wrong_if_uri_not_decoded is what an implementation that skips the rule computes"
    },
    {
      "name": "hubspot-v3-uri-rule-mixed",
      "scheme": "hubspot-v3-uri",
      "origin": "project",
      "source": "https://developers.hubspot.com/docs/apps/legacy-apps/authentication/validating-requests (list of decoded escapes)",
      "checked_with": [
        "Python",
        "Node"
      ],
      "input": {
        "uri": "https://example.com/hook%3Fx?state=a%3Ab%2Fc%20d%7E"
      },
      "expected": {
        "signed_uri": "https://example.com/hook?x?state=a:b/c%20d%7E"
      }
    },
    {
      "name": "hubspot-v3-uri-rule-bridge",
      "scheme": "hubspot-v3-uri",
      "origin": "project",
      "source": "https://developers.hubspot.com/docs/apps/legacy-apps/authentication/validating-requests (list of decoded escapes)",
      "checked_with": [
        "Python",
        "Node"
      ],
      "input": {
        "uri": "https://bridge.example.com/hooks/hubspot?portal=62515&tag=a%3Ab"
      },
      "expected": {
        "signed_uri": "https://bridge.example.com/hooks/hubspot?portal=62515&tag=a:b"
      }
    },
    {
      "name": "hubspot-v3-uri-rule-lowercase-hex-project-rule",
      "scheme": "hubspot-v3-uri",
      "origin": "project",
      "source": "https://developers.hubspot.com/docs/apps/legacy-apps/authentication/validating-requests (list of decoded escapes)",
      "checked_with": [
        "Python",
        "Node"
      ],
      "input": {
        "uri": "https://h.example/p?q=%3a%2f%3f%40%21%24%27%28%29%2a%2c%3b%20%7e%25"
      },
      "expected": {
        "signed_uri": "https://h.example/p?q=:/?@!$'()*,;%20%7e%25"
      }
    },
    {
      "name": "standard-webhooks-v1-library-test",
      "scheme": "standard-webhooks-v1",
      "origin": "published",
      "source": "github.com/standard-webhooks/standard-webhooks libraries/python/tests/test_webhooks.py (test_sign_function)",
      "checked_with": [
        "Python hmac",
        "standardwebhooks 1.1.0 (PyPI) Webhook.sign/verify",
        "Node crypto"
      ],
      "input": {
        "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "secret_bytes_hex": "31f290f6bf06298aab4f08d43c3f082cf648a362da2da4b0",
        "msg_id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "timestamp": 1614265330,
        "body": "{\"test\": 2432232314}"
      },
      "signed": "msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{\"test\": 2432232314}",
      "expected": {
        "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "webhook-timestamp": "1614265330",
        "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
      },
      "note": "the body contains a space after the colon: sign the bytes as sent, never a re-serialisation"
    },
    {
      "name": "standard-webhooks-v1-spec-example",
      "scheme": "standard-webhooks-v1",
      "origin": "published",
      "source": "github.com/standard-webhooks/standard-webhooks spec/standard-webhooks.md (example payload, minified)",
      "checked_with": [
        "Python hmac",
        "standardwebhooks 1.1.0 (PyPI) Webhook.sign/verify",
        "Node crypto"
      ],
      "input": {
        "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "secret_bytes_hex": "31f290f6bf06298aab4f08d43c3f082cf648a362da2da4b0",
        "msg_id": "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
        "timestamp": 1674087231,
        "body": "{\"type\":\"contact.created\",\"timestamp\":\"2022-11-03T20:26:10.344522Z\",\"data\":{\"id\":\"1f81eb52-5198-4599-803e-771906343485\"}}"
      },
      "signed": "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W.1674087231.{\"type\":\"contact.created\",\"timestamp\":\"2022-11-03T20:26:10.344522Z\",\"data\":{\"id\":\"1f81eb52-5198-4599-803e-771906343485\"}}",
      "expected": {
        "webhook-id": "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
        "webhook-timestamp": "1674087231",
        "webhook-signature": "v1,ARw42xaAApl/nxRo+iPGYwSaMQaOwMo2eyH5JBRA+bQ="
      }
    },
    {
      "name": "standard-webhooks-v1-secret-bytes-0-23",
      "scheme": "standard-webhooks-v1",
      "origin": "project",
      "source": "VirtualHooks project vector",
      "checked_with": [
        "Python hmac",
        "standardwebhooks 1.1.0 (PyPI) Webhook.sign/verify",
        "Node crypto",
        "svix 2.9.1 (PyPI) with svix-* and with webhook-* headers"
      ],
      "input": {
        "secret": "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYX",
        "secret_bytes_hex": "000102030405060708090a0b0c0d0e0f1011121314151617",
        "msg_id": "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
        "timestamp": 1700000000,
        "body": "{\"type\":\"contact.updated\",\"timestamp\":\"2023-11-14T22:13:20Z\",\"data\":{\"id\":\"123\"}}"
      },
      "signed": "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W.1700000000.{\"type\":\"contact.updated\",\"timestamp\":\"2023-11-14T22:13:20Z\",\"data\":{\"id\":\"123\"}}",
      "expected": {
        "webhook-id": "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
        "webhook-timestamp": "1700000000",
        "webhook-signature": "v1,o49lwId3+jw6NHpaNz7J6cxUFqthD/2Y4eZsKLjfa+I="
      },
      "note": "secret = the 24 bytes 0x00..0x17"
    },
    {
      "name": "standard-webhooks-v1-rotation-two-secrets",
      "scheme": "standard-webhooks-v1",
      "origin": "project",
      "source": "github.com/standard-webhooks/standard-webhooks spec/standard-webhooks.md (rotation: several space-separated signatures)",
      "checked_with": [
        "Python hmac",
        "standardwebhooks 1.1.0 (PyPI) Webhook.sign/verify",
        "Node crypto"
      ],
      "input": {
        "secrets": [
          "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
          "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYX"
        ],
        "msg_id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "timestamp": 1614265330,
        "body": "{\"test\": 2432232314}"
      },
      "signed": "msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{\"test\": 2432232314}",
      "expected": {
        "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "webhook-timestamp": "1614265330",
        "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= v1,/485aUtxlie+TIScVpHggMfqOB4so2KWb7+Gf727B44="
      },
      "verify": {
        "accepts_with_secret": [
          "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
          "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYX"
        ],
        "rejects_with_secret": [
          "whsec_ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7"
        ],
        "rejection_error": "No matching signature found"
      },
      "note": "current secret first, then the previous one; a receiver holding either secret accepts the request"
    },
    {
      "name": "standard-webhooks-v1-timestamp-tolerance",
      "scheme": "standard-webhooks-v1",
      "origin": "project",
      "source": "github.com/standard-webhooks/standard-webhooks spec/standard-webhooks.md ; standardwebhooks 1.1.0 webhooks.py (tolerance 5 minutes)",
      "checked_with": [
        "standardwebhooks 1.1.0 (PyPI) Webhook.verify with a frozen clock"
      ],
      "input": {
        "vector": "standard-webhooks-v1-library-test"
      },
      "expected": {
        "cases": [
          {
            "now": 1614265630,
            "result": "accept"
          },
          {
            "now": 1614265631,
            "result": "reject",
            "error": "Message timestamp too old"
          },
          {
            "now": 1614265030,
            "result": "accept"
          },
          {
            "now": 1614265029,
            "result": "reject",
            "error": "Message timestamp too new"
          }
        ]
      },
      "note": "accept iff now - 300 <= webhook-timestamp <= now + 300 (unix seconds)"
    },
    {
      "name": "standard-webhooks-v1a-ed25519",
      "scheme": "standard-webhooks-v1a",
      "origin": "project",
      "source": "github.com/standard-webhooks/standard-webhooks spec/standard-webhooks.md (v1a)",
      "checked_with": [
        "Python cryptography 48 Ed25519",
        "Node crypto Ed25519"
      ],
      "input": {
        "secret_key_seed32": "whsk_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "secret_key_seed_and_public64": "whsk_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8DoQe/884Qvh1w3RjnS8CZZ+TWMJulDV8d3IZkElUxuA==",
        "public_key": "whpk_A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=",
        "msg_id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "timestamp": 1614265330,
        "body": "{\"test\": 2432232314}"
      },
      "signed": "msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{\"test\": 2432232314}",
      "expected": {
        "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "webhook-timestamp": "1614265330",
        "webhook-signature": "v1a,yoUrgEkc12aGqm0n4Sydmdz55xJfTz4AsAgieHFjmkR7LJtqVCZOQYzvvHjI5kAey+r4iaBGxTFRrl2iBQxtDQ=="
      },
      "note": "seed = bytes 0x00..0x1f. Ed25519 is deterministic, so the signature is reproducible. whsk_ appears in two encodings in the wild: the 32-byte seed and the 64-byte seed||public key (Svix server)"
    },
    {
      "name": "unified-sig-basic",
      "scheme": "unified-sig",
      "origin": "project",
      "source": "https://docs.unified.to/unified/webhook/model ; https://docs.unified.to/crm/event/model (sig = HMAC-SHA1(workspace.secret, data + nonce))",
      "checked_with": [
        "Node 20 JSON.stringify + crypto.createHmac",
        "Python hmac with an independent implementation of the ECMAScript JSON.stringify rules"
      ],
      "input": {
        "workspace_secret": "test_workspace_secret",
        "nonce": "5f2b8c1e9a4d",
        "data_json": "[{\"id\":\"c1\",\"name\":\"Ada Lovelace\",\"emails\":[{\"email\":\"ada@example.com\",\"type\":\"WORK\"}],\"updated_at\":\"2024-01-01T00:00:00.000Z\"}]"
      },
      "signed": "[{\"id\":\"c1\",\"name\":\"Ada Lovelace\",\"emails\":[{\"email\":\"ada@example.com\",\"type\":\"WORK\"}],\"updated_at\":\"2024-01-01T00:00:00.000Z\"}]5f2b8c1e9a4d",
      "signed_utf8_hex": "5b7b226964223a226331222c226e616d65223a22416461204c6f76656c616365222c22656d61696c73223a5b7b22656d61696c223a22616461406578616d706c652e636f6d222c2274797065223a22574f524b227d5d2c22757064617465645f6174223a22323032342d30312d30315430303a30303a30302e3030305a227d5d356632623863316539613464",
      "expected": {
        "sig": "Da3bsiDM1ayN7ZILIk7LqN7j/dE=",
        "sig256": "RiCKbMrbTWom8nwU0lE2gl847ZnTj0/H12BU2IUPhrY="
      },
      "alternatives_not_used": {
        "sig_hex": "0daddbb220ccd5ac8ded920b224ecba8dee3fdd1",
        "sig256_hex": "46208a6ccadb4d6a26f27c14d25136825f38ed99d38f4fc7d76054d8850f86b6"
      },
      "payload_body": "{\"data\":[{\"id\":\"c1\",\"name\":\"Ada Lovelace\",\"emails\":[{\"email\":\"ada@example.com\",\"type\":\"WORK\"}],\"updated_at\":\"2024-01-01T00:00:00.000Z\"}],\"webhook\":{\"id\":\"65f0c2a1e4b0a1b2c3d4e5f6\",\"connection_id\":\"conn_abc\",\"object_type\":\"crm_contact\",\"event\":\"updated\",\"hook_url\":\"https://example.com/hooks/unified\",\"webhook_type\":\"virtual\",\"interval\":15,\"environment\":\"Production\",\"is_healthy\":true},\"nonce\":\"5f2b8c1e9a4d\",\"sig\":\"Da3bsiDM1ayN7ZILIk7LqN7j/dE=\",\"type\":\"VIRTUAL\"}",
      "note": "sig = base64(HMAC-SHA1(workspace secret, JSON.stringify(data) + nonce)). The base64 digest and the JSON.stringify reading of 'data + nonce' are a design decision (Unified documents only 'HMAC-SHA1(workspace.secret, data + nonce)'); sig256 is the same message with HMAC-SHA256 and is a project addition. payload_body is the exact compact body a receiver gets."
    },
    {
      "name": "unified-sig-js-serialization-rules",
      "scheme": "unified-sig",
      "origin": "project",
      "source": "https://docs.unified.to/unified/webhook/model ; https://docs.unified.to/crm/event/model (sig = HMAC-SHA1(workspace.secret, data + nonce))",
      "checked_with": [
        "Node 20 JSON.stringify + crypto.createHmac",
        "Python hmac with an independent implementation of the ECMAScript JSON.stringify rules"
      ],
      "input": {
        "workspace_secret": "test_workspace_secret",
        "nonce": "n0nce-7Q",
        "data_input_json": "[ { \"id\": \"c2\", \"name\": \"Zoë Ørsted 😀\", \"website\": \"https://example.com/a/b?x=1&y=<2>\", \"path\": \"a\\/b\", \"note\": \"line1\\nline2\\ttab \\u0001 \\\"q\\\" \\\\ \\u2028\", \"amount\": 100.0, \"ratio\": 12.50, \"tiny\": 1E-7, \"huge\": 1e21, \"big\": 12345678901234567891, \"neg_zero\": -0, \"custom\": { \"b\": true, \"10\": \"ten\", \"a\": null, \"2\": \"two\", \"01\": \"zero-one\" }, \"tags\": [] } ]",
        "data_json": "[{\"id\":\"c2\",\"name\":\"Zoë Ørsted 😀\",\"website\":\"https://example.com/a/b?x=1&y=<2>\",\"path\":\"a/b\",\"note\":\"line1\\nline2\\ttab \\u0001 \\\"q\\\" \\\\  \",\"amount\":100,\"ratio\":12.5,\"tiny\":1e-7,\"huge\":1e+21,\"big\":12345678901234567000,\"neg_zero\":0,\"custom\":{\"2\":\"two\",\"10\":\"ten\",\"b\":true,\"a\":null,\"01\":\"zero-one\"},\"tags\":[]}]"
      },
      "signed": "[{\"id\":\"c2\",\"name\":\"Zoë Ørsted 😀\",\"website\":\"https://example.com/a/b?x=1&y=<2>\",\"path\":\"a/b\",\"note\":\"line1\\nline2\\ttab \\u0001 \\\"q\\\" \\\\  \",\"amount\":100,\"ratio\":12.5,\"tiny\":1e-7,\"huge\":1e+21,\"big\":12345678901234567000,\"neg_zero\":0,\"custom\":{\"2\":\"two\",\"10\":\"ten\",\"b\":true,\"a\":null,\"01\":\"zero-one\"},\"tags\":[]}]n0nce-7Q",
      "signed_utf8_hex": "5b7b226964223a226332222c226e616d65223a225a6fc3ab20c398727374656420f09f9880222c2277656273697465223a2268747470733a2f2f6578616d706c652e636f6d2f612f623f783d3126793d3c323e222c2270617468223a22612f62222c226e6f7465223a226c696e65315c6e6c696e65325c74746162205c7530303031205c22715c22205c5c20e280a8222c22616d6f756e74223a3130302c22726174696f223a31322e352c2274696e79223a31652d372c2268756765223a31652b32312c22626967223a31323334353637383930313233343536373030302c226e65675f7a65726f223a302c22637573746f6d223a7b2232223a2274776f222c223130223a2274656e222c2262223a747275652c2261223a6e756c6c2c223031223a227a65726f2d6f6e65227d2c2274616773223a5b5d7d5d6e306e63652d3751",
      "expected": {
        "sig": "BXmgBBjmNAgtQzq9DpG6kFY8nnw=",
        "sig256": "klKhGW3lr4/gVZSwZziJsIUqrBCpmY/RYroEjIu+w0k="
      },
      "alternatives_not_used": {
        "sig_hex": "0579a00418e634082d433abd0e91ba90563c9e7c",
        "sig256_hex": "9252a1196de5af8fe05594b0673889b0852aac10a9998fd162ba048c8bbec349"
      },
      "note": "Tests the JS-compatible writer: data_input_json is what a provider might send; data_json is what JSON.stringify(JSON.parse(data_input_json)) yields in Node, and is what must be signed and sent. Shows: no whitespace; '\\/' becomes '/'; non-ASCII and U+2028 literal; \\u0001 lowercase hex; 100.0 -> 100; 12.50 -> 12.5; 1E-7 -> 1e-7; 1e21 -> 1e+21; integers beyond 2^53 rounded to the nearest double (12345678901234567891 -> 12345678901234567000); -0 -> 0; integer-like keys (\"2\", \"10\") first in ascending numeric order, other keys (including \"01\") in insertion order."
    }
  ]
}
"""##
