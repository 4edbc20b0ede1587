"""Python side of the side-by-side benchmark (benches/compare/run.sh).

Times Tencent's official `tls-sig-api-v2` (PyPI 1.1) UserSig generation, and a UserSig
verifier written with the standard library (the official Python package has none; this is the
algorithm of the official Go/PHP verifiers). Prints `<round> <name> <ns/op>` lines, one sample
per benchmark, calibrated to ~20 ms each.

usage: compare.py <round> <token file> <dynamic token file> ; or: compare.py --make-token
<file> ; or: compare.py --vector-token <case prefix> <impl> <usersig.json> <file>
"""
import base64
import hmac
import hashlib
import json
import sys
import time
import timeit
import zlib


SDKAPPID = 1400000000
KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e"
IDENTIFIER = "xiaojun"
EXPIRE = 180 * 86400
TIME = 1700000000


def zlib_stream(token):
    """The zlib stream a token encodes in Tencent's base64 alphabet (`* - _`)."""
    return base64.b64decode(token.replace("*", "+").replace("-", "/").replace("_", "="))


def verify(token, sdkappid, key, identifier, now):
    """Decode, inflate, parse, check identity and expiry, recompute and compare the HMAC."""
    doc = json.loads(zlib.decompress(zlib_stream(token)))
    if doc.get("TLS.sdkappid") != sdkappid or doc.get("TLS.identifier", "") != identifier:
        raise ValueError("identity mismatch")
    t, e = doc.get("TLS.time", 0), doc.get("TLS.expire", 0)
    content = "TLS.identifier:%s\nTLS.sdkappid:%d\nTLS.time:%d\nTLS.expire:%d\n" % (identifier, sdkappid, t, e)
    if "TLS.userbuf" in doc:
        content += "TLS.userbuf:%s\n" % doc["TLS.userbuf"]
    mac = hmac.new(key.encode(), content.encode(), hashlib.sha256).digest()
    if not hmac.compare_digest(base64.b64decode(doc["TLS.sig"]), mac):
        raise ValueError("sig not match")
    if now > t + e:
        raise ValueError("expired")
    return True


def inflated_block_type(token):
    """The deflate block type of a token's first block: 0 stored, 1 fixed, 2 dynamic Huffman."""
    return (zlib_stream(token)[2] >> 1) & 3


def vector_token(case, impl, vectors, path):
    """A token of the shared vectors, which must be for this file's key, app, user and time
    and be dynamic-Huffman."""
    v = next(v for v in json.load(open(vectors))["vectors"] if v["case"].startswith(case) and v["impl"] == impl)
    assert (v["key"], v["sdkappid"], v["identifier"], v["time"]) == (KEY, SDKAPPID, IDENTIFIER, TIME)
    assert inflated_block_type(v["usersig"]) == 2, "not a dynamic-Huffman token"
    assert verify(v["usersig"], SDKAPPID, KEY, IDENTIFIER, TIME)
    with open(path, "w") as f:
        f.write(v["usersig"])


def make_token(path):
    """An official Python token at a pinned clock (zlib level 6: a fixed-Huffman block)."""
    import TLSSigAPIv2

    real = time.time
    time.time = lambda: TIME
    try:
        token = TLSSigAPIv2.TLSSigAPIv2(SDKAPPID, KEY).gen_sig(IDENTIFIER, EXPIRE)
    finally:
        time.time = real
    assert zlib.decompress(zlib_stream(token))
    with open(path, "w") as f:
        f.write(token)


def sample(fn):
    n = 1
    while True:
        elapsed = timeit.timeit(fn, number=n)
        if elapsed > 0.02:
            return elapsed / n * 1e9
        n *= 2 if elapsed > 0.002 else 10


def main():
    if sys.argv[1] == "--make-token":
        make_token(sys.argv[2])
        return
    if sys.argv[1] == "--vector-token":
        vector_token(*sys.argv[2:6])
        return
    import TLSSigAPIv2

    rnd, token, dynamic = sys.argv[1], open(sys.argv[2]).read().strip(), open(sys.argv[3]).read().strip()
    api = TLSSigAPIv2.TLSSigAPIv2(SDKAPPID, KEY)
    assert verify(token, SDKAPPID, KEY, IDENTIFIER, TIME) and verify(dynamic, SDKAPPID, KEY, IDENTIFIER, TIME)
    print(rnd, "usersig_gen/python_official", "%.1f" % sample(lambda: api.gen_sig(IDENTIFIER, EXPIRE)))
    print(rnd, "usersig_verify/python_stdlib", "%.1f" % sample(lambda: verify(token, SDKAPPID, KEY, IDENTIFIER, TIME)))
    print(rnd, "usersig_verify_dynamic/python_stdlib",
          "%.1f" % sample(lambda: verify(dynamic, SDKAPPID, KEY, IDENTIFIER, TIME)))


if __name__ == "__main__":
    main()
