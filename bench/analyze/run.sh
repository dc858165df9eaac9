#!/usr/bin/env bash
# Cost of scope analysis and lint rules relative to parsing, per corpus file
# (tests/parser/corpus.txt), in one run on this machine: parse (tolerant),
# analyze (scopes + early errors) and analyze+lint (every implemented rule
# on), each timed on its own (bench_analyze.c). Reports the median over
# rounds and the ratios analysis/parse and (analysis+lint)/parse; the
# target is (analysis+lint)/parse <= 0.5: scope analysis and every rule
# together add at most 50% to parse time (ADR 0002).
#
#   bench/analyze/run.sh [--rounds N] [--min-time SECONDS] [--record]
#
# Builds a release build (-O2 -DNDEBUG) of the libraries in $B (default
# build/bench). --record appends the report to bench/RESULTS.md.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
rounds=3
min_time=0.3
record=false
while [ $# -gt 0 ]; do
    case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --min-time) min_time=$2; shift 2 ;;
    --record) record=true; shift ;;
    *) echo "usage: bench/analyze/run.sh [--rounds N] [--min-time S] [--record]" >&2; exit 2 ;;
    esac
done

B=${B:-build/bench}
cc=${CC:-cc}
out="$B/bench"
mkdir -p "$out"
echo "bench: building the libraries in $B (-O2 -DNDEBUG)" >&2
make -s B="$B" CFLAGS="-DNDEBUG" "$B/libochre_analyzer.a" "$B/libochre_parser.a" >&2
warn="-Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes"
# shellcheck disable=SC2086
$cc -std=c17 -O2 -g -DNDEBUG $warn -D_GNU_SOURCE -Iparser -Ianalyzer bench/analyze/bench_analyze.c \
    "$B/libochre_analyzer.a" "$B/libochre_parser.a" -lm -o "$out/bench_analyze"
nm_dir=$(tests/fetch_npm.sh)

files=()
while read -r goal rel; do
    files+=("--$goal" "$nm_dir/$rel")
done < <(grep -v '^\s*\(#\|$\)' tests/parser/corpus.txt)

raw="$out/analyze_raw.tsv"
: >"$raw"
for ((r = 0; r < rounds; r++)); do
    "$out/bench_analyze" --min-time "$min_time" "${files[@]}" >>"$raw"
done

report=$(node - "$raw" "$nm_dir" <<'JS'
const fs = require("fs");
const [raw, nm] = process.argv.slice(2);
const rows = {};
for (const line of fs.readFileSync(raw, "utf8").split("\n")) {
    const f = line.split("\t");
    if (f[0] !== "time") continue;
    const r = (rows[f[1]] ??= { bytes: +f[2], p: [], a: [], l: [], n: +f[6] });
    r.p.push(+f[3]); r.a.push(+f[4]); r.l.push(+f[5]);
}
const med = v => { const s = [...v].sort((x, y) => x - y); return s[s.length >> 1]; };
let out = "| file | KB | parse ms | analyze ms | analyze/parse | analyze+lint ms | (analyze+lint)/parse | findings |\n";
out += "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
let P = 0, A = 0, Ls = 0;
for (const [file, r] of Object.entries(rows)) {
    const p = med(r.p), a = med(r.a), l = med(r.l);
    P += p; A += a; Ls += l;
    out += `| ${file.replace(nm + "/", "")} | ${(r.bytes / 1024).toFixed(0)} | ${(p * 1e3).toFixed(2)} | ${(a * 1e3).toFixed(2)} | ${(a / p).toFixed(2)} | ${(l * 1e3).toFixed(2)} | ${(l / p).toFixed(2)} | ${r.n} |\n`;
}
out += `| **total** | | **${(P * 1e3).toFixed(1)}** | **${(A * 1e3).toFixed(1)}** | **${(A / P).toFixed(2)}** | **${(Ls * 1e3).toFixed(1)}** | **${(Ls / P).toFixed(2)}** | |\n`;
process.stdout.write(out);
JS
)
header="## Analysis and lint cost

Command: \`bench/analyze/run.sh --rounds $rounds --min-time $min_time\` ($(date +%F)).
Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores.
Release build (-O2 -DNDEBUG), in-process; medians of $rounds rounds. parse: tolerant
mode; analyze: an_analyze (scopes, early errors); analyze+lint: an_analyze with
every implemented lint rule on (times exclude the parse). Target: (analyze+lint)/parse
<= 0.50.
"
printf '%s\n%s\n' "$header" "$report"
if $record; then
    printf '\n%s\n%s\n' "$header" "$report" >>bench/RESULTS.md
fi
