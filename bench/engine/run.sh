#!/usr/bin/env bash
# Engine benchmark: whole-process wall time and peak RSS of ochre against
# node, node --jitless, duktape and mujs on the workloads in bench/engine/
# (es5/: every engine; modern/: ochre and node only), in one run on this
# machine. Every workload prints a checksum; an engine's row counts only
# when its output equals node's (otherwise the row shows the error or the
# wrong output instead of a time). Rounds alternate the engines (the order
# rotates each round) so that drift in machine speed hits all alike; the
# report takes medians over rounds. Startup (an empty script) is measured
# with hyperfine when installed, else with the same loop.
#
#   bench/engine/run.sh [--rounds N] [--timeout S] [--record] [WORKLOAD...]
#
# Builds a release ochre (-O2 -DNDEBUG) in $B (default build/bench-engine).
# Peers missing from the machine are installed with apt-get (duktape, mujs)
# when possible and otherwise left out with a message. --record writes the
# report into the `engine` section of bench/RESULTS.md (other sections
# stay as they are).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
rounds=3
timeout_s=60
record=false
only=()
while [ $# -gt 0 ]; do
    case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --timeout) timeout_s=$2; shift 2 ;;
    --record) record=true; shift ;;
    -*) echo "usage: bench/engine/run.sh [--rounds N] [--timeout S] [--record] [WORKLOAD...]" >&2; exit 2 ;;
    *) only+=("$1"); shift ;;
    esac
done

B=${B:-build/bench-engine}
out="$B/bench-engine"
mkdir -p "$out"
echo "bench: building ochre in $B (-O2 -DNDEBUG)" >&2
have_ochre=true
if ! make -s B="$B" CFLAGS="-DNDEBUG" "$B/ochre" >"$out/build.log" 2>&1; then
    echo "bench: ochre does not build (see $out/build.log); its rows show the error" >&2
    have_ochre=false
fi

# Peers: install duktape and mujs when missing (Debian packages).
install_peer() {
    command -v "$1" >/dev/null && return 0
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    echo "bench: $1 missing; trying apt-get install $2" >&2
    { $sudo apt-get install -y -qq "$2" || { $sudo apt-get update -qq && $sudo apt-get install -y -qq "$2"; }; } \
        >/dev/null 2>&1 || true
    command -v "$1" >/dev/null
}
engines=(ochre node node-jitless)
install_peer duk duktape && engines+=(duktape) || echo "bench: duktape could not be installed: left out" >&2
install_peer mujs mujs && engines+=(mujs) || echo "bench: mujs could not be installed: left out" >&2
command -v node >/dev/null || { echo "bench: node is required (reference checksums)" >&2; exit 2; }

engine_cmd() {  # engine file -> command words
    case $1 in
    ochre) echo "$B/ochre run --script $2" ;;
    node) echo "node $2" ;;
    node-jitless) echo "node --jitless $2" ;;
    duktape) echo "duk $2" ;;
    mujs) echo "mujs $2" ;;
    esac
}
es5_only() { [ "$1" = duktape ] || [ "$1" = mujs ]; }

