#!/usr/bin/env bash
# End-to-end tests of `ochre check`:
#
#   tests/cli/run_check_tests.sh BUILD_DIR
#
# Runs BUILD_DIR/ochre check on the fixture tree tests/fixtures/check/basic
# (golden output of every format in tests/fixtures/check/golden/) and on
# trees generated in a temporary directory: exit statuses, configuration
# discovery and validation, .gitignore and `ignore` rules, stdin, binary,
# oversized and unreadable files, thread-count determinism, --fix and
# --fix-dry-run on tests/fixtures/check/fix (goldens fix.diff, fix.compact
# and the fixed tree fix/), SARIF against the official schema and the JSON
# format against its documented schema
# (ajv, pinned in tests/cli/npm/package.json and installed into the cache),
# and the github format against the workflow-command grammar.
#
# Prints one line per test and ends with `N passed, N failed`; exits 1 when
# a test failed.
#
# Environment:
#   OCHRE_CACHE           npm cache root (default ${XDG_CACHE_HOME:-~/.cache}/ochre)
#   OCHRE_UPDATE_GOLDEN=1 rewrite the golden files from the current output
#                         (tests/cli/update_check_goldens.sh does just that)
#   OCHRE_CHECK_TESTS     space-separated subset of tests to run
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: tests/cli/run_check_tests.sh BUILD_DIR" >&2
    exit 2
fi
repo=$(cd "$(dirname "$0")/../.." && pwd)
B=$(cd "$1" && pwd)
OCHRE="$B/ochre"
fixtures="$repo/tests/fixtures/check"
golden="$fixtures/golden"
work=$(mktemp -d "${TMPDIR:-/tmp}/ochre-check-tests.XXXXXX")
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT

ochre_check() { "$OCHRE" check "$@"; }

# --- helpers (each returns non-zero on failure, which ends the test) -----------

fail() {
    echo "  FAIL: $*"
    return 1
}

# expect_status WANT CMD...: runs CMD, output to $work/out and $work/err.
expect_status() {
    local want=$1 got=0
    shift
    "$@" >"$work/out" 2>"$work/err" || got=$?
    if [ "$got" != "$want" ]; then
        echo "  command: $*"
        echo "  stdout: $(head -c 2000 "$work/out")"
        echo "  stderr: $(head -c 2000 "$work/err")"
        fail "expected exit status $want, got $got"
    fi
}

# expect_grep PATTERN FILE: an extended regexp must match some line.
expect_grep() {
    grep -Eq -- "$1" "$2" || { echo "  in $2:"; sed 's/^/    /' "$2" | head -40; fail "no line matches /$1/"; }
}

expect_no_grep() {
    if grep -Eq -- "$1" "$2"; then
        echo "  in $2:"
        sed 's/^/    /' "$2" | head -40
        fail "a line matches /$1/"
    fi
}

# The sorted list of file paths a JSON report names.
json_paths() { grep -o '^{"path":"[^"]*"' "$1" | sed 's/^{"path":"//; s/"$//'; }

# expect_files DIR ARGS... -- WANT...: checks DIR (cwd) with ARGS and compares
# the files in the report with WANT.
expect_files() {
    local dir=$1
    shift
    local args=()
    while [ "$1" != "--" ]; do
        args+=("$1")
        shift
    done
    shift
    local got want
    (cd "$dir" && ochre_check --format json --threads 2 "${args[@]}" >"$work/files.json" 2>"$work/files.err") || true
    got=$(json_paths "$work/files.json")
    want=$(printf '%s\n' "$@" | sed '/^$/d')
    if [ "$got" != "$want" ]; then
        echo "  wanted:"
        printf '%s\n' "$want" | sed 's/^/    /'
        echo "  got:"
        printf '%s\n' "$got" | sed 's/^/    /'
        sed 's/^/  stderr: /' "$work/files.err"
        fail "checked files differ"
    fi
}

# Installs the validator packages once into the cache; prints node_modules.
npm_dir=""
need_npm() {
    [ -n "$npm_dir" ] && return 0
    local cache="${OCHRE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ochre}/check-npm"
    local manifest="$repo/tests/cli/npm/package.json"
    mkdir -p "$cache"
    (
        exec 9>"$cache/.lock"
        command -v flock >/dev/null && flock 9
        if ! cmp -s "$manifest" "$cache/package.json" || [ ! -d "$cache/node_modules/ajv-draft-04" ]; then
            echo "  installing the pinned validator packages into $cache" >&2
            cp "$manifest" "$cache/package.json"
            npm install --prefix "$cache" --no-audit --no-fund --ignore-scripts --no-package-lock \
                --loglevel=error >&2
        fi
    )
    npm_dir="$cache/node_modules"
}

