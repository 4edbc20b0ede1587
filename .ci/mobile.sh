#!/usr/bin/env bash
# Compile check of the static library for the mobile targets. There is no Xcode or Android NDK
# on CI, so only the staticlib is built (it needs no linker); linking happens in the app build.
set -euo pipefail
cd "$(dirname "$0")/.."
targets="aarch64-apple-ios aarch64-linux-android"
# shellcheck disable=SC2086
rustup target add $targets
for t in $targets; do
  cargo rustc --locked --release --lib --target "$t" --crate-type staticlib
  ls -l "target/$t/release/liblivesign.a"
done
