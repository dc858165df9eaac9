#!/bin/sh
# The REPL driven from a pipe (no prompts, no line editing): multi-line
# input continued while incomplete, results inspected, `_` and `_error`,
# exceptions reported on stderr, .break and .exit.
# Usage: tests/runtime/run_repl.sh BUILD_DIR
set -u
B=${1:?usage: run_repl.sh BUILD_DIR}
DIR=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$B/ochre" repl < "$DIR/repl_input.txt" > "$out" 2> "$err"
rc=$?
if [ $rc -eq 0 ] && cmp -s "$out" "$DIR/repl_expected.txt" && grep -q '^Uncaught Error: boom' "$err"; then
    echo "repl: 1 passed, 0 failed"
else
    echo "FAIL: repl (exit $rc)"
    diff "$DIR/repl_expected.txt" "$out" | head -20
    head -5 "$err"
    exit 1
fi
