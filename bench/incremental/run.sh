#!/usr/bin/env bash
# Incremental re-parse benchmark: ochre's ps_reparse against tree-sitter's
# incremental parse (ts_tree_edit + ts_parser_parse with the old tree) after
# a one-character edit in the middle of three/build/three.module.js
# (~660 kB) and typescript/lib/typescript.js (~9 MB), three kinds of edit
# (inside an identifier, between two statements of a function body, inside
# a string), the same edits in the same run (bench_incr.c).
#
#   bench/incremental/run.sh [--iters N] [--record]
#
# Builds what it needs: a release build of the parser library in $B
# (default build/bench: -O2 -DNDEBUG, via make), tree-sitter-javascript from
# the pinned npm package (as bench/parse/run.sh does) against Debian's
# libtree-sitter, and bench_incr. Reports medians over N re-parses per edit
# kind (the edit and its undo alternate) and the ratio tree-sitter / ochre.
# ochre's figure is the re-parse; the lazy offset shift that the first
# consumer of positions pays afterwards (ps_parse_settle) is reported beside
# it, as is a full parse. --record writes the report into its section of
# bench/RESULTS.md (between the bench/incremental markers), leaving the
# other sections alone.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
iters=200
record=false
while [ $# -gt 0 ]; do
    case $1 in
    --iters) iters=$2; shift 2 ;;
    --record) record=true; shift ;;
    *) echo "usage: bench/incremental/run.sh [--iters N] [--record]" >&2; exit 2 ;;
    esac
done

B=${B:-build/bench}
cc=${CC:-cc}
out="$B/bench"
mkdir -p "$out/ts"
if [ ! -f /usr/include/tree_sitter/api.h ]; then
    echo "bench: libtree-sitter-dev is not installed (apt-get install libtree-sitter-dev)" >&2
    exit 1
fi
echo "bench: building the parser library in $B (-O2 -DNDEBUG)" >&2
make -s B="$B" CFLAGS="-DNDEBUG" "$B/libochre_parser.a" >&2
nm_dir=$(tests/fetch_npm.sh)
grammar="$nm_dir/tree-sitter-javascript/src"
for f in parser scanner; do
    if [ ! -f "$out/ts/$f.o" ] || [ "$grammar/$f.c" -nt "$out/ts/$f.o" ]; then
        $cc -O2 -w -I"$grammar" -c "$grammar/$f.c" -o "$out/ts/$f.o"
    fi
done
warn="-Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes"
# shellcheck disable=SC2086
$cc -std=c17 -O2 -g -DNDEBUG $warn -D_GNU_SOURCE -Iparser bench/incremental/bench_incr.c \
    "$out/ts/parser.o" "$out/ts/scanner.o" "$B/libochre_parser.a" -ltree-sitter -lm \
    -o "$out/bench_incr"

load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
raw="$out/incr_raw.tsv"
"$out/bench_incr" --iters "$iters" --module "$nm_dir/three/build/three.module.js" \
    --script "$nm_dir/typescript/lib/typescript.js" >"$raw"

# Table: per file and edit kind, medians (p90 in parentheses) in
# microseconds, and how many times faster ochre's re-parse is.
report=$(awk -F'\t' '
    $1 == "time" {
        key = $3 "\t" $4
        if (!(key in seen)) { seen[key] = 1; order[n++] = key }
        med[key, $2] = $5; p90[key, $2] = $6
    }
    function us(x) { return sprintf("%.1f", x * 1e6) }
    function ms(x) { return sprintf("%.2f", x * 1e3) }
    END {
        print "| file | edit | ochre re-parse (p90) | tree-sitter (p90) | tree-sitter / ochre | ochre settle | ochre full parse |"
        print "|---|---|---|---|---|---|---|"
        for (i = 0; i < n; i++) {
            k = order[i]; split(k, f, "\t")
            printf "| %s | %s | %s us (%s) | %s us (%s) | %.1fx | %s ms | %s ms |\n", f[1], f[2],
                us(med[k, "ochre"]), us(p90[k, "ochre"]), us(med[k, "tree-sitter"]),
                us(p90[k, "tree-sitter"]), med[k, "tree-sitter"] / med[k, "ochre"],
                ms(med[k, "ochre-settle"]), ms(med[k, "ochre-full"])
        }
    }' "$raw")
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo unknown)
header="Command: \`bench/incremental/run.sh --iters $iters\` ($(date -u +%F)).
Machine: $cpu, $(nproc) cores, libtree-sitter $(dpkg-query -W -f='${Version}' libtree-sitter0 2>/dev/null || echo '?'), tree-sitter-javascript from tests/npm/package.json (grammar -O2);
load average at start $load_start, at end $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?').
Each figure: median over $iters re-parses (a one-character edit and its undo, alternating) of the same edit for both parsers, in one process.
ochre re-parse: ps_reparse (release build). tree-sitter: ts_tree_edit + ts_parser_parse with the old tree.
ochre settle: ps_parse_settle afterwards (the lazy offset shift and string move of the reused nodes, paid once by the first consumer of positions, e.g. the LSP before analysis); full parse for reference."
echo "$header"
echo
echo "$report"
if $record; then
    section=$(
        echo "<!-- bench/incremental:begin (written by bench/incremental/run.sh --record) -->"
        echo "## Incremental re-parse (bench/incremental)"
        echo
        echo "Figures the project must reach: a one-character edit re-parses in at most"
        echo "tree-sitter's time on both files (same run), and in under 1 ms on the 660 kB file."
        echo
        echo "$header"
        echo
        echo "$report"
        echo "<!-- bench/incremental:end -->"
    )
    results=bench/RESULTS.md
    if grep -q '^<!-- bench/incremental:begin' "$results" 2>/dev/null; then
        SECTION="$section" awk '
            /^<!-- bench\/incremental:begin/ { print ENVIRON["SECTION"]; skip = 1; next }
            /^<!-- bench\/incremental:end/ { skip = 0; next }
            !skip { print }' "$results" >"$results.tmp"
        mv "$results.tmp" "$results"
    else
        printf '\n%s\n' "$section" >>"$results"
    fi
    echo "bench: updated the incremental section of $results" >&2
fi
