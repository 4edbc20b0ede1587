"""An independent UserSig checker written from the spec with Python's standard library only
(base64, zlib, json, hmac, hashlib, struct), for livesign's tokens (tests/interop_usersig.rs).

stdin: one JSON object per line: {"usersig", "key", "sdkappid", "identifier", "expire", "time",
"userbuf_hex" (null or "": no userbuf), "roomid" / "roomstr" / "privilege" (PrivateMapKeys;
null otherwise)}.
stdout: one JSON object per line: {"ok": true} or {"ok": false, "why": "..."}.
"""
import base64
import hashlib
import hmac
import json
import struct
import sys
import zlib


def check(c):
    token = c["usersig"]
    # Tencent's alphabet: '*' '-' '_' for '+' '/' '=', padding kept.
    std = token.replace("*", "+").replace("-", "/").replace("_", "=")
    raw = base64.b64decode(std, validate=True)
    if base64.b64encode(raw).decode() != std:
        return "base64 not canonical"
    if raw[:2] != b"\x78\x01":
        return "zlib header %s, want 7801 (stored, like the Go SDK)" % raw[:2].hex()
    d = zlib.decompressobj()
    text = d.decompress(raw) + d.flush()
    if d.unused_data or not d.eof:
        return "zlib stream incomplete or followed by data"
    doc = json.loads(text.decode("utf-8"))
    if not text.endswith(b"}\n"):
        return "document does not end like Go's (with a newline)"

    want = {"TLS.ver": "2.0"}
    # Go's omitempty: zero numbers and the empty identifier are left out.
    if c["identifier"]:
        want["TLS.identifier"] = c["identifier"]
    for name, value in (("TLS.sdkappid", c["sdkappid"]), ("TLS.expire", c["expire"]), ("TLS.time", c["time"])):
        if value:
            want[name] = value
    userbuf = None
    if c["userbuf_hex"] is not None and c["userbuf_hex"] != "":
        userbuf = bytes.fromhex(c["userbuf_hex"])
        want["TLS.userbuf"] = base64.b64encode(userbuf).decode()
    content = "TLS.identifier:%s\nTLS.sdkappid:%d\nTLS.time:%d\nTLS.expire:%d\n" % (
        c["identifier"], c["sdkappid"], c["time"], c["expire"])
    if userbuf is not None:
        content += "TLS.userbuf:%s\n" % want["TLS.userbuf"]
    mac = hmac.new(c["key"].encode("utf-8"), content.encode("utf-8"), hashlib.sha256).digest()
    want["TLS.sig"] = base64.b64encode(mac).decode()
    if doc != want:
        return "document %r, want %r" % (doc, want)
    if list(doc) != [k for k in ("TLS.ver", "TLS.identifier", "TLS.sdkappid", "TLS.expire", "TLS.time",
                                 "TLS.userbuf", "TLS.sig") if k in doc]:
        return "member order %r is not Go's" % list(doc)

    if c.get("privilege") is not None:
        ub = userbuf or b""
        version, n = ub[0], struct.unpack(">H", ub[1:3])[0]
        ident = ub[3:3 + n]
        appid, room, exp, priv, acct = struct.unpack(">IIIII", ub[3 + n:23 + n])
        rest = ub[23 + n:]
        if ident != c["identifier"].encode("ascii") or appid != c["sdkappid"] or priv != c["privilege"] or acct:
            return "PrivateMapKey fields %r" % ((ident, appid, priv, acct),)
        if exp != c["time"] + c["expire"]:
            return "PrivateMapKey expiry %d, want %d" % (exp, c["time"] + c["expire"])
        if c.get("roomstr") is not None:
            m = struct.unpack(">H", rest[:2])[0]
            if version != 1 or room != 0 or rest[2:] != c["roomstr"].encode("ascii") or m != len(rest) - 2:
                return "string room layout"
        elif version != 0 or room != c["roomid"] or rest:
            return "numeric room layout"
    return None


for line in sys.stdin:
    case = json.loads(line)
    try:
        why = check(case)
    except Exception as e:  # any decoding failure is a finding, reported per token
        why = "%s: %s" % (type(e).__name__, e)
    print(json.dumps({"ok": why is None} if why is None else {"ok": False, "why": why}), flush=True)
