#!/usr/bin/env bash
# Fuzzes every target of fuzz/ for a bounded time and fails on any crash.
#
#   LIVESIGN_FUZZ_SECONDS   seconds per target (default 60)
#   LIVESIGN_FUZZ_TARGETS   space-separated subset of targets (default: all, from `cargo fuzz list`)
#
# Installs cargo-fuzz (from crates.io, pinned) into target/tools when it is not on PATH. Runs
# on the stable toolchain with RUSTC_BOOTSTRAP=1, which lets stable rustc accept the -Z flags
# cargo-fuzz passes (-Zsanitizer=address, sancov): a fresh machine has only the one stable
# toolchain, and fuzzing the compiler the rest of CI uses is what we want anyway.
#
# Seeds come from tests/vectors/*.json (tests/fuzz_regressions.rs writes them); the growing
# corpus stays in target/fuzz/corpus and is never committed. Each crash is copied to
# tests/fuzz_regressions/<target>/, which `cargo test` replays through the same invariants:
# commit it with the fix (see tests/fuzz_regressions/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${LIVESIGN_FUZZ_SECONDS:-60}"
work="$PWD/target/fuzz"
tools="$PWD/target/tools"
cargo_fuzz_version=0.13.2

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  if [ ! -x "$tools/bin/cargo-fuzz" ]; then
    echo "installing cargo-fuzz $cargo_fuzz_version into $tools"
    cargo install cargo-fuzz --locked --version "$cargo_fuzz_version" --root "$tools" --quiet
  fi
  export PATH="$tools/bin:$PATH"
fi
export RUSTC_BOOTSTRAP=1

# Seed corpora from the vectors (and a check that every seed passes its target).
rm -rf "$work/seeds"
LIVESIGN_FUZZ_SEEDS="$work/seeds" cargo test --locked -q --test fuzz_regressions every_seed

# -a: debug assertions on, so a debug_assert! in livesign is a crash too.
cargo fuzz build -O -a
targets="${LIVESIGN_FUZZ_TARGETS:-$(cargo fuzz list)}"

failed=()
summary=()
for t in $targets; do
  mkdir -p "$work/corpus/$t" "$work/artifacts/$t" "$work/seeds/$t"
  rm -f "$work/artifacts/$t"/*
  log="$work/$t.log"
  echo "--- fuzz $t for ${seconds}s"
  set +e
  # -timeout: one input taking 10 s is a bug (every parser is linear time).
  cargo fuzz run -O -a "$t" "$work/corpus/$t" "$work/seeds/$t" -- \
    -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/$t/" >"$log" 2>&1
  rc=$?
  set -e
  done_line="$(grep -E '^Done [0-9]+ runs in' "$log" | tail -n 1 || true)"
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)"
  echo "${done_line:-no summary line}"
  summary+=("$(printf '%-16s %12s execs %8s exec/s' "$t" "${execs:-?}" "${rate:-?}")")
  artifacts=("$work/artifacts/$t"/*)
  if [ "$rc" -ne 0 ] || [ -e "${artifacts[0]}" ]; then
    failed+=("$t")
    tail -n 60 "$log"
    mkdir -p "tests/fuzz_regressions/$t"
    for a in "${artifacts[@]}"; do
      [ -e "$a" ] || continue
      cp "$a" "tests/fuzz_regressions/$t/"
      echo "saved tests/fuzz_regressions/$t/$(basename "$a"): fix the bug, then commit the file with the fix"
    done
  fi
done

echo
echo "fuzz summary (${seconds}s per target):"
printf '  %s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz FAILED: ${failed[*]}"
  exit 1
fi
echo "fuzz: ${#summary[@]} targets, no crash"
