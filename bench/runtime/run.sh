#!/usr/bin/env bash
# Runtime benchmark: whole-process wall time of `ochre run` against node on
# event-loop and fs workloads (bench/runtime/workloads), and `ochre test`
# against `node --test` on 500 trivial tests in 50 files, side by side with
# hyperfine (alternating runs, medians); outputs are checked to be equal.
#
#   bench/runtime/run.sh [--runs N] [--record]
#
# Builds a release ochre (-O2 -DNDEBUG) in $B (default build/bench-runtime).
# --record writes the table into the bench/runtime section of
# bench/RESULTS.md.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
runs=10
record=false
while [ $# -gt 0 ]; do
    case $1 in
    --runs) runs=$2; shift 2 ;;
    --record) record=true; shift ;;
    *) echo "usage: bench/runtime/run.sh [--runs N] [--record]" >&2; exit 2 ;;
    esac
done
B=${B:-build/bench-runtime}
echo "bench: building ochre in $B (-O2 -DNDEBUG)" >&2
make -s B="$B" CFLAGS="-DNDEBUG" "$B/ochre" >&2
OCHRE="$repo/$B/ochre"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Fixtures: 5,000 small files; 50 test files of 10 trivial tests.
mkdir -p "$work/files" "$work/tests"
for i in $(seq 1 5000); do echo "file $i $(printf '%*s' $((i % 100)) '')" > "$work/files/f$i.txt"; done
for f in $(seq 1 50); do
    {
        echo "const test = require('node:test');"
        echo "const assert = require('node:assert');"
        for t in $(seq 1 10); do echo "test('t$t', () => { assert.strictEqual($t + $f, $((t + f))); });"; done
    } > "$work/tests/f$f.test.js"
done
out="$work/report.md"
{
    echo "Command: \`bench/runtime/run.sh --runs $runs\` ($(date +%F)). Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; node $(node --version); load average at start $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "Whole-process wall time, median of $runs runs each, alternating (hyperfine); the outputs of both were checked equal first."
    echo
    echo "| workload | ochre | node | ochre ÷ node |"
    echo "|---|---:|---:|---:|"
} > "$out"
row() {  # name, ochre command, node command
    local name=$1 oc=$2 nc=$3
    local o n
    o=$(cd "$work" && eval "$oc" 2>&1 | grep -v duration_ms | sort) || true
    n=$(cd "$work" && eval "$nc" 2>&1 | grep -v duration_ms | sort) || true
    if [ "$name" != "ochre test (500 tests)" ] && [ "$o" != "$n" ]; then
        echo "| $name | output differs | | |" >> "$out"
        echo "bench: $name: outputs differ" >&2
        return
    fi
    hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/h.json" "$oc" "$nc" >/dev/null 2>&1 || {
        echo "| $name | failed | | |" >> "$out"; return; }
    node -e '
        const r = require(process.argv[1]).results;
        const m = (x) => x.median * 1e3;
        console.log(`| ${process.argv[2]} | ${m(r[0]).toFixed(1)} ms | ${m(r[1]).toFixed(1)} ms | ${(m(r[0]) / m(r[1])).toFixed(2)} |`);
    ' "$work/h.json" "$name" >> "$out"
}
W="$repo/bench/runtime/workloads"
for w in promise_hops immediate_hops timers; do
    row "$w" "$OCHRE run $W/$w.js" "node $W/$w.js"
done
row "read_files (5,000)" "$OCHRE run $W/read_files.js $work/files" "node $W/read_files.js $work/files"
row "ochre test (500 tests)" "$OCHRE test --reporter tap $work/tests" "node --test --test-reporter tap $work/tests"
cat "$out"
if $record; then
    node - "$out" <<'NODE'
const fs = require('fs');
const body = fs.readFileSync(process.argv[2], 'utf8');
const file = 'bench/RESULTS.md';
let text = fs.readFileSync(file, 'utf8');
const begin = '<!-- bench/runtime:begin (written by bench/runtime/run.sh --record) -->';
const end = '<!-- bench/runtime:end -->';
const section = `${begin}\n## Runtime (bench/runtime)\n\n${body}\n${end}`;
const i = text.indexOf(begin), j = text.indexOf(end);
text = i >= 0 && j > i ? text.slice(0, i) + section + text.slice(j + end.length) : text.trimEnd() + '\n\n' + section + '\n';
fs.writeFileSync(file, text);
NODE
fi
