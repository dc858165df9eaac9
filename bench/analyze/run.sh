#!/usr/bin/env bash
# Cost of scope analysis and lint rules relative to parsing, per corpus file
# (tests/parser/corpus.txt), in one run on this machine: parse (tolerant),
# analyze (scopes + early errors) and analyze+lint (every implemented rule
# on), each timed on its own (bench_analyze.c). Reports the median over
# rounds and the ratios analysis/parse and (analysis+lint)/parse; the
# target is (analysis+lint)/parse <= 0.5: scope analysis and every rule
# together add at most 50% to parse time (ADR 0002).
#
#   bench/analyze/run.sh [--rounds N] [--min-time SECONDS] [--baseline REV]
#                        [--instructions] [--record]
#
# Builds a release build (-O2 -DNDEBUG) of the libraries in $B (default
# build/bench). --baseline REV also builds the parser and analyzer of git
# revision REV (exported with `git archive` into $B/baseline; the working
# tree and the index are not touched) and times it in the same rounds,
# alternating with the working tree, so that before/after ratios come from
# the same machine load; rules that REV does not have are simply not run
# there. --instructions adds a table of instruction counts per run
# (valgrind --tool=callgrind, one process per file and build: stable on a
# loaded machine, where times are not; several minutes). --record writes the report into its own section of
# bench/RESULTS.md (between the bench/analyze markers; other sections stay).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
rounds=3
min_time=0.3
record=false
baseline=""
instructions=false
while [ $# -gt 0 ]; do
    case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --min-time) min_time=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    --record) record=true; shift ;;
    --instructions) instructions=true; shift ;;
    *) echo "usage: bench/analyze/run.sh [--rounds N] [--min-time S] [--baseline REV] [--instructions] [--record]" >&2; exit 2 ;;
    esac
done

B=${B:-build/bench}
cc=${CC:-cc}
out="$B/bench"
mkdir -p "$out"
warn="-Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes"
build_bench() {  # source-dir build-dir output
    local src=$1 bdir=$2 exe=$3
    echo "bench: building the libraries of $src in $bdir (-O2 -DNDEBUG)" >&2
    make -s -C "$src" B="$bdir" CFLAGS="-DNDEBUG" "$bdir/libochre_analyzer.a" "$bdir/libochre_parser.a" >&2
    # shellcheck disable=SC2086
    $cc -std=c17 -O2 -g -DNDEBUG $warn -D_GNU_SOURCE -I"$src/parser" -I"$src/analyzer" \
        bench/analyze/bench_analyze.c "$src/$bdir/libochre_analyzer.a" "$src/$bdir/libochre_parser.a" \
        -lm -o "$exe"
}
build_bench . "$B" "$out/bench_analyze"
if [ -n "$baseline" ]; then
    rev=$(git rev-parse --short "$baseline")
    base_src="$repo/$B/baseline"
    rm -rf "$base_src"
    mkdir -p "$base_src"
    git archive "$rev" Makefile parser analyzer tools 2>/dev/null | tar -x -C "$base_src" ||
        git archive "$rev" Makefile parser analyzer | tar -x -C "$base_src"
    build_bench "$base_src" build "$out/bench_analyze_base"
fi
nm_dir=$(tests/fetch_npm.sh)

files=()
while read -r goal rel; do
    files+=("--$goal" "$nm_dir/$rel")
done < <(grep -v '^\s*\(#\|$\)' tests/parser/corpus.txt)

raw="$out/analyze_raw.tsv"
: >"$raw"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for ((r = 0; r < rounds; r++)); do
    "$out/bench_analyze" --min-time "$min_time" "${files[@]}" | sed 's/^time/now/' >>"$raw"
    if [ -n "$baseline" ]; then
        "$out/bench_analyze_base" --min-time "$min_time" "${files[@]}" | sed 's/^time/base/' >>"$raw"
    fi
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

