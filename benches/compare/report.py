"""Summarises benches/compare samples (`<round> <name> <ns/op>` lines): the median of the
rounds per benchmark, ratios against the reference measured in the same run, and the issue's
performance targets, each PASS or FAIL. usage: report.py <samples file>"""
import collections
import os
import platform
import statistics
import subprocess
import sys

samples = collections.defaultdict(list)
for line in open(sys.argv[1]):
    _, name, ns = line.split()
    samples[name].append(float(ns))
median = {name: statistics.median(v) for name, v in samples.items()}


def cpu():
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        model = next(l.split(":", 1)[1].strip() for l in out.splitlines() if l.startswith("Model name"))
    except Exception:
        model = platform.processor() or "unknown CPU"
    return f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.machine()}"


print(f"machine: {cpu()}; rounds: {max(len(v) for v in samples.values())} (interleaved), median ns/op")
print()
print(f"{'benchmark':<48} {'ns/op':>10} {'min':>10} {'max':>10}")
for name in sorted(median):
    v = samples[name]
    print(f"{name:<48} {median[name]:>10.1f} {min(v):>10.1f} {max(v):>10.1f}")

# (description, value, bound, comparison)
TARGETS = [
    ("t + sign vs OpenSSL MD5() + hex (ratio, <= 1.1)",
     ("tencent_sign/livesign", "/", "tencent_sign/openssl_MD5_hex"), 1.1, "<="),
    ("Huawei sign, raw key: OpenSSL HMAC() one-shot / livesign (>= 5)",
     ("huawei_sign/openssl_HMAC_oneshot", "/", "huawei_sign/livesign_raw_key"), 5.0, ">="),
    ("Huawei notification verify (keyed, ~400 B) vs reused HMAC_CTX (ratio, <= 3)",
     ("huawei_verify/livesign_keyed", "/", "huawei_verify/openssl_HMAC_CTX_reuse"), 3.0, "<="),
    ("UserSig gen, keyed (ns, <= 500)", ("usersig_gen/livesign_keyed",), 500.0, "<="),
    ("UserSig gen: official Python / livesign keyed (>= 40)",
     ("usersig_gen/python_official", "/", "usersig_gen/livesign_keyed"), 40.0, ">="),
    ("UserSig verify, Python-made fixed-Huffman token (ns, <= 800)",
     ("usersig_verify/livesign_keyed",), 800.0, "<="),
]
print()
print("targets (ratios from this one run):")
failed = 0
for desc, expr, bound, cmp in TARGETS:
    if any(n not in median for n in expr[::2]):
        print(f"  MISSING {desc}")
        failed += 1
        continue
    value = median[expr[0]] if len(expr) == 1 else median[expr[0]] / median[expr[2]]
    ok = value <= bound if cmp == "<=" else value >= bound
    failed += not ok
    print(f"  {'PASS' if ok else 'FAIL'}  {desc}: {value:.2f}")
ratios = [("UserSig gen: official Node / livesign keyed", "usersig_gen/node_official", "usersig_gen/livesign_keyed"),
          ("UserSig verify: Python stdlib verifier / livesign keyed", "usersig_verify/python_stdlib", "usersig_verify/livesign_keyed"),
          ("UserSig verify, Node-made dynamic-Huffman token: Python stdlib verifier / livesign keyed",
           "usersig_verify_dynamic/python_stdlib", "usersig_verify_dynamic/livesign_keyed")]
for desc, a, b in ratios:
    if a in median and b in median:
        print(f"  info  {desc}: {median[a] / median[b]:.1f}x")
# CI runs one round as a smoke test of the harness on a shared machine, where timings are not
# evidence: COMPARE_REPORT_ONLY=1 prints the verdicts without failing on them.
sys.exit(1 if failed and not os.environ.get("COMPARE_REPORT_ONLY") else 0)
