#!/usr/bin/env bash
# ESLint differential test of ochre's lint rules: runs the pinned ESLint
# (tests/analyzer/eslint/package.json, installed once into the cache) and
# ochre (tool_lint_json: every implemented rule at its default options, but
# the rules tool_lint_json lists in diff_options, which run with the same
# ESLint options on both sides: no-use-before-define) on
# the lint fixtures (tests/fixtures/lint/**) and on the real-world corpus
# (tests/parser/corpus.txt, environments browser and node), compares the
# findings by (file, rule, line, column) and reports the agreement per rule
# (eslint_compare.js). Intentional differences are listed with a reason in
# tests/analyzer/eslint_differences.txt.
#
#   tests/analyzer/eslint_diff.sh [--fast] [--fixtures-only] [--wide N] [--min 0.995]
#
# --fast (the mode `make test` runs as a suite): fixtures and corpus as
# usual, but ESLint's findings for a file whose text, rules, options and
# environment did not change come from a cache (eslint_run.js --cache, in
# $cache/eslint-results): only ochre's side is recomputed. A cold cache
# costs one full ESLint run (over a minute, most of it typescript.js).
# --wide N adds a third set: N JavaScript files (1-300 KB, not minified)
# picked deterministically from the installed npm packages of the corpus
# (goal guessed from import/export statements); a few minutes for 2000.
# Cache: ${OCHRE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ochre}/eslint-npm.
# Exit status 1 when a rule agrees less than --min or a listed difference
# is stale.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
fixtures_only=false
fast=false
wide=0
min=0.995
while [ $# -gt 0 ]; do
    case $1 in
    --fixtures-only) fixtures_only=true; shift ;;
    --fast) fast=true; shift ;;
    --wide) wide=$2; shift 2 ;;
    --min) min=$2; shift 2 ;;
    *) echo "usage: tests/analyzer/eslint_diff.sh [--fast] [--fixtures-only] [--wide N] [--min RATIO]" >&2; exit 2 ;;
    esac
done

if [ -n "${HOME:-}" ]; then
    default_cache="${XDG_CACHE_HOME:-$HOME/.cache}/ochre"
else
    default_cache="$repo/.cache/ochre"
fi
cache="${OCHRE_CACHE:-$default_cache}"
dir="$cache/eslint-npm"
manifest="$repo/tests/analyzer/eslint/package.json"
mkdir -p "$dir"

installed_ok() {
    node -e '
        const fs = require("fs"), path = require("path");
        const [manifest, dir] = process.argv.slice(1);
        const deps = JSON.parse(fs.readFileSync(manifest, "utf8")).dependencies;
        for (const [name, want] of Object.entries(deps)) {
            let got;
            try {
                got = JSON.parse(fs.readFileSync(path.join(dir, "node_modules", name, "package.json"), "utf8")).version;
            } catch (e) { process.exit(1); }
            if (got !== want) process.exit(1);
        }' "$manifest" "$dir"
}
exec 9>"$dir/.lock"
command -v flock >/dev/null && flock 9
if ! installed_ok; then
    echo "eslint_diff: installing pinned ESLint into $dir" >&2
    cp "$manifest" "$dir/package.json"
    npm install --prefix "$dir" --cache "$cache/npm-cache" --no-audit --no-fund \
        --ignore-scripts --no-package-lock --loglevel=error >&2
    installed_ok || { echo "eslint_diff: installed versions do not match $manifest" >&2; exit 1; }
fi
exec 9>&-
eslint_nm="$dir/node_modules"

# The ochre side: tool_lint_json (a Makefile target once the lead adds it;
# built directly meanwhile).
B=${B:-build}
tool="$B/tests/tool_lint_json"
# A sanitizer build (build-asan) is rebuilt and linked as one.
san="" make_san=()
if [ "$(nm "$B/libochre_parser.a" 2>/dev/null | grep -c '__asan_report' || true)" != 0 ]; then
    san="-fsanitize=address,undefined"
    make_san=(SAN=1 OPT=-O1)
fi
if ! make -s B="$B" ${make_san[@]+"${make_san[@]}"} "$tool" >/dev/null 2>&1; then
    make -s B="$B" ${make_san[@]+"${make_san[@]}"} "$B/libochre_analyzer.a" "$B/libochre_parser.a" >&2
    mkdir -p "$B/tests"
    # shellcheck disable=SC2086
    ${CC:-cc} -std=c17 -O1 -g $san -D_GNU_SOURCE -Iparser -Ianalyzer tests/analyzer/tool_lint_json.c \
        "$B/libochre_analyzer.a" "$B/libochre_parser.a" -lm -o "$tool"
fi
cache_args=()
if $fast; then
    cache_args=(--cache "$cache/eslint-results")
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$tool" --rules >"$out/rules.json"

status=0
run() {  # name env files...
    local name=$1 env=$2
    shift 2
    node tests/analyzer/eslint_run.js --eslint "$eslint_nm" --rules "$out/rules.json" --env "$env" \
        ${cache_args[@]+"${cache_args[@]}"} "$@" >"$out/$name.eslint"
    "$tool" --env "$env" "$@" >"$out/$name.ochre"
    echo "== $name: $# files"
    node tests/analyzer/eslint_compare.js --ochre "$out/$name.ochre" --eslint "$out/$name.eslint" \
        --rules "$out/rules.json" --differences tests/analyzer/eslint_differences.txt \
        --min "$min" || status=1
}

mapfile -t fixtures < <( (find tests/fixtures/lint -name '*.js' -o -name '*.mjs' -o -name '*.jsx';
                          ls tests/fixtures/diagnostics/W*.js) | sort)
run fixtures es2025 "${fixtures[@]}"

if ! $fixtures_only; then
    nm=$(tests/fetch_npm.sh)
    corpus=()
    while read -r goal rel; do
        corpus+=("$goal:$nm/$rel")
    done < <(grep -v '^\s*\(#\|$\)' tests/parser/corpus.txt)
    run corpus browser,node "${corpus[@]}"
    if [ "$wide" -gt 0 ]; then
        mapfile -t widefiles < <(node -e '
            const fs = require("fs"), path = require("path");
            const [root, n] = [process.argv[1], +process.argv[2]];
            const out = [];
            (function walk(d) {
                for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1)) {
                    const p = path.join(d, e.name);
                    if (e.isDirectory()) walk(p);
                    else if (e.name.endsWith(".js") && !e.name.includes(".min.")) {
                        const size = fs.statSync(p).size;
                        if (size > 1024 && size < 300 * 1024) out.push(p);
                    }
                }
            })(root);
            // A deterministic spread over the whole list.
            const step = Math.max(1, out.length / n);
            for (let i = 0; i < out.length && i / step < n; i += step) {
                const p = out[Math.floor(i)];
                const src = fs.readFileSync(p, "utf8");
                const mod = /^\s*(import\s[\w{*"\x27]|export\s)/m.test(src);
                console.log((mod ? "module:" : "script:") + p);
            }' "$nm" "$wide")
        run wide browser,node "${widefiles[@]}"
    fi
fi
exit $status
