#!/usr/bin/env bash
# Regenerates tests/test262/expected_failures.txt from a full test262 run
# of the engine (test/language, test/built-ins, test/annexB; the skip list
# in tests/test262/skip.txt still applies), and prints the per-directory
# rates and the issue's two figures. Review the diff before committing:
# every line that disappears is a test that now passes.
#
#   tests/test262/update_expectations.sh [run262 options...]
#
# Environment: B (build directory, default build), TEST262 (default
# ../shared/test262), JOBS (default: number of CPUs).
set -euo pipefail
cd "$(dirname "$0")/../.."
B=${B:-build}
make -s B="$B" "$B/ochre"
# The runner has no dependency on the project's libraries: built here so
# the script works with or without its Makefile rule.
mkdir -p "$B/tests"
${CC:-cc} -std=c17 -O2 -g -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
    -D_GNU_SOURCE tests/test262/*.c -lpthread -o "$B/tests/run262"
"$B/tests/run262" --ochre "$B/ochre" --root "${TEST262:-../shared/test262}" \
    -j "${JOBS:-$(nproc)}" --update --summary "$@"
