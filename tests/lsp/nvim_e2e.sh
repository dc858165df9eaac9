#!/usr/bin/env bash
# End-to-end test of `ochre lsp` with a real client: headless Neovim opens a
# file with syntax errors and checks where the diagnostics land (also after
# emoji, which count twice in UTF-16), that they follow edits made through
# the buffer and disappear when fixed, and that document symbols come back.
# Installs Debian's neovim when it is missing; when that is impossible,
# prints why and exits 77 (skipped). Ends with `N passed, N failed`.
# Environment: OCHRE (default build/ochre).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
ochre=${OCHRE:-$repo/build/ochre}
ochre=$(cd "$(dirname "$ochre")" && pwd)/$(basename "$ochre")

if ! command -v nvim >/dev/null; then
    echo "nvim_e2e: installing neovim" >&2
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq neovim; } >&2; then
        echo "nvim_e2e: SKIPPED: neovim is not installed and could not be installed with apt-get"
        echo "0 passed, 0 failed, 1 skipped"
        exit 77
    fi
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/broken.js" <<'JS'
// ochre nvim e2e
const greeting = "héllo 😀😀"; let broken = (1 + ;
function ok(a) {
  return a * 2;
}
if (x {
}
class Shape {}
JS
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache"
status=0
OCHRE="$ochre" FILE="$tmp/broken.js" RESULT="$tmp/result" \
    timeout 120 nvim --headless --clean -n -c "luafile $here/nvim_e2e.lua" </dev/null >"$tmp/nvim.log" 2>&1 || status=$?
if [ ! -f "$tmp/result" ]; then
    echo "FAIL nvim did not finish (status $status)"
    cat "$tmp/nvim.log"
    echo "0 passed, 1 failed"
    exit 1
fi
cat "$tmp/result"
grep -q '^FAIL' "$tmp/result" && exit 1
exit 0
