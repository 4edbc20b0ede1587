#!/usr/bin/env bash
# Side-by-side benchmark: livesign against OpenSSL (MD5(), HMAC() one-shot, a reused
# HMAC_CTX) and Tencent's official UserSig SDKs (PyPI and npm `tls-sig-api-v2`), plus a
# standard-library Python UserSig verifier, in ONE run with interleaved rounds: every round
# runs each program once (C, Python, Node), so machine noise hits all of them alike.
# Prints the median ns/op per benchmark, the ratios and the performance targets.
#   bash benches/compare/run.sh            # ROUNDS=9 by default
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-9}
work=target/compare
mkdir -p "$work"

# Tools: a C compiler with OpenSSL's headers, Python 3 with pip, Node with npm.
if ! echo '#include <openssl/hmac.h>' | cc -E - >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libssl-dev >/dev/null
fi
[ -f "$work/py/TLSSigAPIv2.py" ] || python3 -m pip install -q --disable-pip-version-check --target "$work/py" tls-sig-api-v2==1.1
[ -d "$work/node/node_modules/tls-sig-api-v2" ] || (mkdir -p "$work/node" && cd "$work/node" && npm install -s --no-audit --no-fund tls-sig-api-v2@1.0.2 >/dev/null)

cargo build --locked --release --lib -q
cc -O2 -std=c99 -Wall -Wextra -Werror -Iinclude benches/compare/compare.c target/release/liblivesign.a \
   -lcrypto $(cargo rustc -q --release --lib --crate-type staticlib -- --print native-static-libs 2>&1 \
   | sed -n 's/.*native-static-libs: //p') -o "$work/compare"

PYTHONPATH="$work/py" python3 benches/compare/compare.py --make-token "$work/token.txt"
# A dynamic-Huffman token (zlib writes one where it comes out shorter): the official Node
# SDK's c7 vector, same key, sdkappid, identifier and issue time.
python3 benches/compare/compare.py --vector-token c7_ node tests/vectors/usersig.json "$work/token_dynamic.txt"
: > "$work/samples.txt"
for r in $(seq 0 $((ROUNDS - 1))); do
  "$work/compare" "$r" "$work/token.txt" "$work/token_dynamic.txt" >> "$work/samples.txt"
  PYTHONPATH="$work/py" python3 benches/compare/compare.py "$r" "$work/token.txt" "$work/token_dynamic.txt" >> "$work/samples.txt"
  NODE_PATH="$work/node/node_modules" node benches/compare/compare.js "$r" >> "$work/samples.txt"
done
python3 benches/compare/report.py "$work/samples.txt"
