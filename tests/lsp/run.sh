#!/usr/bin/env bash
# The language server suites of one build configuration (B=build or
# build-asan): functional tests, hostile input, and the headless Neovim
# end-to-end test (skipped when Neovim cannot be installed). The Criterion
# unit tests (tests/lsp/test_*.c) run with the other unit tests.
# Prints one line per suite and ends with `N passed, N failed[, N skipped]`
# (N = suites); exits non-zero when a suite failed.
set -uo pipefail
cd "$(dirname "$0")/../.."
B=${B:-build}
export OCHRE=${OCHRE:-$B/ochre}
passed=0 failed=0 skipped=0
run() {
    local name=$1; shift
    local log="$B/tests/lsp-$name.log"
    mkdir -p "$B/tests"
    "$@" >"$log" 2>&1
    local rc=$?
    local summary
    summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
    if [ $rc -eq 0 ]; then
        passed=$((passed + 1)); echo "lsp $name: ok ($summary)"
    elif [ $rc -eq 77 ]; then
        skipped=$((skipped + 1)); echo "lsp $name: skipped ($(grep -m1 SKIPPED "$log"))"
    else
        failed=$((failed + 1)); echo "lsp $name: FAILED ($summary), log $log:"; grep -E '^FAIL' "$log" | head -20
    fi
}
run functional node tests/lsp/functional.js
run hostile node tests/lsp/hostile.js
run nvim tests/lsp/nvim_e2e.sh
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
