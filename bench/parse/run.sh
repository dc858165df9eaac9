#!/usr/bin/env bash
# Parser benchmark: ochre (strict and tolerant modes) against tree-sitter-
# javascript, acorn and meriyah on the corpus (tests/parser/corpus.txt), in
# one run on this machine. Rounds alternate the tools (the order rotates
# each round) so that drift in machine speed hits all of them alike; the
# report takes per tool and file the median over rounds.
#
#   bench/parse/run.sh [--rounds N] [--min-time SECONDS] [--record]
#
# Builds what it needs: a release build of the parser library in
# $B (default build/bench: -O2 -DNDEBUG, via make), bench_ochre, and
# tree-sitter-javascript from the pinned npm package with bench_treesitter.
# --record writes the report into its section of bench/RESULTS.md (with
# command and date), leaving the other benchmarks' sections alone.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
rounds=5
min_time=0.3
record=false
while [ $# -gt 0 ]; do
    case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --min-time) min_time=$2; shift 2 ;;
    --record) record=true; shift ;;
    *) echo "usage: bench/parse/run.sh [--rounds N] [--min-time S] [--record]" >&2; exit 2 ;;
    esac
done

B=${B:-build/bench}
cc=${CC:-cc}
out="$B/bench"
mkdir -p "$out/ts"
echo "bench: building the parser library in $B (-O2 -DNDEBUG)" >&2
make -s B="$B" CFLAGS="-DNDEBUG" "$B/libochre_parser.a" >&2
nm_dir=$(tests/fetch_npm.sh)

warn="-Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes"
# shellcheck disable=SC2086
$cc -std=c17 -O2 -g -DNDEBUG $warn -D_GNU_SOURCE -Iparser bench/parse/bench_ochre.c \
    "$B/libochre_parser.a" -lm -o "$out/bench_ochre"

have_ts=false
if [ -f /usr/include/tree_sitter/api.h ]; then
    grammar="$nm_dir/tree-sitter-javascript/src"
    for f in parser scanner; do
        $cc -O2 -w -I"$grammar" -c "$grammar/$f.c" -o "$out/ts/$f.o"
    done
    # shellcheck disable=SC2086
    $cc -std=c17 -O2 -g $warn bench/parse/bench_treesitter.c "$out/ts/parser.o" \
        "$out/ts/scanner.o" -ltree-sitter -o "$out/bench_treesitter"
    have_ts=true
else
    echo "bench: libtree-sitter-dev not installed; tree-sitter left out" >&2
fi

# Corpus as arguments: --script/--module before each file.
files=()
while read -r goal rel; do
    files+=("--$goal" "$nm_dir/$rel")
done < <(grep -v '^\s*\(#\|$\)' tests/parser/corpus.txt)

run_tool() {
    case $1 in
    ochre) "$out/bench_ochre" --min-time "$min_time" "${files[@]}" ;;
    ochre-tolerant) "$out/bench_ochre" --tolerant --min-time "$min_time" "${files[@]}" ;;
    tree-sitter) "$out/bench_treesitter" --min-time "$min_time" "${files[@]}" ;;
    acorn | meriyah)
        node bench/parse/bench_node.js "$1" --nm "$nm_dir" --min-time "$min_time" "${files[@]}" ;;
    esac
}

tools=(ochre ochre-tolerant acorn meriyah)
$have_ts && tools=(ochre ochre-tolerant tree-sitter acorn meriyah)
raw="$out/raw.tsv"
: >"$raw"
load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
for ((r = 0; r < rounds; r++)); do
    n=${#tools[@]}
    order=()
    for ((k = 0; k < n; k++)); do order+=("${tools[(r + k) % n]}"); done
    echo "bench: round $((r + 1))/$rounds: ${order[*]}" >&2
    for t in "${order[@]}"; do run_tool "$t" >>"$raw"; done
done

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo unknown)
report=$(node bench/parse/bench_node.js report "$raw")
header="Command: \`bench/parse/run.sh --rounds $rounds --min-time $min_time\` ($(date -u +%F)).
Machine: $cpu, $(nproc) cores, $(node --version), libtree-sitter $(dpkg-query -W -f='${Version}' libtree-sitter0 2>/dev/null || echo '?');
load average at start $load_start, at end $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') (other work on the machine skews the peers' figures most).
ochre: release build of the parser (-O2 -DNDEBUG, $cc), in-process, AST built, nothing printed.
tree-sitter-javascript, acorn and meriyah: versions pinned in tests/npm/package.json;
tree-sitter through its C API (grammar -O2), acorn and meriyah in a warm node process."
echo "$header"
echo
echo "$report"
if $record; then
    # Only this benchmark's section of bench/RESULTS.md is replaced (between
    # the markers); other benchmarks' sections stay.
    section=$(
        echo "<!-- bench/parse:begin (written by bench/parse/run.sh --record) -->"
        echo "## Parser (bench/parse)"
        echo
        echo "Figures the project must reach: ochre >= 10x tree-sitter and >= 4x meriyah"
        echo "throughput on the corpus (aggregate), <= 8 bytes of arena per source byte."
        echo
        echo "$header"
        echo
        echo "$report"
        echo "<!-- bench/parse:end -->"
    )
    results=bench/RESULTS.md
    if [ ! -f "$results" ]; then
        printf '# Benchmark results\n\n%s\n' "$section" >"$results"
    elif grep -q '^<!-- bench/parse:begin' "$results"; then
        SECTION="$section" awk '
            /^<!-- bench\/parse:begin/ { print ENVIRON["SECTION"]; skip = 1; next }
            /^<!-- bench\/parse:end/ { skip = 0; next }
            !skip { print }' "$results" >"$results.tmp"
        mv "$results.tmp" "$results"
    else
        # Older layout: this benchmark's text ran from the top to the first
        # other `## ` section.
        SECTION="$section" awk '
            NR == 1 { print "# Benchmark results"; print ""; print ENVIRON["SECTION"]; print ""; skip = 1; next }
            skip && /^## / { skip = 0 }
            !skip { print }' "$results" >"$results.tmp"
        mv "$results.tmp" "$results"
    fi
    echo "bench: updated the parser section of $results" >&2
fi
