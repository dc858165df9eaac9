#!/usr/bin/env bash
# Regenerates every golden file of the `ochre check` end-to-end tests
# (tests/fixtures/check/golden/: the six formats on basic/, and fix.diff,
# fix.compact and the fixed tree fix/) from BUILD_DIR/ochre, for when
# analyzer changes alter the findings. Review the result with `git diff`.
#
#   tests/cli/update_check_goldens.sh [BUILD_DIR]   (default: build)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
OCHRE_UPDATE_GOLDEN=1 OCHRE_CHECK_TESTS="golden_formats fix_goldens" exec "$here/run_check_tests.sh" "${1:-build}"
