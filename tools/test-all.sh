#!/usr/bin/env bash
# Run every test of libstuinfo (what .ci/run runs):
#   gcc build (-Werror, warning level 3) with the whole suite, fuzz seeds replayed; a
#   scan of the test output for unmasked ID numbers;
#   gcc ASan + UBSan (aborting on the first report);
#   clang (-Werror) with ASan + UBSan and libFuzzer: the suite again (this is the clang
#   build), then every fuzz target for $FUZZ_SECONDS seconds (default 30), one per CPU at
#   a time ($FUZZ_JOBS), leaks checked;
#   clang ThreadSanitizer over the thread test; valgrind memcheck over the unit tests;
#   cppcheck and clang-tidy over src/; a coverage build with a gcovr summary.
# Needs the packages of tools/debian-packages.txt. Build directories go to $OUT.
# SKIP="tsan coverage ..." skips steps by name (for local runs; CI skips nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-build-test}
FUZZ_SECONDS=${FUZZ_SECONDS:-30}
SKIP=${SKIP:-}
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1

step() { printf '\n=== %s === (%s)\n' "$*" "$(date -u +%H:%M:%S)"; }
skipped() { case " $SKIP " in *" $1 "*) echo "(skipped: $1)"; return 0;; esac; return 1; }
# setup DIR CC CXX [meson options...]: configure afresh, keeping an existing directory.
setup() {
  local dir=$1 c=$2 cxx=$3; shift 3
  CC=$c CXX=$cxx meson setup --wipe "$dir" "$@" >/dev/null 2>&1 \
    || CC=$c CXX=$cxx meson setup "$dir" "$@" >/dev/null
}

step "gcc: build and test"
setup "$OUT/gcc" gcc g++
meson compile -C "$OUT/gcc"
meson test -C "$OUT/gcc" --print-errorlogs
python3 tests/hardening/scan_pii_logs.py "$OUT/gcc/meson-logs/testlog.txt"

step "gcc: ASan + UBSan"
setup "$OUT/asan" gcc g++ -Db_sanitize=address,undefined
meson compile -C "$OUT/asan"
# PHP cannot load an ASan-built library (RTLD_DEEPBIND); its tests run on the plain builds.
meson test -C "$OUT/asan" --print-errorlogs --no-suite bindings --no-suite install

if ! skipped fuzz; then
  step "clang: ASan + UBSan + libFuzzer: tests, then ${FUZZ_SECONDS} s per fuzz target"
  # clang's sanitizer runtimes need b_lundef=false to link a shared library.
  setup "$OUT/fuzz" clang clang++ -Dfuzzing=libfuzzer -Db_sanitize=address,undefined \
    -Db_lundef=false
  meson compile -C "$OUT/fuzz"
  meson test -C "$OUT/fuzz" --print-errorlogs --no-suite bindings --no-suite install
  bash tools/fuzz-smoke.sh "$OUT/fuzz" "$FUZZ_SECONDS"
fi

