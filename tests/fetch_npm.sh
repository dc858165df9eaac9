#!/usr/bin/env bash
# Installs the pinned npm packages of tests/npm/package.json (parser peers
# and the real-world corpus) into the cache, once: a later run whose
# installed versions match does nothing and touches no network. Prints the
# node_modules directory on stdout; progress goes to stderr.
#
# Cache: ${OCHRE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ochre}/npm (the
# repo's .cache/ochre when HOME is unset); npm's own download cache goes
# beside it.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
manifest="$repo/tests/npm/package.json"
if [ -n "${HOME:-}" ]; then
    default_cache="${XDG_CACHE_HOME:-$HOME/.cache}/ochre"
else
    default_cache="$repo/.cache/ochre"
fi
cache="${OCHRE_CACHE:-$default_cache}"
dir="$cache/npm"
mkdir -p "$dir"

# True when every pinned dependency is installed at exactly its version.
installed_ok() {
    node -e '
        const fs = require("fs"), path = require("path");
        const [manifest, dir] = process.argv.slice(1);
        const deps = JSON.parse(fs.readFileSync(manifest, "utf8")).dependencies;
        for (const [name, want] of Object.entries(deps)) {
            let got;
            try {
                const p = path.join(dir, "node_modules", name, "package.json");
                got = JSON.parse(fs.readFileSync(p, "utf8")).version;
            } catch (e) { process.exit(1); }
            if (got !== want) process.exit(1);
        }' "$manifest" "$dir"
}

# Serialize concurrent runs (two build configurations may share the cache).
exec 9>"$dir/.lock"
command -v flock >/dev/null && flock 9

if ! installed_ok; then
    echo "fetch_npm: installing pinned packages into $dir" >&2
    cp "$manifest" "$dir/package.json"
    # --ignore-scripts: nothing here needs an install step (tree-sitter's
    # node binding would try to compile and download headers).
    npm install --prefix "$dir" --cache "$cache/npm-cache" --no-audit --no-fund \
        --ignore-scripts --no-package-lock --loglevel=error >&2
    installed_ok || { echo "fetch_npm: installed versions do not match $manifest" >&2; exit 1; }
fi
echo "$dir/node_modules"
