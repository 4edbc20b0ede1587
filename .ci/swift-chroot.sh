#!/usr/bin/env bash
# Prepares (once) a Debian trixie chroot with Swift 6.0 (`swiftlang`) for the Swift wrapper's
# tests. Swift must never be installed on the bookworm host: trixie's package would replace
# libc. The chroot lives at a fixed path so later CI runs on the same machine reuse it; a
# fresh machine builds it in about 70 s (about 530 MB download).
set -euo pipefail
ROOT=${1:-/var/cache/livesign/trixie-swift}
# $ROOT/usr/bin/swift is an absolute symlink: test the real binary.
if [ -x "$ROOT/usr/libexec/swift/bin/swift" ]; then echo "swift chroot cached at $ROOT"; exit 0; fi
command -v debootstrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
[ -n "$MIRROR" ] || MIRROR=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list)
mkdir -p "$(dirname "$ROOT")"
rm -rf "$ROOT.tmp"
debootstrap --variant=minbase trixie "$ROOT.tmp" "$MIRROR" >/dev/null
cp /etc/resolv.conf "$ROOT.tmp/etc/resolv.conf"
unshare --mount --propagation private bash -c "mount -t proc proc '$ROOT.tmp/proc' && chroot '$ROOT.tmp' bash -c \
  'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends swiftlang libc6-dev libstdc++-14-dev >/dev/null && apt-get clean'"
mv "$ROOT.tmp" "$ROOT"
echo "swift chroot ready at $ROOT"