# Normalizes machine-specific text in an output: the working directory URI.
normalize() { sed "s|file://$PWD/|file:///FIXTURE/|g"; }

# --- tests --------------------------------------------------------------------
# Inputs meant to be clean are clean for any rule set too (no unused or
# undeclared names), so that new lint rules do not change these tests; the
# golden files are the place where new findings show (OCHRE_UPDATE_GOLDEN=1).

# Every format on the fixture tree against its golden file.
test_golden_formats() {
    cd "$fixtures/basic"
    local fmt status
    for fmt in pretty compact json sarif github junit; do
        status=0
        ochre_check --format "$fmt" --threads 1 >"$work/basic.$fmt.raw" 2>"$work/basic.$fmt.err" || status=$?
        [ "$status" = 1 ] || fail "--format $fmt: exit status $status, expected 1: $(cat "$work/basic.$fmt.err")"
        normalize <"$work/basic.$fmt.raw" >"$work/basic.$fmt"
        if [ "${OCHRE_UPDATE_GOLDEN:-}" = 1 ]; then
            cp "$work/basic.$fmt" "$golden/basic.$fmt"
            echo "  updated $golden/basic.$fmt"
        fi
        diff -u "$golden/basic.$fmt" "$work/basic.$fmt" || fail "--format $fmt differs from $golden/basic.$fmt"
    done
    # The summary line goes to stderr for pretty output only.
    expect_grep '^ochre check: 8 files, [0-9]+ errors?, [0-9]+ warnings? \([0-9]+\.[0-9]{2} s\)$' "$work/basic.pretty.err"
    [ ! -s "$work/basic.json.err" ] || fail "json output wrote to stderr: $(cat "$work/basic.json.err")"
}

test_exit_statuses() {
    mkdir -p "$work/ex/clean" "$work/ex/bad" "$work/ex/warn"
    echo 'export const a = 1;' >"$work/ex/clean/a.mjs"
    echo 'let x = (1;' >"$work/ex/bad/a.js"
    printf 'x\0y' >"$work/ex/warn/bin.js"
    echo 'export const a = 1;' >"$work/ex/warn/ok.mjs"
    expect_status 0 ochre_check "$work/ex/clean"
    expect_status 1 ochre_check "$work/ex/bad"
    expect_status 1 ochre_check "$work/ex/clean" "$work/ex/bad"
    # Warnings alone pass, unless there are more than --max-warnings.
    expect_status 0 ochre_check "$work/ex/warn"
    expect_status 0 ochre_check --max-warnings 1 "$work/ex/warn"
    expect_status 1 ochre_check --max-warnings 0 "$work/ex/warn"
    expect_grep 'more than --max-warnings 0' "$work/err"
    # Usage errors.
    expect_status 2 ochre_check --no-such-option
    expect_status 2 ochre_check --format xml
    expect_status 2 ochre_check --threads 0
    expect_status 2 ochre_check --max-warnings -1
    expect_status 2 ochre_check --max-file-size 10Q
    expect_status 2 ochre_check --format
    expect_status 2 ochre_check --stdin-filename a.js "$work/ex/clean"
    expect_status 2 ochre_check - -
    expect_status 2 ochre_check --fix --fix-dry-run "$work/ex/clean"
    expect_grep 'cannot be combined' "$work/err"
    # A missing path is an error even when the others are fine.
    expect_status 2 ochre_check "$work/ex/clean" "$work/ex/missing"
    expect_grep "cannot access '.*missing'" "$work/err"
    expect_status 0 ochre_check --help
    expect_grep '^usage: ochre check' "$work/out"
    expect_status 0 ochre_check --format=compact --threads=3 "$work/ex/clean"
    # A failed write of the report is an I/O error.
    if [ -w /dev/full ]; then
        local got=0
        ochre_check --format json "$work/ex/clean" >/dev/full 2>"$work/err" || got=$?
        [ "$got" = 2 ] || fail "writing to /dev/full: exit status $got, expected 2"
        expect_grep 'cannot write the output' "$work/err"
    fi
    # An empty tree passes, with a note.
    mkdir -p "$work/ex/empty"
    expect_status 0 ochre_check "$work/ex/empty"
    expect_grep 'no JavaScript files' "$work/err"
}

