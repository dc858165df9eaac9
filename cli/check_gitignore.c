// gitignore patterns: parsing of pattern lines and the glob matcher.
//
// The matcher is a recursive descent over the pattern. Stars backtrack; to
// keep patterns such as `*a*a*a*b` from going exponential, a failed attempt
// reports why it failed, and a star stops trying later positions when a
// later position cannot help (the classic wildmatch argument):
// - ABORT_ALL: the text ran out while the pattern still needed characters;
//   starting the rest later leaves even less text;
// - ABORT_TO_STARSTAR: a single `*` reached a `/` it cannot cross; only an
//   enclosing `**` (which can move to the next directory) may still match.
#include "check_gitignore.h"

#include <ctype.h>
#include <string.h>

enum { WM_MATCH, WM_NOMATCH, WM_ABORT_ALL, WM_ABORT_TO_STARSTAR };

// POSIX bracket class [:name:] test.
static bool posix_class(const char *name, size_t n, unsigned char c) {
#define IS(s) (n == sizeof(s) - 1 && memcmp(name, s, n) == 0)
    if (IS("alnum")) return isalnum(c);
    if (IS("alpha")) return isalpha(c);
    if (IS("blank")) return c == ' ' || c == '\t';
    if (IS("cntrl")) return iscntrl(c);
    if (IS("digit")) return isdigit(c);
    if (IS("graph")) return isgraph(c);
    if (IS("lower")) return islower(c);
    if (IS("print")) return isprint(c);
    if (IS("punct")) return ispunct(c);
    if (IS("space")) return isspace(c);
    if (IS("upper")) return isupper(c);
    if (IS("xdigit")) return isxdigit(c);
#undef IS
    return false;
}

// Matches the bracket expression at *pp (just after '[') against c and
// moves *pp past its closing ']'. Returns WM_MATCH/WM_NOMATCH, or
// WM_ABORT_ALL for an unterminated expression (which never matches).
static int bracket(const char **pp, unsigned char c) {
    const char *p = *pp;
    bool negate = false, matched = false;
    if (*p == '!' || *p == '^') {
        negate = true;
        p++;
    }
    for (bool first = true;; first = false) {
        unsigned char lo = (unsigned char)*p;
        if (!lo) return WM_ABORT_ALL;
        if (lo == ']' && !first) break;
        if (lo == '[' && p[1] == ':') {
            const char *name = p + 2, *end = strstr(name, ":]");
            if (!end) return WM_ABORT_ALL;
            if (posix_class(name, (size_t)(end - name), c)) matched = true;
            p = end + 2;
            continue;
        }
        if (lo == '\\') {
            lo = (unsigned char)*++p;
            if (!lo) return WM_ABORT_ALL;
        }
        p++;
        if (p[0] == '-' && p[1] && p[1] != ']') {
            const char *q = p + 1;
            unsigned char hi = (unsigned char)*q;
            if (hi == '\\') {
                hi = (unsigned char)*++q;
                if (!hi) return WM_ABORT_ALL;
            }
            if (lo <= c && c <= hi) matched = true;
            p = q + 1;
            continue;
        }
        if (c == lo) matched = true;
    }
    *pp = p + 1;
    return matched != negate && c != '/' ? WM_MATCH : WM_NOMATCH;
}

static int wild(const char *p, const char *t, const char *pstart) {
    for (; *p; p++, t++) {
        unsigned char pc = (unsigned char)*p, tc = (unsigned char)*t;
        if (pc == '*') break;
        if (!tc) return WM_ABORT_ALL;
        if (pc == '?') {
            if (tc == '/') return WM_NOMATCH;
        } else if (pc == '[') {
            p++;
            int r = bracket(&p, tc);
            if (r != WM_MATCH) return r;
            p--;  // the loop's p++ moves past the class
        } else {
            if (pc == '\\') {
                pc = (unsigned char)*++p;
                if (!pc) return WM_NOMATCH;  // a trailing backslash matches nothing
            }
            if (tc != pc) return WM_NOMATCH;
        }
    }
    if (!*p) return *t ? WM_NOMATCH : WM_MATCH;

    // Stars. `**` spans directories only as a whole path component.
    const char *stars = p;
    while (*p == '*') p++;
    bool starstar = p - stars >= 2 && (stars == pstart || stars[-1] == '/') && (*p == 0 || *p == '/');
    if (starstar) {
        if (!*p) return WM_MATCH;  // `/**` at the end, or a pattern that is `**`
        // `**/rest`: rest at t (zero directories) or after any later '/'.
        const char *rest = p + 1;
        for (const char *s = t;;) {
            int r = wild(rest, s, pstart);
            if (r == WM_MATCH || r == WM_ABORT_ALL) return r;
            s = strchr(s, '/');
            if (!s) return WM_ABORT_ALL;
            s++;
        }
    }
    if (!*p) return strchr(t, '/') ? WM_ABORT_TO_STARSTAR : WM_MATCH;
    for (const char *s = t;; s++) {
        int r = wild(p, s, pstart);
        if (r != WM_NOMATCH) return r;
        if (!*s) return WM_ABORT_ALL;
        if (*s == '/') return WM_ABORT_TO_STARSTAR;
    }
}

