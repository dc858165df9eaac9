#!/usr/bin/env bash
# Editing latency of `ochre lsp` next to quick-lint-js's server
# (`quick-lint-js --lsp-server`, pinned in bench/lsp/package.json and
# installed into the cache): for a 200-line file, three.module.js (~660 kB)
# and typescript.js (~9 MB), the time from each didChange to the matching
# publishDiagnostics (median, p90, max over the edits) and peak RSS. Both
# servers run in the same run and take turns edit by edit (bench.js).
#
# Usage: bench/lsp/run.sh [--edits N] [--out FILE]
# Writes a Markdown table to FILE (default bench/lsp/RESULTS.part.md).
# Environment: OCHRE (default: built into build-bench with -DNDEBUG),
# OCHRE_CACHE (npm cache directory).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
edits=200
out=bench/lsp/RESULTS.part.md
while [ $# -gt 0 ]; do
    case $1 in
    --edits) edits=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: bench/lsp/run.sh [--edits N] [--out FILE]" >&2; exit 2 ;;
    esac
done

B=${B:-build-bench}
if [ -z "${OCHRE:-}" ]; then
    echo "bench: building ochre in $B (-O2 -DNDEBUG)" >&2
    make -s B="$B" CFLAGS="-DNDEBUG" "$B/ochre" >&2
    OCHRE="$B/ochre"
fi
case $OCHRE in /*) ;; *) OCHRE="$repo/$OCHRE" ;; esac

cache="${OCHRE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ochre}/bench-lsp-npm"
mkdir -p "$cache"
if ! cmp -s bench/lsp/package.json "$cache/package.json" || [ ! -d "$cache/node_modules/quick-lint-js" ]; then
    echo "bench: installing quick-lint-js into $cache" >&2
    cp bench/lsp/package.json "$cache/package.json"
    npm install --prefix "$cache" --no-audit --no-fund --ignore-scripts --no-package-lock --loglevel=error >&2
fi
arch=$(node -p 'process.platform + "-" + process.arch')
qljs="$cache/node_modules/quick-lint-js/$arch/bin/quick-lint-js"

nm_dir=$(tests/fetch_npm.sh)
small="${TMPDIR:-/tmp}/ochre-bench-lsp-small.mjs"
node bench/lsp/gen_small.js "$small"
files=("$small" "$nm_dir/three/build/three.module.js" "$nm_dir/typescript/lib/typescript.js")

raw="${TMPDIR:-/tmp}/ochre-bench-lsp.jsonl"
node bench/lsp/bench.js --edits "$edits" --server "ochre=$OCHRE lsp" --server "quick-lint-js=$qljs --lsp-server" \
    "${files[@]}" | tee "$raw" >&2

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
qv=$("$qljs" --version 2>/dev/null | head -1)
node bench/lsp/report.js "$raw" "$edits" "$cpu" "$qv" > "$out"
cat "$out"
