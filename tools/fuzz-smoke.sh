#!/usr/bin/env bash
# Run every fuzz target of a -Dfuzzing=libfuzzer build for a bounded time from its
# committed seeds (tests/fuzz/corpus/<target>/), with leak detection, and fail on any
# crash, leak, timeout, OOM or sanitizer report. New inputs go to a scratch corpus in
# the build directory, never into the repository; crash inputs to <build>/fuzz-artifacts.
# Usage: tools/fuzz-smoke.sh BUILD_DIR [SECONDS_PER_TARGET]   (default: $FUZZ_SECONDS or 30)
# Per-target limits: tests/fuzz/<target>.options may set `max_len = N` (default 4096).
set -euo pipefail
cd "$(dirname "$0")/.."
build=$1
seconds=${2:-${FUZZ_SECONDS:-30}}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
mkdir -p "$build/fuzz-artifacts" "$build/fuzz-corpus"
# run_target NAME: fuzz one target; prints its one-line result, returns 1 on a finding.
run_target() {
  local t=$1 exe="$build/tests/fuzz/fuzz_$1" max_len=4096 v scratch log start rc end
  local execs cov corpus
  if [ ! -x "$exe" ]; then
    echo "fuzz $t: no binary $exe"; return 1
  fi
  if [ -f "tests/fuzz/$t.options" ]; then
    v=$(sed -n 's/^ *max_len *= *\([0-9]*\).*/\1/p' "tests/fuzz/$t.options")
    [ -n "$v" ] && max_len=$v
  fi
  scratch="$build/fuzz-corpus/$t"
  mkdir -p "$scratch"
  log="$build/fuzz-artifacts/$t.log"
  start=$(date +%s)
  set +e
  "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
    -detect_leaks=1 -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$t-" \
    "$scratch" "tests/fuzz/corpus/$t/" >"$log" 2>&1
  rc=$?
  set -e
  end=$(date +%s)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
  corpus=$(find "$scratch" -type f | wc -l)
  if [ $rc -ne 0 ] || grep -Eq 'ERROR: (Address|Leak|Thread|Memory)Sanitizer|runtime error:|SUMMARY: ' "$log"; then
    echo "fuzz $t: FAILED (exit $rc) after $((end - start)) s; log $log"
    grep -E 'ERROR|runtime error|SUMMARY|Test unit written|fuzz property' "$log" | head -20
    return 1
  fi
  echo "fuzz $t: $((end - start)) s, ${execs:-?} executions, ${cov:-cov ?}, scratch corpus $corpus"
}

# One libFuzzer process is one thread: run $FUZZ_JOBS targets at once (default: one per
# CPU), each for the full time; a result line is printed as each target ends.
jobs_max=${FUZZ_JOBS:-$(nproc)}
status=0
running=0
for seeds in tests/fuzz/corpus/*/; do
  if [ "$running" -ge "$jobs_max" ]; then
    wait -n || status=1
    running=$((running - 1))
  fi
  run_target "$(basename "$seeds")" &
  running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
  wait -n || status=1
  running=$((running - 1))
done
exit $status
