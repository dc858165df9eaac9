#!/bin/sh
# Runs the JS programs of tests/engine/js/ with `ochre run` and compares
# their stdout with the `// expect: ...` lines of each file (in order).
# `.mjs` files run as modules (ochre run decides the goal by extension).
# A file may also say `// expect-exit: N` (default 0).
# Usage: tests/engine/run_js.sh BUILD_DIR [--gc-stress] [FILES...]
# With --gc-stress every program also runs collecting at each allocation
# (use an ASan build for that run).
set -u
B=${1:?usage: run_js.sh BUILD_DIR [--gc-stress] [FILES...]}
shift
GC=""
if [ "${1:-}" = "--gc-stress" ]; then GC="--gc-stress"; shift; fi
DIR=$(cd "$(dirname "$0")" && pwd)
OCHRE="$B/ochre"
[ -x "$OCHRE" ] || { echo "run_js.sh: $OCHRE not built" >&2; exit 2; }
if [ $# -eq 0 ]; then set -- "$DIR"/js/*.js "$DIR"/js/*.mjs; fi
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "$@"; do
    [ -e "$f" ] || continue  # an unmatched glob
    sed -n 's/^.*\/\/ expect: \{0,1\}//p' "$f" > "$tmp/expected"
    want_rc=$(sed -n 's/^.*\/\/ expect-exit: *\([0-9]*\).*$/\1/p' "$f" | head -1)
    want_rc=${want_rc:-0}
    for mode in "" $GC; do
        goal=--script; case $f in *.mjs) goal=--module ;; esac
        "$OCHRE" run $goal $mode --time-limit=20000 "$f" > "$tmp/out" 2> "$tmp/err"
        rc=$?
        if cmp -s "$tmp/out" "$tmp/expected" && [ "$rc" -eq "$want_rc" ]; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FAIL: $f ${mode:-(normal)} (exit $rc, want $want_rc)"
            diff "$tmp/expected" "$tmp/out" | head -10
            head -5 "$tmp/err"
        fi
    done
done
echo "run_js: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
