#!/usr/bin/env bash
# `ochre check` benchmark: whole-process wall time and peak memory (RSS) of
# ochre check, quick-lint-js and oxlint doing comparable checks (syntax
# errors and undeclared variables), side by side in one run:
#
#   corpus  the real-world corpus of the parser suites (tests/parser/corpus.txt,
#           fetched by tests/fetch_npm.sh), files named on the command line
#   tree    a generated project of 5,000 files (bench/check/gen_tree.js,
#           deterministic, in $TMPDIR), given as a directory (quick-lint-js,
#           which does not walk directories, gets the sorted file list)
#
#   bench/check/run.sh [--rounds N] [--files N] [--record]
#
# Rounds alternate the tools (the order rotates every round) so that drift
# in machine speed hits all of them alike; the report takes medians over
# rounds and gives each peer's ratio to ochre. Every tool writes its normal
# report to /dev/null.
#
# Tools: ochre from a release build ($B, default build-bench: -O2 -DNDEBUG;
# or OCHRE=/path/to/ochre to use a given binary) with
# bench/check/ochre-bench.json (no-undef on, browser and node globals);
# quick-lint-js and oxlint pinned in bench/check/package.json, installed
# into ${OCHRE_CACHE:-~/.cache/ochre}/bench-check-npm. oxlint runs with
# `-A all -D no-undef` (syntax errors are always reported), all threads;
# ochre with all threads; quick-lint-js is single-threaded.
#
# --record writes the report as the section "`ochre check` (bench/check)" of
# bench/RESULTS.md, between the markers <!-- bench/check:begin ... --> and
# <!-- bench/check:end --> (replacing an earlier one), when that file
# exists, else to bench/check/RESULTS.part.md.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
rounds=5
nfiles=5000
record=false
while [ $# -gt 0 ]; do
    case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --files) nfiles=$2; shift 2 ;;
    --record) record=true; shift ;;
    *) echo "usage: bench/check/run.sh [--rounds N] [--files N] [--record]" >&2; exit 2 ;;
    esac
done

B=${B:-build-bench}
mkdir -p "$B/bench-check"
out=$(cd "$B/bench-check" && pwd)
cc=${CC:-cc}
if [ -z "${OCHRE:-}" ]; then
    echo "bench: building ochre in $B (-O2 -DNDEBUG)" >&2
    make -s B="$B" CFLAGS="-DNDEBUG" "$B/ochre" >&2
    OCHRE="$B/ochre"
