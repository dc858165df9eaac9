#!/bin/sh
# Regenerates the expected stdout and exit status of every case in
# tests/runtime/cases/ by running it with node (the reference), from the
# cases directory. Review the diff before committing.
set -eu
cd "$(dirname "$0")/cases"
command -v node >/dev/null || { echo "update_expected.sh: node is needed" >&2; exit 2; }
for f in *.js *.mjs; do
    name=${f%.*}
    set +e
    node "$f" > "$name.stdout" 2>/dev/null
    echo $? > "$name.status"
    set -e
done
echo "updated $(ls *.js | wc -l) cases"
