#!/usr/bin/env bash
# Builds and installs livesign with CMake into a scratch prefix, then consumes it the two ways
# the README documents: find_package(livesign) (the C++ wrapper's ctest suite, plain, under
# -fsanitize=address,undefined and under valgrind) and pkg-config (a C program, static and
# shared).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-target/packaging}
rm -rf "$work"; mkdir -p "$work"
prefix=$(cd "$work" && pwd)/prefix

cmake -S . -B "$work/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/build"
# cargo, not CMake, knows when the library is stale: every build must run it again.
rebuild=$(cmake --build "$work/build")
if ! grep -q 'cargo build --release' <<<"$rebuild"; then
  echo "a second cmake --build did not run cargo (a changed source would install a stale library)"; exit 1
fi
cmake --install "$work/build" --prefix "$prefix"

for sanitize in OFF ON; do
  echo "--- C++ wrapper tests (find_package, sanitizers $sanitize)"
  cmake -S bindings/cpp/tests -B "$work/cpp-$sanitize" -DCMAKE_PREFIX_PATH="$prefix" -DLIVESIGN_SANITIZE=$sanitize >/dev/null
  cmake --build "$work/cpp-$sanitize" >/dev/null
  ctest --test-dir "$work/cpp-$sanitize" --output-on-failure
done

# The library names itself (SONAME), and the shared consumer records it by that name (as
# -llivesign does), not by the path it was built against, so it still runs when the library
# is installed or copied elsewhere.
soname=$(readelf -d "$prefix/lib/liblivesign.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
if [ "$soname" != "liblivesign.so" ]; then echo "liblivesign.so's SONAME is '$soname'"; exit 1; fi
needed=$(readelf -d "$work/cpp-OFF/wrapper_test_shared" | sed -n 's/.*(NEEDED).*\[\(.*livesign.*\)\]/\1/p')
if [ "$needed" != "liblivesign.so" ]; then echo "wrapper_test_shared needs '$needed', not liblivesign.so"; exit 1; fi

echo "--- C++ wrapper tests under valgrind (the plain build, static and shared; zero errors)"
for t in wrapper_test wrapper_test_shared; do
  valgrind --quiet --error-exitcode=9 --leak-check=full \
    "$work/cpp-OFF/$t" | tail -n 1
done

echo "--- pkg-config consumer"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
cc -std=c99 -Wall -Wextra -Werror -pedantic $(pkg-config --cflags livesign) bindings/c/consumer.c \
   -o "$work/consumer-shared" $(pkg-config --libs livesign) -Wl,-rpath,"$prefix/lib"
"$work/consumer-shared"
cc -std=c99 -Wall -Wextra -Werror -pedantic $(pkg-config --cflags livesign) bindings/c/consumer.c \
   -o "$work/consumer-static" $(pkg-config --variable=staticlib livesign) $(pkg-config --variable=native_libs livesign)
if ldd "$work/consumer-static" | grep -q liblivesign; then echo "consumer-static links liblivesign.so"; exit 1; fi
"$work/consumer-static"

echo "--- a libdir two levels deep (Debian's lib/<multiarch> under /usr): livesign.pc still relocates"
cmake -S . -B "$work/build" -DCMAKE_INSTALL_LIBDIR=lib/multiarch >/dev/null
cmake --build "$work/build" >/dev/null
cmake --install "$work/build" --prefix "$work/prefix2" >/dev/null
pc2() { PKG_CONFIG_PATH="$work/prefix2/lib/multiarch/pkgconfig" pkg-config "$@" livesign; }
[ -f "$(pc2 --variable=includedir)/livesign.h" ] || { echo "livesign.pc: includedir is $(pc2 --variable=includedir)"; exit 1; }
[ -f "$(pc2 --variable=staticlib)" ] || { echo "livesign.pc: staticlib is $(pc2 --variable=staticlib)"; exit 1; }
cc -std=c99 -Wall -Wextra -Werror -pedantic $(pc2 --cflags) bindings/c/consumer.c -o "$work/consumer-multiarch" \
   $(pc2 --libs) -Wl,-rpath,"$work/prefix2/lib/multiarch"
"$work/consumer-multiarch"
