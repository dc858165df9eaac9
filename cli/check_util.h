// Small helpers of `ochre check`: a string-keyed hash map, path strings and
// the escaping the output formats need (JSON strings, XML text, URIs).
// Internal to cli/ (prefix chk_).
#ifndef OCHRE_CLI_CHECK_UTIL_H
#define OCHRE_CLI_CHECK_UTIL_H

#include <string.h>

#include "base.h"

// ---------------------------------------------------------------------------
// Hash map from NUL-terminated strings to pointers (open addressing, linear
// probing, power-of-two capacity). Keys are copied; values are borrowed.
// Not thread-safe: callers that share a map lock around it.
typedef struct ChkMapSlot {
    char *key;  // NULL: empty slot
    uint32_t hash;
    void *value;
} ChkMapSlot;

typedef struct ChkMap {
    ChkMapSlot *slots;
    uint32_t cap, len;
} ChkMap;

// An empty map (no allocation until the first put).
void chk_map_init(ChkMap *self);
// Frees the keys and the table; calls free_value(value) for each entry when
// free_value is not NULL.
void chk_map_free(ChkMap *self, void (*free_value)(void *value));
// True when key is present; stores its value in *value (may be NULL). O(1)
// expected.
bool chk_map_get(const ChkMap *self, const char *key, void **value);
// Inserts or replaces key's value. O(1) amortised.
void chk_map_put(ChkMap *self, const char *key, void *value);

// ---------------------------------------------------------------------------
// Paths. All results are allocated with och_malloc (caller frees).

// "dir/name" (no doubled slash when dir ends with '/'; "name" when dir is ".").
char *chk_path_join(const char *dir, const char *name);
// Directory part: "a/b.js" -> "a", "b.js" -> ".", "/b.js" -> "/".
char *chk_path_dirname(const char *path);
// Last component (borrowed, points into path): "a/b.js" -> "b.js".
const char *chk_path_basename(const char *path);
// Lexical normalization of a path as the user wrote it: drops "." components,
// doubled and trailing slashes ("./a//b/" -> "a/b", "" or "./" -> ".").
// ".." is kept (resolving it would need the file system).
char *chk_path_normalize(const char *path);
// Absolute, lexically normalized form of path (relative paths resolved
// against cwd, "." and ".." folded, no symlink resolution).
char *chk_path_absolute(const char *path, const char *cwd);
// path relative to dir when path is dir itself or inside it (both absolute
// and normalized): returns a pointer into path ("" for dir itself), else
// NULL.
const char *chk_path_under(const char *path, const char *dir);
// True when s ends with suffix.
bool chk_has_suffix(const char *s, const char *suffix);

// ---------------------------------------------------------------------------
// Escaping for output formats. Invalid UTF-8 becomes U+FFFD in all of them,
// so that the output is always valid UTF-8 whatever the input bytes were.

// Appends s[0..n) as a quoted JSON string.
void chk_json_string(OchBuf *out, const char *s, size_t n);
// chk_json_string of a NUL-terminated string.
static inline void chk_json_cstr(OchBuf *out, const char *s) { chk_json_string(out, s, strlen(s)); }
// Appends s[0..n) as XML character data or attribute value (escapes & < > "
// '; characters XML 1.0 does not allow become U+FFFD).
void chk_xml_text(OchBuf *out, const char *s, size_t n);
// Appends a relative URI reference for a path: unreserved characters and '/'
// kept, everything else percent-encoded (RFC 3986).
void chk_uri_path(OchBuf *out, const char *path);

#endif
