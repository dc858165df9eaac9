#!/bin/sh
# Builds and runs the heap micro-benchmarks against build/libochre_engine.a.
set -e
cd "$(dirname "$0")/../.."
B=${B:-build}
make -s B="$B" "$B/libochre_engine.a" "$B/libochre_analyzer.a" "$B/libochre_parser.a"
cc -std=c17 -O2 -D_GNU_SOURCE -Iparser -Ianalyzer -Iengine bench/heap/heap_micro.c \
   "$B/libochre_engine.a" "$B/libochre_analyzer.a" "$B/libochre_parser.a" -lm -lpthread $(pkg-config --libs jansson 2>/dev/null || echo -ljansson) -o "$B/heap_micro"
"$B/heap_micro"
