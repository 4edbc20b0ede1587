#!/usr/bin/env bash
# Prints README.md's fenced examples in one language as one source file, so the wrapper
# scripts can compile them against the real wrapper: first every line of the examples that
# starts with `import ` (hoisted, deduplicated), then each example as the body of its own
# function, opened by the printf format given (%d is the example's README line).
#   bash .ci/readme-snippets.sh kotlin 'fun readmeExample%d() {'
set -euo pipefail
lang=$1 open=$2
readme="$(dirname "$0")/../README.md"
grep -q "^\`\`\`$lang\$" "$readme" || { echo "no $lang example in README.md" >&2; exit 1; }
awk -v lang="$lang" '$0 == "```" lang {f = 1; next} /^```/ {f = 0} f && /^import / && !seen[$0]++' "$readme"
awk -v lang="$lang" -v open="$open" '
  $0 == "```" lang {f = 1; printf open "\n", NR; next}
  f && /^```/ {f = 0; print "}"; next}
  f && !/^import / {print}' "$readme"