bool chk_wildmatch(const char *glob, const char *path) { return wild(glob, path, glob) == WM_MATCH; }

// --- lists --------------------------------------------------------------------

void chk_ignore_init(ChkIgnoreList *self) { memset(self, 0, sizeof *self); }

void chk_ignore_free(ChkIgnoreList *self) {
    for (uint32_t i = 0; i < self->v.len; i++) och_free(self->v.items[i].glob);
    och_vec_free(&self->v);
}

bool chk_ignore_add_line(ChkIgnoreList *self, const char *line, size_t n) {
    while (n && (line[n - 1] == '\r' || line[n - 1] == '\n')) n--;
    if (!n || line[0] == '#') return false;
    // Trailing spaces go unless the last one is escaped: "a\ " keeps "a\ ".
    while (n && line[n - 1] == ' ') {
        size_t backslashes = 0;
        while (backslashes + 1 < n && line[n - 2 - backslashes] == '\\') backslashes++;
        if (backslashes % 2) break;
        n--;
    }
    uint32_t flags = 0;
    if (n && line[0] == '!') {
        flags |= CHK_IGN_NEGATE;
        line++, n--;
    }
    if (n && line[n - 1] == '/') {
        flags |= CHK_IGN_DIR_ONLY;
        n--;
    }
    if (memchr(line, '/', n)) flags |= CHK_IGN_ANCHORED;
    if (n && line[0] == '/') line++, n--;
    if (!n) return false;
    ChkIgnorePattern pat = {och_strndup(line, n), flags};
    och_vec_push(&self->v, pat);
    return true;
}

void chk_ignore_add_text(ChkIgnoreList *self, const char *text, size_t n) {
    size_t i = 0;
    while (i < n) {
        const char *eol = memchr(text + i, '\n', n - i);
        size_t end = eol ? (size_t)(eol - text) : n;
        chk_ignore_add_line(self, text + i, end - i);
        i = end + 1;
    }
}

ChkIgnoreVerdict chk_ignore_match(const ChkIgnoreList *self, const char *relpath, bool is_dir) {
    const char *slash = strrchr(relpath, '/');
    const char *name = slash ? slash + 1 : relpath;
    for (uint32_t i = self->v.len; i-- > 0;) {
        const ChkIgnorePattern *pat = &self->v.items[i];
        if ((pat->flags & CHK_IGN_DIR_ONLY) && !is_dir) continue;
        const char *subject = pat->flags & CHK_IGN_ANCHORED ? relpath : name;
        if (chk_wildmatch(pat->glob, subject))
            return pat->flags & CHK_IGN_NEGATE ? CHK_IGNORE_INCLUDE : CHK_IGNORE_EXCLUDE;
    }
    return CHK_IGNORE_NONE;
}

bool chk_ignore_path_excluded(const ChkIgnoreList *self, const char *relpath, bool is_dir) {
    if (!self->v.len) return false;
    size_t n = strlen(relpath);
    char *prefix = och_malloc(n + 1);
    bool excluded = false;
    for (size_t i = 0; i < n && !excluded; i++) {
        if (relpath[i] != '/' || i == 0) continue;
        memcpy(prefix, relpath, i);
        prefix[i] = 0;
        excluded = chk_ignore_match(self, prefix, true) == CHK_IGNORE_EXCLUDE;
    }
    och_free(prefix);
    return excluded || chk_ignore_match(self, relpath, is_dir) == CHK_IGNORE_EXCLUDE;
}
