#!/usr/bin/env bash
# Runs the Swift wrapper's XCTest suite inside the trixie Swift chroot, linked statically
# against target/release/liblivesign.a (built by the caller).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=${SWIFT_CHROOT:-/var/cache/livesign/trixie-swift}
bash .ci/swift-chroot.sh "$ROOT"
rm -rf target/swift-lib && mkdir -p target/swift-lib
cp target/release/liblivesign.a target/swift-lib/   # a directory with only the .a: static link
# SwiftPM does not track the external library: drop the linked test bundle so a cached build
# dir is relinked against the library just built.
rm -rf target/swift-build/*/LivesignPackageTests.xctest
# The README's Swift example, typechecked against the module `swift test` builds
# (tests/readme/Prelude.swift declares what it takes from the reader's program).
mkdir -p target/readme
{ bash .ci/readme-snippets.sh swift 'func readmeExample%d() throws {'; cat tests/readme/Prelude.swift; } > target/readme/Readme.swift
mkdir -p "$ROOT/src"
# Inside the chroot: `swift test`, the README example typechecked, then the Swift 6 language
# mode (the package builds in the Swift 5 one): the library
# without warnings, and bindings/swift/Tests/Swift6 (public values are Sendable) typechecked.
unshare --mount --propagation private bash -c "mount -t proc proc '$ROOT/proc' && mount --bind '$PWD' '$ROOT/src' && \
  chroot '$ROOT' bash -c 'cd /src/bindings/swift && swift test --scratch-path /src/target/swift-build -Xlinker -L/src/target/swift-lib 2>&1 && \
    cd /src && swiftc -typecheck -parse-as-library -suppress-warnings -I target/swift-build/debug/Modules \
      -I bindings/swift/Sources/CLivesign target/readme/Readme.swift && echo \"README Swift example: typechecks\" && \
    swiftc -typecheck -parse-as-library -swift-version 6 -warnings-as-errors -I target/swift-build/debug/Modules \
      -I bindings/swift/Sources/CLivesign bindings/swift/Tests/Swift6/Sendable.swift && \
    cd bindings/swift && swift build --target Livesign --scratch-path /src/target/swift6-build \
      -Xswiftc -swift-version -Xswiftc 6 -Xswiftc -warnings-as-errors && \
    echo \"Swift 6 language mode: the library builds without warnings, its public values are Sendable\"'"