test_config_discovery() {
    local t="$work/cfg"
    mkdir -p "$t/app/lib" "$t/app/gen" "$t/app/sub/deep" "$t/other"
    # The root configuration: JSX everywhere, generated code ignored.
    echo '{"jsx": true, "ignore": ["gen/"]}' >"$t/app/ochre.json"
    echo 'export const e = <div/>;' >"$t/app/lib/view.mjs"
    echo 'syntax error here' >"$t/app/gen/out.js"
    # A nested configuration replaces it (nearest wins, no merging): no JSX,
    # and `gen/` is no longer ignored below it.
    echo '{"sourceType": "module"}' >"$t/app/sub/ochre.json"
    echo 'export const e = <div/>;' >"$t/app/sub/deep/view.js"
    mkdir -p "$t/app/sub/gen"
    echo 'export const ok = 1;' >"$t/app/sub/gen/kept.js"
    # Without any configuration, defaults.
    echo 'globalThis.e = 1;' >"$t/other/plain.js"

    expect_files "$t" app -- app/lib/view.mjs app/sub/deep/view.js app/sub/gen/kept.js
    cd "$t"
    expect_status 1 ochre_check --format compact app
    expect_grep '^app/sub/deep/view.js:1:18: error ' "$work/out"
    expect_no_grep '^app/lib/' "$work/out"
    # sourceType module makes `export` fine in sub/, jsx from app/ does not reach it.
    expect_no_grep 'kept.js' "$work/out"

    # --config overrides discovery for every file.
    echo '{"jsx": true, "sourceType": "module"}' >"$t/forced.json"
    expect_status 0 ochre_check --config "$t/forced.json" app/sub
    # A configuration that is not valid stops the run with exit 2 and says
    # where: file and JSON path.
    echo '{"rules": {"no-undef": "on"}, "jsxx": true}' >"$t/other/ochre.json"
    expect_status 2 ochre_check other
    expect_grep '^other/ochre.json: rules.no-undef: expected "off", "warn" or "error"$' "$work/err"
    expect_grep '^other/ochre.json: jsxx: unknown key \(did you mean "jsx"\?\)$' "$work/err"
    [ ! -s "$work/out" ] || fail "output written despite a bad configuration"
    echo '{"rules": {"no-undefined-rule": "warn"}}' >"$t/other/ochre.json"
    expect_status 2 ochre_check other/plain.js
    expect_grep 'rules.no-undefined-rule: unknown rule id' "$work/err"
    # Options of implemented rules are validated by the analyzer, with the path.
    echo '{"rules": {"no-unused-vars": ["warn", {"argz": "none"}]}}' >"$t/other/ochre.json"
    expect_status 2 ochre_check other
    expect_grep '^other/ochre.json: rules.no-unused-vars\[1\]: invalid options: .*argz' "$work/err"
    echo '{"env": ["node"],' >"$t/other/ochre.json"
    expect_status 2 ochre_check other
    expect_grep '^other/ochre.json:[0-9]+:[0-9]+: invalid JSON' "$work/err"
    expect_status 2 ochre_check --config "$t/nope.json" app
    expect_grep 'nope.json: cannot read' "$work/err"
    # Known ESLint rule ids are accepted before the analyzer implements them.
    echo '{"rules": {"no-undef": "error", "no-unused-vars": ["warn", {"vars": "all"}], "valid-typeof": "off"}}' \
        >"$t/other/ochre.json"
    expect_status 0 ochre_check other
    # The configuration's `ignore` also skips a file named on the command line.
    expect_status 0 ochre_check app/gen/out.js
    expect_grep 'skipped: ignored by app/ochre.json' "$work/err"
}

test_goal_and_jsx() {
    local t="$work/goal"
    mkdir -p "$t/esm/node_modules/dep" "$t/cjs"
    echo '{"type": "module"}' >"$t/esm/package.json"
    echo 'export const a = 1;' >"$t/esm/a.js"
    echo 'export const a = 1;' >"$t/esm/b.cjs"                     # .cjs is always a script
    echo 'export const a = 1;' >"$t/esm/node_modules/dep/x.js"    # skipped by the walk
    echo '{"type": "commonjs"}' >"$t/cjs/package.json"
    echo 'export const a = 1;' >"$t/cjs/a.js"
    echo 'export const a = 1;' >"$t/cjs/m.mjs"
    echo 'globalThis.e = <p>hi</p>;' >"$t/cjs/v.jsx"
    cd "$t"
    expect_status 1 ochre_check --format compact esm cjs
    expect_grep '^esm/b.cjs:1:1: error ' "$work/out"
    expect_grep '^cjs/a.js:1:1: error ' "$work/out"
    expect_no_grep '^esm/a.js' "$work/out"
    expect_no_grep '^cjs/m.mjs' "$work/out"
    expect_no_grep '^cjs/v.jsx' "$work/out"
    expect_no_grep 'node_modules' "$work/out"
    # A package scope ends at node_modules: a file named there is a script.
    expect_status 1 ochre_check esm/node_modules/dep/x.js
}