if ! skipped tsan; then
  step "clang: ThreadSanitizer, 8 threads x 1000 rounds"
  # ICU is not instrumented; its locking goes through pthreads, which TSan intercepts,
  # so no suppressions are needed (HARDENING.md). TSAN_OPTIONS fails on any report.
  setup "$OUT/tsan" clang clang++ -Db_sanitize=thread -Db_lundef=false
  # Every test named *-threads (each layer may have one), built alone to save time.
  mapfile -t tsan_tests < <(meson test -C "$OUT/tsan" --list --no-rebuild 2>/dev/null \
    | sed -n 's/^.* \/ \([^ ]*-threads\)$/\1/p')
  mapfile -t tsan_targets < <(meson introspect "$OUT/tsan" --targets | python3 -c '
import json, sys
for t in json.load(sys.stdin):
    if t["type"] == "executable" and t["name"].endswith("_threads"):
        print(t["name"])')
  meson compile -C "$OUT/tsan" "${tsan_targets[@]}"
  TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 STUINFO_THREAD_ITERATIONS=1000 \
    meson test -C "$OUT/tsan" --no-rebuild --print-errorlogs "${tsan_tests[@]}"
fi

if ! skipped valgrind; then
  step "valgrind memcheck over the unit tests"
  # (cli runs the command from pytest; suite "scripts" holds the Python checks of
  # generators and sources and the Spin model of the workflow: valgrind would check the
  # Python interpreter, Spin and the C compiler, none of it our code)
  meson test -C "$OUT/gcc" --setup=valgrind --print-errorlogs \
    --no-suite bindings --no-suite install --no-suite abi --no-suite cli --no-suite scripts
fi

if ! skipped static; then
  step "static checks: cppcheck and clang-tidy over src/"
  # style: only variableScope is off (declarations at the top of a block are house style).
  cppcheck --quiet --enable=warning,style,portability,performance --std=c11 \
    --inline-suppr --error-exitcode=1 --suppress=missingIncludeSystem \
    --suppress=variableScope -I include -I src -I "$OUT/gcc/src" -I "$OUT/gcc/include" src
  echo "cppcheck: clean"
  # Checks and their reasons: .clang-tidy. Uses the gcc build's compile_commands.json.
  # Every layer under src/, fatal on any finding (WarningsAsErrors in .clang-tidy), but
  # the directories in TIDY_PENDING: their open findings are listed, not yet fatal, while
  # the layer is being written. Take one off once it is clean (src/workflow: clean, #7).
  TIDY_PENDING=""
  find src -name '*.c' -print0 | sort -z \
    | grep -zv "^\(${TIDY_PENDING// /\\|}\)/" \
    | xargs -0 clang-tidy -p "$OUT/gcc" --quiet
  echo "clang-tidy: clean (src/${TIDY_PENDING:+ but $TIDY_PENDING})"
  for d in $TIDY_PENDING; do
    n=$(find "$d" -name '*.c' -print0 | xargs -0 -r clang-tidy -p "$OUT/gcc" --quiet 2>&1 \
      | grep -cE '(warning|error): .*\[' || true)
    echo "clang-tidy: $d: $n open findings (not fatal yet, see HARDENING.md)"
  done
fi

if ! skipped coverage; then
  step "coverage (gcc, -Db_coverage=true) with gcovr"
  setup "$OUT/coverage" gcc g++ -Db_coverage=true
  meson compile -C "$OUT/coverage"
  # (abi: gcov's runtime imports fprintf, exit... into the instrumented library)
  meson test -C "$OUT/coverage" --print-errorlogs --no-suite bindings --no-suite install \
    --no-suite abi
  # src/ only (not tests, not generated tables); goal >= 90 % lines, >= 80 % branches.
  # (the thread test updates counters from 8 threads at once, which gcov 12 can print as
  # a negative branch count; gcovr skips those few lines rather than stopping)
  gcovr -r . --filter "$PWD/src/" --exclude-unreachable-branches --print-summary \
    --gcov-ignore-parse-errors --json-summary "$OUT/coverage/summary.json" \
    --json "$OUT/coverage/details.json" --txt "$OUT/coverage/coverage.txt" "$OUT/coverage"
  sed -n '/^-----/,$p' "$OUT/coverage/coverage.txt" | tail -n +1 | head -80
  # Fatal: >= 90 % lines and >= 80 % branches over src/; 100 % of lines and branches of
  # the check-character, masking, transition and permission files (tools/coverage-gate.py).
  # COVERAGE_PENDING lists those still short of their goal ("src/": the overall goals):
  # their gaps are printed, not fatal yet (HARDENING.md). Take one off once it is met.
  # (src/ came off on 2026-11-29: branches 87.9 %, lines 97.2 %, a safe margin.)
  COVERAGE_PENDING=""
  # shellcheck disable=SC2086
  python3 tools/coverage-gate.py "$OUT/coverage/summary.json" "$OUT/coverage/details.json" \
    --pending $COVERAGE_PENDING
fi

step "all passed"
