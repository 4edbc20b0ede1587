"""Generates UserSigs with Tencent's official PyPI package (tls-sig-api-v2 1.1) at a pinned
clock, for tests/interop_usersig.rs.

stdin: one JSON object per line: {"sdkappid", "key", "identifier", "expire", "time",
"userbuf_hex"} (userbuf_hex null: TLSSigAPIv2.gen_sig; else gen_sig_with_userbuf).
stdout: one JSON object per line: {"usersig": "..."}.
The package reads the clock with time.time(); the test replaces that for each token.
"""
import json
import sys

import TLSSigAPIv2

for line in sys.stdin:
    case = json.loads(line)
    # Pin the package's clock: it calls time.time() once per token.
    TLSSigAPIv2.time.time = lambda t=case["time"]: float(t)
    api = TLSSigAPIv2.TLSSigAPIv2(case["sdkappid"], case["key"])
    if case["userbuf_hex"] is None:
        sig = api.gen_sig(case["identifier"], case["expire"])
    else:
        sig = api.gen_sig_with_userbuf(case["identifier"], case["expire"], bytes.fromhex(case["userbuf_hex"]))
    print(json.dumps({"usersig": sig}), flush=True)