test_gitignore_rules() {
    local t="$work/gi"
    mkdir -p "$t/repo/.git/info" "$t/repo/src/gen" "$t/repo/src/keep" "$t/repo/build" "$t/repo/lib/a/b" \
        "$t/repo/docs" "$t/repo/node_modules/m"
    cd "$t/repo"
    cat >.gitignore <<'EOF'
# comments and blank lines are skipped

/build/
*.min.js
!important.min.js
lib/**/tmp.js
src/gen
[abc]x.js
\#hash.js
trailing.js   
EOF
    echo 'excluded.js' >.git/info/exclude
    printf 'local.js\n!shadow.js\n' >src/.gitignore
    touch build/a.js src/app.min.js src/important.min.js lib/a/b/tmp.js lib/tmp.js src/gen/g.js \
        src/keep/k.js ax.js dx.js '#hash.js' trailing.js excluded.js src/local.js lib/local.js \
        src/shadow.js docs/shadow.js node_modules/m/i.js .git/hook.js src/main.js
    # src/.gitignore re-includes shadow.js below src only; docs/shadow.js was never excluded.
    echo 'shadow.js' >>.gitignore
    expect_files "$t/repo" . -- dx.js lib/local.js src/important.min.js src/keep/k.js src/main.js src/shadow.js
    # A walk starting inside the repository still applies the root's .gitignore
    # and .git/info/exclude.
    touch src/excluded.js src/x.min.js
    expect_files "$t/repo" src -- src/important.min.js src/keep/k.js src/main.js src/shadow.js
    # Outside a git repository, .gitignore files in the walked tree still apply.
    mkdir -p "$t/plain/sub"
    echo 'sub/' >"$t/plain/.gitignore"
    touch "$t/plain/a.js" "$t/plain/sub/b.js"
    expect_files "$t/plain" . -- a.js
    # Files named on the command line are checked whatever .gitignore says.
    expect_files "$t/repo" build/a.js src/app.min.js -- build/a.js src/app.min.js
}

test_walk_edge_cases() {
    local t="$work/walk"
    mkdir -p "$t/d/sub"
    echo 'export const a = 1;' >"$t/d/a.mjs"
    echo 'not checked' >"$t/d/notes.txt"
    echo 'let x = (1;' >"$t/d/notes.es6"
    ln -s .. "$t/d/sub/loop"                      # a directory cycle: not followed
    ln -s ../a.mjs "$t/d/sub/link.mjs"             # a link to a file: checked
    ln -s missing.js "$t/d/sub/dangling.js"        # a dangling link: reported
    expect_files "$t" d -- d/a.mjs d/sub/dangling.js d/sub/link.mjs
    cd "$t"
    expect_status 2 ochre_check --format compact d
    expect_grep '^d/sub/dangling.js:1:1: error read-error ' "$work/out"
    # Control characters in names never reach the terminal.
    mkdir -p "$t/e"
    printf 'let x = (1;\n' >"$t/e/esc"$'\x1b'"[31m.js"
    for fmt in compact pretty; do
        expect_status 1 ochre_check --format "$fmt" "$t/e"
        if grep -q $'\x1b' "$work/out"; then fail "--format $fmt printed an escape character of a file name"; fi
        expect_grep 'esc\?\[31m\.js:1:11: error' "$work/out"
    done
    # An explicitly named file is checked whatever its extension.
    expect_status 1 ochre_check d/notes.es6
    # Paths are normalized and duplicates dropped.
    expect_files "$t" ./d//a.mjs d/a.mjs d/ -- d/a.mjs d/sub/dangling.js d/sub/link.mjs
}

test_unreadable_and_special_files() {
    local t="$work/special"
    mkdir -p "$t"
    cd "$t"
    # Binary: skipped with a warning.
    printf 'var a;\0\0\0' >bin.js
    expect_status 0 ochre_check --format compact bin.js
    expect_grep '^bin.js:1:1: warning binary-file ' "$work/out"
    # Over --max-file-size: skipped with a warning.
    head -c 3000 /dev/zero | tr '\0' ' ' >big.js
    echo 'globalThis.a = 1;' >>big.js
    expect_status 0 ochre_check --format compact --max-file-size 2K big.js
    expect_grep '^big.js:1:1: warning file-too-large .*2 KiB' "$work/out"
    expect_status 0 ochre_check --format compact --max-file-size 1M big.js
    [ ! -s "$work/out" ] || fail "big.js under the limit should be clean: $(cat "$work/out")"
    # Invalid UTF-8: the parser's E0001.
    printf 'var s = "\xff";\n' >latin.js
    expect_status 1 ochre_check --format compact latin.js
    expect_grep '^latin.js:1:10: error E0001 ' "$work/out"
    # A read error (EIO from /proc/self/mem, readable by name even for root).
    expect_status 2 ochre_check --format compact /proc/self/mem
    expect_grep 'error read-error cannot read the file' "$work/out"
    # Permissions only stop non-root users.
    if [ "$(id -u)" != 0 ]; then
        mkdir -p locked
        echo 'var a;' >locked/a.js
        echo 'var b;' >noread.js
        chmod 000 noread.js
        chmod 000 locked
        expect_status 2 ochre_check --format compact .
        expect_grep '^locked:1:1: error unreadable-directory ' "$work/out"
        expect_grep '^noread.js:1:1: error read-error ' "$work/out"
        chmod 755 locked
        chmod 644 noread.js
    fi
}

