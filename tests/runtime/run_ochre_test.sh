#!/bin/sh
# `ochre test` on the fixture project tests/runtime/ochre_test: discovery
# (node_modules skipped), counts, exit status, --test-name-pattern and
# FILE:LINE selection, both reporters.
# Usage: tests/runtime/run_ochre_test.sh BUILD_DIR
set -u
B=${1:?usage: run_ochre_test.sh BUILD_DIR}
OCHRE=$(cd "$B" && pwd)/ochre
cd "$(dirname "$0")/ochre_test"
fail=0
check() {  # name, command output file, expected exit, expected lines...
    name=$1; out=$2; want_rc=$3; rc=$4; shift 4
    ok=1
    [ "$rc" -eq "$want_rc" ] || { echo "FAIL: $name: exit $rc, want $want_rc"; ok=0; }
    for line in "$@"; do
        grep -qxF -- "$line" "$out" || { echo "FAIL: $name: missing line '$line'"; ok=0; }
    done
    [ $ok -eq 1 ] || { fail=$((fail + 1)); head -40 "$out"; }
}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
"$OCHRE" test > "$tmp" 2>&1; rc=$?
check "all files (tap)" "$tmp" 1 "$rc" "TAP version 13" "# tests 10" "# suites 1" "# pass 7" "# fail 1" "# skipped 1" "# todo 1" "ok 1 - ./math.test.js" "not ok 2 - ./test/suite.js"
"$OCHRE" test --reporter spec math.test.js > "$tmp" 2>&1; rc=$?
check "one file (spec)" "$tmp" 0 "$rc" "ℹ pass 6" "ℹ fail 0"
"$OCHRE" test --test-name-pattern='async' math.test.js > "$tmp" 2>&1; rc=$?
check "name pattern" "$tmp" 0 "$rc" "    ok 2 - async works" "# pass 1"
"$OCHRE" test test/suite.js:6 > "$tmp" 2>&1; rc=$?
check "file:line" "$tmp" 1 "$rc" "# fail 1"
"$OCHRE" test math.test.js:3 > "$tmp" 2>&1; rc=$?
check "file:line selects one test" "$tmp" 0 "$rc" "# pass 1" "# skipped 4" "# todo 1"
if [ "$fail" -eq 0 ]; then echo "ochre test: 5 passed, 0 failed"; else echo "ochre test: $fail failed"; exit 1; fi
