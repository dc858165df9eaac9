#!/usr/bin/env bash
# Tree-sitter cross-check: tree-sitter-javascript (pinned npm package, built
# here against Debian's libtree-sitter) and ochre's tolerant parser must
# agree on which files have syntax errors: the corpus and
# test262-parser-tests pass/ and fail/. Known disagreements, each with a
# reason, are in tests/parser/treesitter_leniencies.txt.
#
#   B=build tests/parser/treesitter_check.sh [--update] [--strict-list] [-v]
#
# Needs $B/libochre_parser.a (make). Builds $B/tests/ts_has_error (never
# committed). Exits 77 (skipped) when libtree-sitter cannot be installed.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
B=${B:-build}
lib="$B/libochre_parser.a"
out="$B/tests"
[ -f "$lib" ] || { echo "treesitter_check: $lib missing (run make first)" >&2; exit 2; }
mkdir -p "$out/ts"

# libtree-sitter-dev: install it when missing and we may (root or sudo -n).
if [ ! -f /usr/include/tree_sitter/api.h ]; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo -n"
    echo "treesitter_check: installing libtree-sitter-dev" >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libtree-sitter-dev >&2 ||
        true
fi
if [ ! -f /usr/include/tree_sitter/api.h ]; then
    echo "treesitter_check: SKIPPED: libtree-sitter-dev is not installed and could not be" \
        "installed (apt-get install libtree-sitter-dev)"
    exit 77
fi

nm_dir=$(tests/fetch_npm.sh)
grammar="$nm_dir/tree-sitter-javascript/src"
cc=${CC:-cc}

# The grammar is built without sanitizers (it is not ours), once per build dir.
for f in parser scanner; do
    if [ ! -f "$out/ts/$f.o" ] || [ "$grammar/$f.c" -nt "$out/ts/$f.o" ]; then
        $cc -O2 -w -I"$grammar" -c "$grammar/$f.c" -o "$out/ts/$f.o"
    fi
done

# Match the library's configuration: sanitized library, sanitized driver.
san=""
if nm "$lib" 2>/dev/null | grep -c '__asan_report\|__ubsan_handle' >/dev/null; then
    san="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
fi
warn="-Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter"
bin="$out/ts_has_error"
if [ ! -x "$bin" ] || [ tests/parser/ts_has_error.c -nt "$bin" ] || [ "$lib" -nt "$bin" ]; then
    # shellcheck disable=SC2086
    $cc -std=c17 -g -O2 $warn $san -D_GNU_SOURCE -Iparser tests/parser/ts_has_error.c \
        "$out/ts/parser.o" "$out/ts/scanner.o" "$lib" -ltree-sitter -lm -o "$bin"
fi

# Inputs: goal<TAB>key<TAB>path.
list="$out/ts_inputs.txt"
{
    grep -v '^\s*\(#\|$\)' tests/parser/corpus.txt | while read -r goal rel; do
        printf '%s\tcorpus/%s\t%s\n' "$goal" "$rel" "$nm_dir/$rel"
    done
    for sub in pass fail; do
        for f in "$nm_dir/test262-parser-tests/$sub"/*.js; do
            name=${f##*/}
            goal=script
            [[ $name == *.module.js ]] && goal=module
            printf '%s\t%s/%s\t%s\n' "$goal" "$sub" "$name" "$f"
        done
    done
} >"$list"

exec "$bin" --leniencies tests/parser/treesitter_leniencies.txt "$@" "$list"