test_stdin() {
    local t="$work/stdin"
    mkdir -p "$t/src"
    echo '{"type": "module"}' >"$t/package.json"
    cd "$t"
    echo 'let x = (1;' >"$work/in.js"
    expect_status 1 ochre_check --format compact - <"$work/in.js"
    expect_grep '^<stdin>:1:11: error E0102 ' "$work/out"
    expect_status 1 ochre_check --format compact --stdin-filename src/x.js - <"$work/in.js"
    expect_grep '^src/x.js:1:11: error E0102 ' "$work/out"
    # The goal follows the name: package.json "type" for .js, script for .cjs.
    echo 'export const a = 1;' >"$work/in.js"
    expect_status 0 ochre_check --stdin-filename src/x.js - <"$work/in.js"
    expect_status 1 ochre_check --stdin-filename src/x.cjs - <"$work/in.js"
    echo 'export const e = <b/>;' >"$work/in.js"
    expect_status 0 ochre_check --stdin-filename src/x.jsx - <"$work/in.js"
    # Mixed with paths; the configuration is found from the name.
    echo '{"jsx": true}' >"$t/src/ochre.json"
    echo 'export const f = <i/>;' >"$t/src/y.js"
    expect_status 0 ochre_check --format compact --stdin-filename src/x.js - src <"$work/in.js"
    # Binary input.
    printf 'a\0b' | { expect_status 0 ochre_check --format compact -; }
    expect_grep '^<stdin>:1:1: warning binary-file' "$work/out"
}

test_suppressions_never_hide_syntax_errors() {
    local t="$work/sup"
    mkdir -p "$t"
    cd "$t"
    printf '/* ochre-ignore-file */\n// eslint-disable-next-line\nlet x = (1;\n' >a.js
    expect_status 1 ochre_check --format compact a.js
    expect_grep '^a.js:3:11: error E0102 ' "$work/out"
}

# --fix and --fix-dry-run on tests/fixtures/check/fix: the dry run's diff
# (golden fix.diff) changes nothing and patches the tree into what --fix
# writes (golden tree golden/fix/); both report the same remaining findings
# (golden fix.compact); a second --fix changes nothing.
test_fix_goldens() {
    local src="$fixtures/fix" t="$work/fixtree"
    cp -r "$src" "$t"
    cd "$t"
    expect_status 1 ochre_check --fix-dry-run --format compact --threads 1 .
    cp "$work/out" "$work/fix.diff"
    cp "$work/err" "$work/fix.dry.compact"
    diff -r "$src" "$t" >/dev/null || fail "--fix-dry-run changed files"
    # The same with more threads.
    expect_status 1 ochre_check --fix-dry-run --format compact --threads 4 .
    cmp -s "$work/out" "$work/fix.diff" || fail "--fix-dry-run: --threads 1 and 4 differ"
    cp -r "$src" "$work/fixpatched"
    # patch(1) when installed, else git apply (outside any repository: the
    # ceiling keeps git from finding one above the work directory).
    if command -v patch >/dev/null; then
        (cd "$work/fixpatched" && patch -p1 -s <"$work/fix.diff") || fail "the dry run's diff does not apply with patch -p1"
    else
        (cd "$work/fixpatched" && GIT_CEILING_DIRECTORIES="$work" git apply -p1 <"$work/fix.diff") ||
            fail "the dry run's diff does not apply with git apply"
    fi

    chmod 640 labels.js
    expect_status 1 ochre_check --fix --format compact .
    cp "$work/out" "$work/fix.compact"
    [ ! -s "$work/err" ] || fail "--fix wrote to stderr: $(cat "$work/err")"
    if [ "${OCHRE_UPDATE_GOLDEN:-}" = 1 ]; then
        cp "$work/fix.diff" "$golden/fix.diff"
        cp "$work/fix.compact" "$golden/fix.compact"
        rm -rf "$golden/fix"
        cp -r "$t" "$golden/fix"
        chmod 644 "$golden/fix/labels.js"
        echo "  updated $golden/fix.diff, fix.compact and fix/"
    fi
    diff -u "$golden/fix.diff" "$work/fix.diff" || fail "--fix-dry-run output differs from $golden/fix.diff"
    diff -u "$golden/fix.compact" "$work/fix.compact" || fail "findings after --fix differ from $golden/fix.compact"
    diff -u "$work/fix.compact" "$work/fix.dry.compact" || fail "--fix and --fix-dry-run report different findings"
    diff -r "$golden/fix" "$t" || fail "the fixed tree differs from $golden/fix"
    diff -r "$work/fixpatched" "$t" || fail "--fix and the patched dry run differ"
    [ "$(stat -c %a labels.js)" = 640 ] || fail "--fix lost the file mode: $(stat -c %a labels.js)"
    [ -z "$(find "$t" -name '*.ochre-fix-*')" ] || fail "temporary files left: $(find "$t" -name '*.ochre-fix-*')"
    # Idempotent: nothing left to fix, nothing rewritten.
    local inode
    inode=$(stat -c %i syntax.js)
    expect_status 1 ochre_check --fix .
    diff -r "$golden/fix" "$t" || fail "a second --fix changed the tree"
    [ "$(stat -c %i syntax.js)" = "$inode" ] || fail "a file without fixes was rewritten"
    expect_grep '^ochre check: 5 files, [0-9]+ errors?, [0-9]+ warnings?, 0 fixes applied to 0 files \(' "$work/err"
}

