#!/usr/bin/env bash
# Run every test of libstuinfo: gcc and clang builds (-Werror, warning level 3), the
# sanitizer build (ASan + UBSan, aborting on the first report) and valgrind.
# Needs the packages of tools/debian-packages.txt. Build directories go to $OUT.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-build-test}
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1

step() { printf '\n=== %s ===\n' "$*"; }

step "gcc: build and test"
CC=gcc CXX=g++ meson setup --wipe "$OUT/gcc" >/dev/null 2>&1 || CC=gcc CXX=g++ meson setup "$OUT/gcc"
meson compile -C "$OUT/gcc"
meson test -C "$OUT/gcc" --print-errorlogs

step "clang: build and test"
CC=clang CXX=clang++ meson setup --wipe "$OUT/clang" >/dev/null 2>&1 || CC=clang CXX=clang++ meson setup "$OUT/clang"
meson compile -C "$OUT/clang"
meson test -C "$OUT/clang" --print-errorlogs

step "gcc: ASan + UBSan"
CC=gcc CXX=g++ meson setup --wipe "$OUT/asan" -Db_sanitize=address,undefined >/dev/null 2>&1 \
  || CC=gcc CXX=g++ meson setup "$OUT/asan" -Db_sanitize=address,undefined
meson compile -C "$OUT/asan"
# PHP cannot load an ASan-built library (RTLD_DEEPBIND); its tests run on the plain builds.
meson test -C "$OUT/asan" --print-errorlogs --no-suite bindings --no-suite install

step "valgrind memcheck over the unit tests"
# (cli runs the command from pytest: valgrind would check the Python interpreter)
meson test -C "$OUT/gcc" --setup=valgrind --print-errorlogs \
  --no-suite bindings --no-suite install --no-suite abi --no-suite cli

step "all passed"
