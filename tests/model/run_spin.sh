#!/bin/sh
# Check the change-request model with Spin (issue 7).
# usage: run_spin.sh PYTHON GEN TSV COMMITTED_PML expect-pass|expect-fail [MUTANT]
# Generates the model from the transition table (planting MUTANT if given), checks that
# the committed tests/model/change_request.pml is up to date (unmutated run), then runs
# an exhaustive safety search. expect-fail passes only if Spin finds a violation.
set -eu
python=$1 gen=$2 tsv=$3 committed=$4 expect=$5 mutant=${6:-}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
if [ -n "$mutant" ]; then
    "$python" "$gen" pml "$dir/model.pml" "$tsv" --mutant "$mutant"
else
    "$python" "$gen" pml "$dir/model.pml" "$tsv"
    if ! cmp -s "$dir/model.pml" "$committed"; then
        echo "tests/model/change_request.pml is stale: regenerate with" >&2
        echo "  tools/gen_workflow.py pml tests/model/change_request.pml $tsv" >&2
        exit 1
    fi
fi
cd "$dir"
spin -a model.pml >spin.log 2>&1 || { cat spin.log; exit 1; }
${CC:-cc} -O1 -DSAFETY -o pan pan.c
./pan -m100000 >pan.log 2>&1 || true
grep -E 'errors:|assertion violated|depth too small' pan.log || true
if grep -q 'max search depth too small' pan.log; then echo "search incomplete" >&2; exit 1; fi
errors=$(sed -n 's/.*errors: \([0-9]*\).*/\1/p' pan.log)
[ -n "$errors" ] || { cat pan.log; exit 1; }
case $expect in
expect-pass) [ "$errors" -eq 0 ] ;;
expect-fail) [ "$errors" -gt 0 ] ;;
*) exit 2 ;;
esac
