#!/usr/bin/env python3
"""Fail when coverage is below its goals (issue 9, HARDENING.md "Coverage").

    coverage-gate.py SUMMARY.json [DETAILS.json] [--pending FILE...]

SUMMARY.json is `gcovr --json-summary` output, DETAILS.json (optional) `gcovr --json`
output of the same run: with it, the uncovered lines and branches of a gated file that
misses its goal are listed. Goals:
  - all of src/: at least MIN_LINES % of lines and MIN_BRANCHES % of branches;
  - each file of FULL: every line and every branch (a branch that cannot be taken is
    restructured away in the code, never excluded).
Files given after --pending (of FULL, still being brought to 100 %) are reported with
their gaps but do not fail; so are the src/ goals when "src/" is among them. Exit status 0 when every goal is met, 1 otherwise, 2 for bad
input.
"""
import json
import sys

MIN_LINES = 90.0
MIN_BRANCHES = 80.0

# One job per file, each fully covered by tests that assert behaviour.
FULL = {
    "src/idnum/checksum.c": "ID check characters (MOD 11-2, ICAO 7-3-1)",
    "src/idnum/mask.c": "ID number masking",
    "src/workflow/mask.c": "masked change summary of the audit log",
    "src/workflow/transition.c": "workflow transition table look-up",
    "src/workflow/permission.c": "workflow permission checks",
}


def percent(covered, total):
    return 100.0 if total == 0 else 100.0 * covered / total


def uncovered(details, name):
    """Uncovered line numbers and lines with an untaken branch, from gcovr --json."""
    lines, branches = [], []
    for f in details.get("files", []):
        if f.get("file") != name:
            continue
        for ln in f.get("lines", []):
            if ln.get("gcovr/noncode"):
                continue
            if ln.get("count", 0) == 0:
                lines.append(ln["line_number"])
            taken = [b.get("count", 0) > 0 for b in ln.get("branches", [])]
            if taken and not all(taken):
                branches.append(f'{ln["line_number"]} ({taken.count(False)} of {len(taken)})')
    return lines, branches


def main(argv):
    pending = set()
    if "--pending" in argv:
        at = argv.index("--pending")
        pending = set(argv[at + 1:])
        argv = argv[:at]
    if len(argv) not in (2, 3) or not pending <= set(FULL) | {"src/"}:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as fh:
        summary = json.load(fh)
    details = {}
    if len(argv) == 3:
        with open(argv[2], encoding="utf-8") as fh:
            details = json.load(fh)
    failures = []

    lines = percent(summary["line_covered"], summary["line_total"])
    branches = percent(summary["branch_covered"], summary["branch_total"])
    print(f"coverage gate: src/ lines {lines:.1f} % (goal {MIN_LINES:.0f}), "
          f"branches {branches:.1f} % (goal {MIN_BRANCHES:.0f})")
    short = []
    if lines < MIN_LINES:
        short.append(f"src/ lines {lines:.1f} % < {MIN_LINES:.0f} %")
    if branches < MIN_BRANCHES:
        short.append(f"src/ branches {branches:.1f} % < {MIN_BRANCHES:.0f} %")
    if short and "src/" in pending:
        print("coverage gate: (pending: " + "; ".join(short) + "; reported, not fatal yet)")
    else:
        failures += short

    files = {f["filename"]: f for f in summary["files"]}
    for name, what in sorted(FULL.items()):
        f = files.get(name)
        if f is None:
            failures.append(f"{name}: not in the coverage data ({what})")
            continue
        ok = (f["line_covered"] == f["line_total"]
              and f["branch_covered"] == f["branch_total"])
        print(f"coverage gate: {name}: lines {f['line_covered']}/{f['line_total']}, "
              f"branches {f['branch_covered']}/{f['branch_total']} "
              f"({'100 %' if ok else 'BELOW 100 %'}: {what})")
        if ok:
            continue
        if name in pending:
            print("  (pending: reported, not fatal yet)")
        else:
            failures.append(f"{name}: not fully covered ({what})")
        miss_lines, miss_branches = uncovered(details, name)
        if miss_lines:
            print(f"  uncovered lines: {', '.join(map(str, miss_lines))}")
        if miss_branches:
            print(f"  lines with untaken branches: {', '.join(miss_branches)}")

    for msg in failures:
        print(f"coverage gate: FAIL: {msg}")
    if not failures:
        print("coverage gate: all goals met")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