test_fix_safety() {
    local t="$work/fixsafe"
    mkdir -p "$t"
    cd "$t"
    # The exit status counts what is left: the only error here is fixable.
    printf 'a: for (;;) { break; }\n' >only.js
    expect_status 1 ochre_check only.js
    expect_status 0 ochre_check --fix only.js
    expect_grep '1 fix applied to 1 file' "$work/err"
    [ "$(cat only.js)" = 'for (;;) { break; }' ] || fail "only.js not fixed: $(cat only.js)"
    # A read-only file is not written, even by root: a write-error finding
    # (exit status 2) and the findings of the text on disk.
    printf 'a: for (;;) { break; }\n' >ro.js
    chmod 444 ro.js
    expect_status 2 ochre_check --fix --format compact ro.js
    expect_grep '^ro.js:1:1: error write-error cannot write the fixed file: the file is read-only$' "$work/out"
    expect_grep '^ro.js:1:1: error no-unused-labels ' "$work/out"
    [ "$(cat ro.js)" = 'a: for (;;) { break; }' ] || fail "ro.js was changed"
    [ "$(stat -c %a ro.js)" = 444 ] || fail "ro.js mode changed"
    # A read-only file with nothing to fix is no problem.
    printf 'export const a = 1;\n' >ro_clean.mjs
    chmod 444 ro_clean.mjs
    expect_status 0 ochre_check --fix ro_clean.mjs
    # A directory without write permission (only stops non-root users).
    if [ "$(id -u)" != 0 ]; then
        mkdir -p locked
        printf 'a: for (;;) { break; }\n' >locked/l.js
        chmod 555 locked
        expect_status 2 ochre_check --fix --format compact locked/l.js
        expect_grep '^locked/l.js:1:1: error write-error ' "$work/out"
        chmod 755 locked
    fi
    [ -z "$(find "$t" -name '*.ochre-fix-*')" ] || fail "temporary files left"
    # A symbolic link stays a link; its target is fixed.
    printf 'b: for (;;) { break; }\n' >target.js
    ln -s target.js link.js
    expect_status 0 ochre_check --fix link.js
    [ -L link.js ] || fail "the link was replaced by a file"
    [ "$(cat target.js)" = 'for (;;) { break; }' ] || fail "the link's target was not fixed"
    # A file reached twice (a link in the walked tree) is fixed once.
    mkdir -p twice
    printf 'f: for (;;) { break; }\n' >twice/t.js
    ln -s t.js twice/u.js
    expect_status 0 ochre_check --fix --threads 2 twice
    expect_grep '^ochre check: twice/u.js: skipped: the same file as twice/t.js \(fixed once\)$' "$work/err"
    [ -L twice/u.js ] && [ "$(cat twice/t.js)" = 'for (;;) { break; }' ] || fail "twice/: $(ls -l twice)"
    # stdin: --fix prints the fixed source on stdout, the findings on stderr.
    printf 'c: for (;;) { break; }\nif (globalThis.x) {}\n' >in.js
    expect_status 1 ochre_check --fix --format compact --stdin-filename src/x.js - <in.js
    [ "$(cat "$work/out")" = "$(printf 'for (;;) { break; }\nif (globalThis.x) {}')" ] ||
        fail "stdin --fix printed: $(cat "$work/out")"
    expect_grep '^src/x.js:2:19: error no-empty ' "$work/err"
    # ... the source unchanged when there is nothing to fix.
    expect_status 0 ochre_check --fix - <only.js
    cmp -s "$work/out" only.js || fail "stdin --fix without fixes did not echo the source"
    # ... and --fix-dry-run a diff named after the file.
    expect_status 1 ochre_check --fix-dry-run --format compact - <in.js
    expect_grep '^--- a/<stdin>$' "$work/out"
    expect_grep '^-c: for \(;;\) \{ break; \}$' "$work/out"
    # stdin among files: the findings of all go to stderr, stdout is stdin's source.
    printf 'd: for (;;) { break; }\n' >other.js
    expect_status 0 ochre_check --fix --format compact - other.js <only.js
    cmp -s "$work/out" only.js || fail "stdout held more than stdin's fixed source"
    [ "$(cat other.js)" = 'for (;;) { break; }' ] || fail "other.js not fixed alongside stdin"
    # JSON output still goes where the findings go and stays valid.
    printf 'e: for (;;) { break; }\nif (globalThis.x) {}\n' >j.js
    expect_status 1 ochre_check --fix-dry-run --format json j.js
    grep -q '^{"path":"j.js"' "$work/err" || fail "--fix-dry-run json findings not on stderr"
}