fi
case $OCHRE in /*) ;; *) OCHRE="$repo/$OCHRE" ;; esac
"$OCHRE" check --help >/dev/null 2>&1 || { echo "bench: $OCHRE has no 'check' command" >&2; exit 1; }
$cc -std=c17 -O2 -Wall -Wextra -D_GNU_SOURCE bench/check/measure.c -o "$out/measure"

# Peers, pinned.
cache="${OCHRE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ochre}/bench-check-npm"
mkdir -p "$cache"
if ! cmp -s bench/check/package.json "$cache/package.json" || [ ! -d "$cache/node_modules/oxlint" ]; then
    echo "bench: installing quick-lint-js and oxlint into $cache" >&2
    cp bench/check/package.json "$cache/package.json"
    npm install --prefix "$cache" --no-audit --no-fund --ignore-scripts --no-package-lock --loglevel=error >&2
fi
arch=$(node -p 'process.platform + "-" + process.arch')
qljs="$cache/node_modules/quick-lint-js/$arch/bin/quick-lint-js"
oxlint="$cache/node_modules/.bin/oxlint"

# Data sets.
nm_dir=$(tests/fetch_npm.sh)
corpus=()
while read -r _goal rel; do corpus+=("$nm_dir/$rel"); done < <(grep -v '^\s*\(#\|$\)' tests/parser/corpus.txt)
corpus_bytes=$(cat "${corpus[@]}" | wc -c)
tree="${TMPDIR:-/tmp}/ochre-bench-check-tree-$nfiles"
node bench/check/gen_tree.js "$tree" "$nfiles"
cp bench/check/ochre-bench.json "$tree/ochre.json"
mapfile -t tree_files < <(cd "$tree" && find . -type f \( -name '*.js' -o -name '*.cjs' -o -name '*.mjs' -o -name '*.jsx' \) |
    sed 's|^\./||' | LC_ALL=C sort)
tree_bytes=$(cd "$tree" && cat "${tree_files[@]}" | wc -c)

run() {  # run TOOL SET: one measurement line
    local tool=$1 set=$2
    case "$tool/$set" in
    ochre/corpus) "$out/measure" "$OCHRE" check --config bench/check/ochre-bench.json "${corpus[@]}" ;;
    ochre/tree) (cd "$tree" && "$out/measure" "$OCHRE" check .) ;;
    quick-lint-js/corpus) "$out/measure" "$qljs" "${corpus[@]}" ;;
    quick-lint-js/tree) (cd "$tree" && "$out/measure" "$qljs" "${tree_files[@]}") ;;
    oxlint/corpus) "$out/measure" "$oxlint" -A all -D no-undef "${corpus[@]}" ;;
    oxlint/tree) (cd "$tree" && "$out/measure" "$oxlint" -A all -D no-undef .) ;;
    esac
}
tools=(ochre quick-lint-js oxlint)
raw="$out/raw.tsv"
: >"$raw"
for set in corpus tree; do run ochre "$set" >/dev/null; done  # warm the page cache
load_start=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
for ((r = 0; r < rounds; r++)); do
    order=()
    for ((k = 0; k < ${#tools[@]}; k++)); do order+=("${tools[(r + k) % ${#tools[@]}]}"); done
    echo "bench: round $((r + 1))/$rounds: ${order[*]}" >&2
    for set in corpus tree; do
        for t in "${order[@]}"; do printf '%s\t%s\t%s\n' "$t" "$set" "$(run "$t" "$set")" >>"$raw"; done
    done
done

load_end=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')

# Medians per tool and set; ratios to ochre (peer / ochre: above 1 means
# ochre is faster or smaller).
report=$(awk -F'\t' '
    { key = $1 "\t" $2; n[key]++; t[key, n[key]] = $3; m[key, n[key]] = $4; st[key] = $5; c[key, n[key]] = $6 }
    function median(arr, key, cnt,   i, j, v, tmp) {
        for (i = 1; i <= cnt; i++) v[i] = arr[key, i]
        for (i = 1; i <= cnt; i++) for (j = i + 1; j <= cnt; j++) if (v[j] < v[i]) { tmp = v[i]; v[i] = v[j]; v[j] = tmp }
        return cnt % 2 ? v[(cnt + 1) / 2] : (v[cnt / 2] + v[cnt / 2 + 1]) / 2
    }
    END {
        split("corpus tree", sets, " ")
        split("ochre quick-lint-js oxlint", tools, " ")
        printf "| data set | tool | wall time | CPU time | peak RSS | wall / ochre | CPU / ochre | RSS / ochre | exit |\n"
        printf "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        for (s = 1; s <= 2; s++) {
            base = sets[s]
            ot = median(t, "ochre\t" base, n["ochre\t" base]); om = median(m, "ochre\t" base, n["ochre\t" base])
            oc = median(c, "ochre\t" base, n["ochre\t" base])
            for (k = 1; k <= 3; k++) {
                key = tools[k] "\t" base
                if (!n[key]) continue
                wt = median(t, key, n[key]); mm = median(m, key, n[key]); cc = median(c, key, n[key])
                printf "| %s | %s | %.3f s | %.3f s | %.1f MiB | %.2f | %.2f | %.2f | %s |\n", base, tools[k], wt, cc, mm / 1024, wt / ot, cc / oc, mm / om, st[key]
            }
        }
    }' "$raw")

# Whether this build's analyzer runs the lint rules (no-undef as the probe).
# (The probe exits 1 with its finding: keep that out of pipefail.)
probe=$(printf 'undeclaredProbe;\n' | "$OCHRE" check --config bench/check/ochre-bench.json --format compact \
    --stdin-filename probe.js - 2>/dev/null || true)
if grep -q 'no-undef' <<<"$probe"; then
    lint_note="its lint rules on (no-undef included)"
else
    lint_note="no lint rules yet: the analyzer in this build reports none (not even no-undef), so ochre checks less than the peers"
fi
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo unknown)
header="Command: \`bench/check/run.sh --rounds $rounds --files $nfiles\` ($(date -u +%F)).
Machine: $cpu, $(nproc) cores, $(node --version); load average (1 min) $load_start at the start, $load_end at the end
(other jobs share the machine; with a load above the core count, wall times stretch and CPU times are the steadier figure).
Data: corpus = ${#corpus[@]} files of tests/parser/corpus.txt, $((corpus_bytes / 1024)) KiB; tree = ${#tree_files[@]} generated files (bench/check/gen_tree.js), $((tree_bytes / 1024)) KiB.
Tools: ochre $("$OCHRE" --version 2>/dev/null | sed 's/^ochre //' || echo '?') (release build, \`ochre check\`, all cores, bench/check/ochre-bench.json);
quick-lint-js $("$qljs" --version | sed 's/.*version //') (single-threaded); oxlint $("$oxlint" --version | sed 's/Version: //') (\`-A all -D no-undef\`, all cores, started by node).
Whole process (wall time; CPU = user + system over all threads; peak RSS), output to /dev/null;
medians of $rounds alternating rounds; ratios are peer / ochre (above 1: ochre is faster or smaller).
Exit: the tools' exit status (1: findings reported). ochre: syntax, scope analysis, early errors and
$lint_note."
echo "$header"
echo
echo "$report"
if $record; then
    section="## \`ochre check\` (bench/check)

Figures to reach (issue \"ochre check\"): on the corpus, wall time at most 0.5x quick-lint-js's and
peak RSS at most quick-lint-js's; on the generated tree, faster than both peers.

$header

$report"
    begin='<!-- bench/check:begin (written by bench/check/run.sh --record) -->'
    end='<!-- bench/check:end -->'
    if [ -f bench/RESULTS.md ]; then
        # Replace this benchmark's delimited section in place (or an
        # undelimited one from before the markers: its heading up to the
        # next `## ` or marker), else append it; the rest of the file is left
        # as it is.
        printf '%s\n%s\n%s\n' "$begin" "$section" "$end" >"$out/section.md"
        awk -v title='## `ochre check` (bench/check)' -v end="$end" -v sec="$out/section.md" '
            function put(  line) { while ((getline line < sec) > 0) print line; close(sec); done = 1 }
            index($0, "<!-- bench/check:begin") == 1 { skip = 2; put(); next }
            skip == 2 { if ($0 == end) skip = 0; next }
            $0 == title && !done { skip = 1; put(); print ""; next }
            skip == 1 && (/^## / || /^<!-- /) { skip = 0 }
            !skip { print }
            END { if (!done) { print ""; put() } }' bench/RESULTS.md >"$out/RESULTS.md.tmp"
        mv "$out/RESULTS.md.tmp" bench/RESULTS.md
        echo "bench: recorded in bench/RESULTS.md" >&2
    else
        printf '%s\n' "$section" >bench/check/RESULTS.part.md
        echo "bench: wrote bench/check/RESULTS.part.md" >&2
    fi
fi
