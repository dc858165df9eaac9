#!/usr/bin/env bash
# Conformance and corpus suites of one build configuration, run by
# `make test-one` (after the Criterion unit tests) with B set to the build
# directory (build or build-asan):
#
#   test262          test262 test/language + test/built-ins, parse phase
#                    (parser alone: the expectations file's reference run)
#   test262-analyzer the same with the analyzer's early errors (as the engine)
#   parser-tests     test262-parser-tests pass/ fail/ early/ (parser alone, then
#                    with the analyzer)
#   acorn            ESTree JSON equality with acorn on the corpus (+ pass/)
#   tree-sitter      has-errors agreement with tree-sitter-javascript
#   mutate           mutated corpus inputs: trees, no crash, linear time
#   incremental      random edits on corpus statements and fixtures: every
#                    incremental re-parse equals a full parse (tool_incr_prop)
#   eslint           lint findings equal ESLint's (pinned) for every implemented
#                    rule on the lint fixtures and the corpus (ESLint's results
#                    are cached per file; the first run takes a few minutes)
#
# Prints one line per suite and ends with `N passed, N failed[, N skipped]`
# (N = suites); exits non-zero when a suite failed. A suite exits 77 to say
# it was skipped (a missing prerequisite that cannot be installed).
# Environment: B (default build), OCHRE_CACHE (npm cache, see
# tests/fetch_npm.sh), OCHRE_MUTATE_COUNT (mutated inputs; default 12000,
# 6000 in sanitizer builds), OCHRE_INCR_EDITS (random edits of the
# incremental suite; default 40000, 8000 in sanitizer builds),
# OCHRE_INCR_SEED (its seed; default 1: reruns are reproducible, set another
# to explore), OCHRE_SUITES (space-separated subset to run).
set -euo pipefail

cd "$(dirname "$0")/.."
B=${B:-build}
njobs=$(nproc 2>/dev/null || echo 2)
test262="../shared/test262"
suites=${OCHRE_SUITES:-"test262 test262-analyzer parser-tests acorn tree-sitter mutate incremental eslint"}

# Sanitizer builds are several times slower: scale the mutation count.
sanitized=false
if nm "$B/libochre_parser.a" 2>/dev/null | grep -c '__asan_report\|__ubsan_handle' >/dev/null; then
    sanitized=true
fi
if [ -n "${OCHRE_MUTATE_COUNT:-}" ]; then
    mutate_count=$OCHRE_MUTATE_COUNT
elif $sanitized; then
    mutate_count=6000
else
    mutate_count=12000
fi

nm_dir=""
need_npm() {
    if [ -z "$nm_dir" ]; then
        nm_dir=$(tests/fetch_npm.sh)
    fi
}

# The corpus as tool_mutate arguments: --script/--module before each file.
corpus_args() {
    grep -v '^\s*\(#\|$\)' tests/parser/corpus.txt | while read -r goal rel; do
        printf -- '--%s\n%s\n' "$goal" "$nm_dir/$rel"
    done
}

suite_test262() {
    if [ ! -d "$test262/test/language" ]; then
        echo "test262 not found at $test262 (../shared/test262 beside the repo): skipped"
        return 77
    fi
    "$B/tests/tool_test262" -j "$njobs" "$test262" test/language test/built-ins
}

suite_test262_analyzer() {
    if [ ! -d "$test262/test/language" ]; then
        echo "test262 not found at $test262 (../shared/test262 beside the repo): skipped"
        return 77
    fi
    "$B/tests/tool_test262" --analyzer -j "$njobs" "$test262" test/language test/built-ins
}

suite_parser_tests() {
    need_npm || return 1
    "$B/tests/tool_parser_tests" "$nm_dir/test262-parser-tests" || return 1
    "$B/tests/tool_parser_tests" --analyzer "$nm_dir/test262-parser-tests"
}

suite_acorn() {
    need_npm || return 1
    node tests/parser/acorn_compare.js --ochre "$B/ochre" --nm "$nm_dir" --jobs "$njobs"
}

suite_tree_sitter() {
    B=$B tests/parser/treesitter_check.sh
}

suite_incremental() {
    need_npm || return 1
    local args=() fixtures=()
    mapfile -t args < <(corpus_args)
    mapfile -t fixtures < <(find tests/fixtures -name '*.js' | sort)
    local edits=${OCHRE_INCR_EDITS:-40000}
    if [ -z "${OCHRE_INCR_EDITS:-}" ] && $sanitized; then edits=8000; fi
    "$B/tests/tool_incr_prop" --edits "$edits" --seed "${OCHRE_INCR_SEED:-1}" "${args[@]}" \
        --script "${fixtures[@]}"
}

suite_eslint() {
    B=$B tests/analyzer/eslint_diff.sh --fast
}

suite_mutate() {
    need_npm || return 1
    local args=()
    mapfile -t args < <(corpus_args)
    "$B/tests/tool_mutate" --count "$mutate_count" --save "$B/tests" "${args[@]}"
}

passed=0
failed=0
skipped=0
failed_names=""
for s in $suites; do
    echo "=== suite $s ($B)"
    start=$(date +%s)
    rc=0
    "suite_${s//-/_}" || rc=$?
    secs=$(($(date +%s) - start))
    if [ "$rc" = 0 ]; then
        passed=$((passed + 1))
        echo "--- suite $s: PASS (${secs} s)"
    elif [ "$rc" = 77 ]; then
        skipped=$((skipped + 1))
        echo "--- suite $s: SKIPPED (${secs} s)"
    else
        failed=$((failed + 1))
        failed_names="$failed_names $s"
        echo "--- suite $s: FAIL, exit $rc (${secs} s)"
    fi
done

[ "$failed" = 0 ] || echo "failed suites:$failed_names"
if [ "$skipped" = 0 ]; then
    echo "$passed passed, $failed failed"
else
    echo "$passed passed, $failed failed, $skipped skipped"
fi
[ "$failed" = 0 ]
