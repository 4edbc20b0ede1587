#!/usr/bin/env bash
# Installs Tencent's official TLSSigAPIv2 packages, pinned, into target/interop/ (never
# system-wide), for tests/interop_usersig.rs. Idempotent; needs python3 with pip, and npm.
#   PyPI tls-sig-api-v2 1.1   (TLSSigAPIv2.gen_sig, gen_sig_with_userbuf)
#   npm  tls-sig-api-v2 1.0.2 (Api.genUserSig, genSig, genPrivateMapKey[WithStringRoomID])
set -euo pipefail
cd "$(dirname "$0")/../.."
dir="${LIVESIGN_INTEROP_DIR:-target/interop}"
mkdir -p "$dir"

if [ -d "$dir/python/tls_sig_api_v2-1.1.dist-info" ]; then
  echo "interop: PyPI tls-sig-api-v2 1.1 already in $dir/python"
else
  # --target keeps it out of the system site-packages; PEP 668 systems refuse pip installs
  # unless told, which is harmless here since nothing system-wide is touched.
  PIP_BREAK_SYSTEM_PACKAGES=1 PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check --no-deps \
    --target "$dir/python" "tls-sig-api-v2==1.1"
fi

if [ -f "$dir/node/node_modules/tls-sig-api-v2/package.json" ] &&
   grep -q '"version": "1.0.2"' "$dir/node/node_modules/tls-sig-api-v2/package.json"; then
  echo "interop: npm tls-sig-api-v2 1.0.2 already in $dir/node"
else
  npm install --silent --no-audit --no-fund --prefix "$dir/node" "tls-sig-api-v2@1.0.2"
fi
echo "interop: packages ready in $dir"