# Generates a tree of n files with a mix of clean files, syntax errors,
# early errors and lint findings, deterministic.
make_tree() {
    local dir=$1 n=$2 i
    mkdir -p "$dir"
    for ((i = 0; i < n; i++)); do
        local d="$dir/p$((i % 7))/q$((i % 3))"
        mkdir -p "$d"
        case $((i % 5)) in
        0) printf 'export function f%d(a) {\n    return a * %d;\n}\n' "$i" "$i" >"$d/f$i.mjs" ;;
        1) printf 'function g%d() {\n    return (1 + ;\n}\n' "$i" >"$d/f$i.js" ;;
        2) printf 'let v%d = 1;\nlet v%d = 2;\n' "$i" "$i" >"$d/f$i.mjs" ;;
        3) printf 'const s = "\xc3\xa9\xf0\x9f\x98\x80";\nconst t%d = [1, 2;\n' "$i" >"$d/f$i.js" ;;
        4) printf 'var ok%d = { a: 1, b: [2, 3] };\n' "$i" >"$d/f$i.cjs" ;;
        esac
    done
}

test_parallel_determinism() {
    make_tree "$work/par" 400
    cd "$work/par"
    local fmt
    for fmt in pretty compact json sarif github junit; do
        ochre_check --format "$fmt" --threads 1 >"$work/par1.$fmt" 2>/dev/null || true
        ochre_check --format "$fmt" --threads 4 >"$work/par4.$fmt" 2>/dev/null || true
        ochre_check --format "$fmt" >"$work/parN.$fmt" 2>/dev/null || true
        cmp -s "$work/par1.$fmt" "$work/par4.$fmt" || fail "--format $fmt: --threads 1 and --threads 4 differ"
        cmp -s "$work/par1.$fmt" "$work/parN.$fmt" || fail "--format $fmt: --threads 1 and the default differ"
    done
    [ "$(json_paths "$work/par1.json" | wc -l)" = 400 ] || fail "expected 400 files in the report"
}

test_sarif_schema() {
    need_npm
    cd "$work"
    make_tree "$work/sarif/tree" 60
    mkdir -p "$work/sarif/tree/we,ird:dir"
    printf 'let x = (1;\n' >"$work/sarif/tree/we,ird:dir/sp ace%.js"
    (cd "$work/sarif/tree" && ochre_check --format sarif >"$work/tree.sarif" 2>/dev/null) || true
    # Absolute paths outside the working directory become file: URIs.
    (cd / && ochre_check --format sarif "$work/sarif/tree/p0" >"$work/abs.sarif" 2>/dev/null) || true
    grep -q '"uri":"file:///' "$work/abs.sarif" || fail "absolute path without a file: URI"
    grep -q 'we%2Cird%3Adir/sp%20ace%25.js' "$work/tree.sarif" || fail "URI not percent-encoded"
    node "$repo/tests/cli/check_validate.js" --nm "$npm_dir" sarif "$golden/basic.sarif" "$work/tree.sarif" \
        "$work/abs.sarif"
}

test_json_schema() {
    need_npm
    make_tree "$work/json/tree" 60
    (cd "$work/json/tree" && ochre_check --format json >"$work/tree.json" 2>/dev/null) || true
    node "$repo/tests/cli/check_validate.js" --nm "$npm_dir" json "$golden/basic.json" "$work/tree.json"
}