report=$(node - "$raw" "$nm_dir" "${baseline:+$rev}" <<'JS'
const fs = require("fs");
const [raw, nm, rev] = process.argv.slice(2);
const sets = { now: {}, base: {} };
for (const line of fs.readFileSync(raw, "utf8").split("\n")) {
    const f = line.split("\t");
    if (!sets[f[0]]) continue;
    const r = (sets[f[0]][f[1]] ??= { bytes: +f[2], p: [], a: [], l: [], n: +f[6] });
    r.p.push(+f[3]); r.a.push(+f[4]); r.l.push(+f[5]);
}
const med = v => { const s = [...v].sort((x, y) => x - y); return s[s.length >> 1]; };
const ms = x => (x * 1e3).toFixed(2);
const base = rev ? sets.base : null;
let out = "| file | KB | parse ms | analyze ms | analyze/parse | analyze+lint ms | (analyze+lint)/parse | findings |" +
    (base ? ` before (${rev}): analyze/parse | before: (analyze+lint)/parse |` : "") + "\n";
out += "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" + (base ? " ---: | ---: |" : "") + "\n";
const T = { p: 0, a: 0, l: 0, bp: 0, ba: 0, bl: 0 };
for (const [file, r] of Object.entries(sets.now)) {
    const p = med(r.p), a = med(r.a), l = med(r.l);
    T.p += p; T.a += a; T.l += l;
    let extra = "";
    if (base && base[file]) {
        const b = base[file], bp = med(b.p), ba = med(b.a), bl = med(b.l);
        T.bp += bp; T.ba += ba; T.bl += bl;
        extra = ` ${(ba / bp).toFixed(2)} | ${(bl / bp).toFixed(2)} |`;
    }
    out += `| ${file.replace(nm + "/", "")} | ${(r.bytes / 1024).toFixed(0)} | ${ms(p)} | ${ms(a)} | ${(a / p).toFixed(2)} | ${ms(l)} | ${(l / p).toFixed(2)} | ${r.n} |${extra}\n`;
}
out += `| **total** | | **${(T.p * 1e3).toFixed(1)}** | **${(T.a * 1e3).toFixed(1)}** | **${(T.a / T.p).toFixed(2)}** | **${(T.l * 1e3).toFixed(1)}** | **${(T.l / T.p).toFixed(2)}** | |` +
    (base ? ` **${(T.ba / T.bp).toFixed(2)}** | **${(T.bl / T.bp).toFixed(2)}** |` : "") + "\n";
process.stdout.write(out);
JS
)
iflag=""
if $instructions; then iflag=" --instructions"; fi
header="Command: \`bench/analyze/run.sh --rounds $rounds --min-time $min_time${baseline:+ --baseline $baseline}$iflag\` ($(date +%F)).
Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; load average at start $load_start, at end $load_end.
Release build (-O2 -DNDEBUG), in-process; medians of $rounds rounds. parse: tolerant
mode; analyze: an_analyze (scopes, early errors); analyze+lint: an_analyze with
every implemented lint rule on (times exclude the parse).${baseline:+ The before columns time
revision $rev (its parser and analyzer) in the same rounds, alternating with the working tree.}
Target: (analyze+lint)/parse <= 0.50."
irtable=""
if $instructions; then
    # Inclusive instruction counts of ps_parse (one call), an_analyze and
    # an_lint_run (BENCH_ONLY=lint: a warm-up and three timed runs, so four
    # calls each; the analysis is an_analyze minus an_lint_run).
    ir="$out/analyze_ir.tsv"
    : >"$ir"
    builds=(now)
    [ -n "$baseline" ] && builds+=(base)
    for ((i = 0; i < ${#files[@]}; i += 2)); do
        for which in "${builds[@]}"; do
            exe="$out/bench_analyze"
            [ "$which" = base ] && exe="$out/bench_analyze_base"
            cgf="$out/callgrind.$which.out"
            BENCH_ONLY=lint valgrind --tool=callgrind --callgrind-out-file="$cgf" "$exe" --min-time 0 \
                "${files[i]}" "${files[i + 1]}" >/dev/null 2>&1
            callgrind_annotate --inclusive=yes "$cgf" 2>/dev/null | awk -v w="$which" -v f="${files[i + 1]#"$nm_dir"/}" '
                /parser\.c:ps_parse \[/ { gsub(",", "", $1); p = $1 }
                /analyzer\.c:an_analyze \[/ { gsub(",", "", $1); a = $1 }
                /lint\.c:an_lint_run \[/ { gsub(",", "", $1); l = $1 }
                END { printf "%s\t%s\t%d\t%d\t%d\n", w, f, p, (a - l) / 4, l / 4 }' >>"$ir"
            rm -f "$cgf"
        done
    done
    irtable=$(node - "$ir" "${baseline:+$rev}" <<'JS'
const fs = require("fs");
const [file, rev] = process.argv.slice(2);
const rows = {};
for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const f = line.split("\t");
    if (f.length < 5) continue;
    (rows[f[1]] ??= {})[f[0]] = { p: +f[2], a: +f[3], l: +f[4] };
}
const M = x => (x / 1e6).toFixed(1);
let out = "Instructions per run (millions; callgrind, all rules on):\n\n";
out += "| file | parse | analyze | lint | analyze/parse | lint/parse | (analyze+lint)/parse |" + (rev ? ` before (${rev}): lint/parse | before: (analyze+lint)/parse |` : "") + "\n";
out += "| --- | ---: | ---: | ---: | ---: | ---: | ---: |" + (rev ? " ---: | ---: |" : "") + "\n";
const T = { p: 0, a: 0, l: 0, bp: 0, ba: 0, bl: 0 };
for (const [name, r] of Object.entries(rows)) {
    const n = r.now;
    T.p += n.p; T.a += n.a; T.l += n.l;
    let extra = "";
    if (rev && r.base) {
        const b = r.base;
        T.bp += b.p; T.ba += b.a; T.bl += b.l;
        extra = ` ${(b.l / b.p).toFixed(2)} | ${((b.a + b.l) / b.p).toFixed(2)} |`;
    }
    out += `| ${name} | ${M(n.p)} | ${M(n.a)} | ${M(n.l)} | ${(n.a / n.p).toFixed(2)} | ${(n.l / n.p).toFixed(2)} | ${((n.a + n.l) / n.p).toFixed(2)} |${extra}\n`;
}
out += `| **total** | **${M(T.p)}** | **${M(T.a)}** | **${M(T.l)}** | **${(T.a / T.p).toFixed(2)}** | **${(T.l / T.p).toFixed(2)}** | **${((T.a + T.l) / T.p).toFixed(2)}** |` +
    (rev ? ` **${(T.bl / T.bp).toFixed(2)}** | **${((T.ba + T.bl) / T.bp).toFixed(2)}** |` : "") + "\n";
process.stdout.write(out);
JS
)
    report="$report

$irtable"
fi
printf '%s\n\n%s\n' "$header" "$report"
if $record; then
    notes=""
    if [ -f bench/analyze/NOTES.md ]; then notes=$(cat bench/analyze/NOTES.md); fi
    section=$(
        echo "<!-- bench/analyze:begin (written by bench/analyze/run.sh --record) -->"
        echo "## Analysis and lint cost (bench/analyze)"
        echo
        echo "$header"
        echo
        echo "$report"
        if [ -n "$notes" ]; then echo; echo "$notes"; fi
        echo "<!-- bench/analyze:end -->"
    )
    results=bench/RESULTS.md
    if [ ! -f "$results" ]; then
        printf '# Benchmark results\n\n%s\n' "$section" >"$results"
    elif grep -q '^<!-- bench/analyze:begin' "$results"; then
        SECTION="$section" awk '
            /^<!-- bench\/analyze:begin/ { print ENVIRON["SECTION"]; skip = 1; next }
            /^<!-- bench\/analyze:end/ { skip = 0; next }
            !skip { print }' "$results" >"$results.tmp"
        mv "$results.tmp" "$results"
    elif grep -q '^## Analysis and lint cost' "$results"; then
        # Older layout: an undelimited section from its heading to the next
        # `## ` heading (or a begin marker of another benchmark) or the end.
        SECTION="$section" awk '
            /^## Analysis and lint cost/ { print ENVIRON["SECTION"]; skip = 1; next }
            skip && (/^## / || /^<!-- bench\//) { skip = 0; print ""; }
            !skip { print }' "$results" >"$results.tmp"
        mv "$results.tmp" "$results"
    else
        printf '\n%s\n' "$section" >>"$results"
    fi
fi
