#!/usr/bin/env bash
# Builds the Kotlin wrapper and its JUnit 4 tests with Debian's kotlinc and runs them against
# target/release/liblivesign.so built with `--features jni` (built by the caller).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v kotlinc >/dev/null || [ ! -f /usr/share/java/junit4.jar ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends kotlin junit4 >/dev/null
fi
J=/usr/share/java
CP=$J/junit4.jar:$J/hamcrest-core.jar:$J/kotlin-stdlib.jar
out=target/kotlin
rm -rf "$out" && mkdir -p "$out"
# kotlinc's own status decides; the filter only drops the JVM's noise about -Xverify.
rc=0
kotlinc bindings/kotlin/src bindings/kotlin/test -cp "$CP" -d "$out/classes" >"$out/kotlinc.log" 2>&1 || rc=$?
grep -v -e '^OpenJDK.*warning' -e 'Xverify' "$out/kotlinc.log" || true
if [ "$rc" -ne 0 ]; then echo "kotlinc failed ($rc)"; exit "$rc"; fi
# The README's Kotlin example compiles against the wrapper (tests/readme/Prelude.kt declares
# what it takes from the reader's program).
bash .ci/readme-snippets.sh kotlin 'fun readmeExample%d() {' > "$out/Readme.kt"
kotlinc -nowarn "$out/Readme.kt" tests/readme/Prelude.kt -cp "$out/classes:$CP" -d "$out/readme" >"$out/readme.log" 2>&1 || rc=$?
grep -v -e '^OpenJDK.*warning' -e 'Xverify' "$out/readme.log" || true
if [ "$rc" -ne 0 ]; then echo "the README's Kotlin example does not compile ($rc)"; exit "$rc"; fi
echo "README Kotlin example: compiles"
tests=$(cd bindings/kotlin/test && grep -l '@Test' -r . | sed 's|^\./||; s|\.kt$||; s|/|.|g')
classes=$(for f in $tests; do grep -h '^class ' "bindings/kotlin/test/${f//.//}.kt" | sed 's/^class \([A-Za-z0-9_]*\).*/\1/' | sed "s|^|${f%.*}.|"; done)
# -Xcheck:jni makes the JVM check every JNI call (e.g. none inside a critical region).
status=0
java -Xcheck:jni -Djava.library.path=target/release -cp "$out/classes:$CP" org.junit.runner.JUnitCore $classes \
  >"$out/junit.txt" 2>&1 || status=$?
cat "$out/junit.txt"
run=$(sed -n 's/^OK (\([0-9]*\) tests*)$/\1/p; s/^Tests run: \([0-9]*\),.*/\1/p' "$out/junit.txt")
failed=$(sed -n 's/^Tests run: [0-9]*,  Failures: \([0-9]*\).*/\1/p' "$out/junit.txt")
echo "Kotlin JUnit: ${run:-0} run, $(( ${run:-0} - ${failed:-0} )) passed, ${failed:-0} failed"
if grep -q -e '^Warning: ' -e 'WARNING in native method' -e 'FATAL ERROR in native method' "$out/junit.txt"; then
  echo "JNI check warnings (-Xcheck:jni) above"; exit 1
fi
[ "$status" -eq 0 ] && grep -q '^OK (' "$out/junit.txt"