# The workflow command grammar (docs.github.com, "Workflow commands for
# GitHub Actions"): `::CMD key=value,key=value::message`, where property
# values escape % CR LF : , and the message escapes % CR LF.
test_github_grammar() {
    local t="$work/gh"
    mkdir -p "$t/we,ird:dir"
    cd "$t"
    printf 'let x = (1;\n' >'we,ird:dir/a%b.js'
    printf 'x\0' >bin.js
    printf 'let a = 1;\nlet a = 2;\n' >early.mjs
    ochre_check --format github >"$work/gh.out" 2>/dev/null || true
    cat "$golden/basic.github" >>"$work/gh.out"
    local prop='([^%,:]|%25|%0D|%0A|%3A|%2C)*'
    local msg='([^%]|%25|%0D|%0A)*'
    local line_re="^::(error|warning|notice) file=$prop(,line=[1-9][0-9]*,col=[1-9][0-9]*,endLine=[1-9][0-9]*,endColumn=[1-9][0-9]*)?,title=$prop::$msg\$"
    local n=0 line
    while IFS= read -r line; do
        n=$((n + 1))
        [[ "$line" =~ $line_re ]] || fail "not a workflow command: $line"
    done <"$work/gh.out"
    [ "$n" -ge 8 ] || fail "expected at least 8 commands, got $n"
    expect_grep '^::error file=we%2Cird%3Adir/a%25b.js,line=1,col=11,' "$work/gh.out"
    expect_grep '^::warning file=bin.js,title=binary-file::' "$work/gh.out"
    expect_grep '%0Anote: early.mjs:1:5: ' "$work/gh.out"
}

test_junit_xml() {
    local f="$golden/basic.junit"
    make_tree "$work/junit/tree" 60
    printf 'let x = "<&>\x27\x22\x01";\nlet y = (1;\n' >"$work/junit/tree/esc<&>.js"
    (cd "$work/junit/tree" && ochre_check --format junit >"$work/tree.junit" 2>/dev/null) || true
    if command -v xmllint >/dev/null; then
        xmllint --noout "$f" "$work/tree.junit" 2>&1 || fail "JUnit output is not well-formed XML"
    elif command -v python3 >/dev/null; then
        python3 -c 'import sys, xml.etree.ElementTree as E; [E.parse(p) for p in sys.argv[1:]]' "$f" \
            "$work/tree.junit" || fail "JUnit output is not well-formed XML"
    else
        echo "  (no xmllint or python3: well-formedness not checked)"
    fi
    expect_grep '<testsuites name="ochre check" tests="8" failures="[0-9]+" errors="0">' "$f"
    expect_grep '<failure message="[^"]*" type="warning">src/blob.js:1:1: warning binary-file ' "$f"
}

test_colors() {
    cd "$fixtures/basic"
    ochre_check --color src/syntax.js >"$work/color.out" 2>/dev/null || true
    grep -q $'\x1b\\[' "$work/color.out" || fail "--color gave no ANSI escapes"
    ochre_check src/syntax.js >"$work/plain.out" 2>/dev/null || true
    if grep -q $'\x1b' "$work/plain.out"; then fail "colors on a pipe without --color"; fi
    ochre_check --color --no-color src/syntax.js >"$work/plain.out" 2>/dev/null || true
    if grep -q $'\x1b' "$work/plain.out"; then fail "--no-color still colored"; fi
    ochre_check --color --format compact src/syntax.js >"$work/plain.out" 2>/dev/null || true
    if grep -q $'\x1b' "$work/plain.out"; then fail "compact output colored"; fi
}

# --- runner -------------------------------------------------------------------

tests=${OCHRE_CHECK_TESTS:-"golden_formats exit_statuses config_discovery goal_and_jsx gitignore_rules
    walk_edge_cases unreadable_and_special_files stdin suppressions_never_hide_syntax_errors
    parallel_determinism sarif_schema json_schema github_grammar junit_xml colors fix_goldens fix_safety"}

if ! "$OCHRE" check --help >/dev/null 2>&1; then
    echo "$OCHRE has no working 'check' command"
    echo "0 passed, 1 failed"
    exit 1
fi

passed=0
failed=0
failed_names=""
for t in $tests; do
    log="$work/log.$t"
    set +e
    (
        set -e
        cd "$work"
        "test_$t"
    ) >"$log" 2>&1
    rc=$?
    set -e
    if [ "$rc" = 0 ]; then
        passed=$((passed + 1))
        echo "PASS $t"
    else
        failed=$((failed + 1))
        failed_names="$failed_names $t"
        echo "FAIL $t"
        sed 's/^/    /' "$log"
    fi
done
[ "$failed" = 0 ] || echo "failed:$failed_names"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