workloads=()
for f in bench/engine/es5/*.js bench/engine/modern/*.js; do
    [ -f "$f" ] || continue
    name=$(basename "$(dirname "$f")")/$(basename "$f" .js)
    if [ ${#only[@]} -gt 0 ]; then
        keep=false
        for o in "${only[@]}"; do [[ $name == *"$o"* ]] && keep=true; done
        $keep || continue
    fi
    workloads+=("$f")
done

# One timed run: prints "ms rss_kb status" (status ok, or an error text).
run_once() {
    local eng=$1 file=$2 expect=$3
    if [ "$eng" = ochre ] && ! $have_ochre; then
        echo "- - ochre-build-failed"
        return
    fi
    local cmd
    cmd=$(engine_cmd "$eng" "$file")
    local t0 t1 rc=0
    t0=$EPOCHREALTIME
    # shellcheck disable=SC2086
    timeout "$timeout_s" /usr/bin/time -f %M -o "$out/rss" $cmd >"$out/stdout" 2>"$out/stderr" || rc=$?
    t1=$EPOCHREALTIME
    local ms rss status=ok
    ms=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) * 1000 }')
    rss=$(tail -n1 "$out/rss" 2>/dev/null | grep -E '^[0-9]+$' || echo -)
    if [ "$rc" = 124 ]; then
        status="timeout-after-${timeout_s}s"
    elif grep -q '^SKIP' "$out/stdout"; then
        status="skip:$(head -n1 "$out/stdout" | cut -c6- | tr ' \t' '__')"
    elif [ "$rc" != 0 ]; then
        status="error:$(grep -v '^\s*$' "$out/stderr" | grep -v 'Command exited' | head -n1 | cut -c1-90 | tr ' \t' '__')"
        [ "$status" = "error:" ] && status="error:exit_$rc"
    elif [ -n "$expect" ] && [ "$(cat "$out/stdout")" != "$expect" ]; then
        status="wrong-output:$(head -n1 "$out/stdout" | cut -c1-60 | tr ' \t' '__')"
    fi
    echo "$ms $rss $status"
}

# Reference checksums from node (the JIT tier), once per workload.
declare -A expect
for f in "${workloads[@]}"; do
    expect[$f]=$(node "$f")
done

raw="$out/raw.tsv"
: >"$raw"
load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
for ((r = 0; r < rounds; r++)); do
    echo "bench: round $((r + 1))/$rounds" >&2
    for f in "${workloads[@]}"; do
        n=${#engines[@]}
        for ((k = 0; k < n; k++)); do
            eng=${engines[(r + k) % n]}
            if [[ $f == */modern/* ]] && es5_only "$eng"; then continue; fi
            printf '%s\t%s\t%s\n' "$eng" "$f" "$(run_once "$eng" "$f" "${expect[$f]}" | tr ' ' '\t')" >>"$raw"
        done
    done
done

# Startup: an empty script.
empty="$out/empty.js"
: >"$empty"
startup="$out/startup.tsv"
: >"$startup"
if command -v hyperfine >/dev/null; then
    hcmds=()
    for eng in "${engines[@]}"; do
        [ "$eng" = ochre ] && ! $have_ochre && continue
        hcmds+=("$(engine_cmd "$eng" "$empty")")
    done
    hyperfine -N --warmup 3 --runs 20 --export-json "$out/startup.json" "${hcmds[@]}" >/dev/null 2>&1 || true
    startup_tool="hyperfine -N --warmup 3 --runs 20 (median)"
else
    startup_tool="own loop, 20 runs (median)"
fi
for eng in "${engines[@]}"; do
    for ((i = 0; i < 7; i++)); do
        printf '%s\t%s\t%s\n' "$eng" "$empty" "$(run_once "$eng" "$empty" "" | tr ' ' '\t')" >>"$startup"
    done
done

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo unknown)
ver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo '?'; }
report=$(node bench/engine/report.js "$raw" "$startup" "$out/startup.json" "${engines[@]}")
header="Command: \`bench/engine/run.sh --rounds $rounds\` ($(date -u +%F)).
Machine: $cpu, $(nproc) cores; node $(node --version), duktape $(ver duktape), mujs $(ver mujs);
load average at start $load_start, at end $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') (other work on the machine slows every engine; ratios from one run are what compare).
Whole-process wall time (median of $rounds alternating rounds) and peak RSS (/usr/bin/time %M, MB);
startup: $startup_tool for time, RSS from 7 runs. ochre: release build (-O2 -DNDEBUG), \`ochre run --script\`.
Ratios are ochre/peer times (lower is better for ochre); geometric means over the es5 workloads both ran."
echo "$header"
echo
echo "$report"
if $record; then
    section=$(
        echo "<!-- bench/engine:begin (written by bench/engine/run.sh --record) -->"
        echo "## Engine (bench/engine)"
        echo
        echo "$header"
        echo
        echo "$report"
        echo "<!-- bench/engine:end -->"
    )
    results=bench/RESULTS.md
    if [ ! -f "$results" ]; then
        printf '# Benchmark results\n\n%s\n' "$section" >"$results"
    elif grep -q '^<!-- bench/engine:begin' "$results"; then
        SECTION="$section" awk '
            /^<!-- bench\/engine:begin/ { print ENVIRON["SECTION"]; skip = 1; next }
            /^<!-- bench\/engine:end/ { skip = 0; next }
            !skip { print }' "$results" >"$results.tmp"
        mv "$results.tmp" "$results"
    else
        printf '\n%s\n' "$section" >>"$results"
    fi
    echo "bench: recorded in $results" >&2
fi
