// Helpers of `ochre check`: string map, path strings, output escaping.
#include "check_util.h"

#include <string.h>

// --- map ----------------------------------------------------------------------

// FNV-1a: short keys (paths, rule ids), no adversary to worry about.
static uint32_t hash_str(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

void chk_map_init(ChkMap *self) { memset(self, 0, sizeof *self); }

void chk_map_free(ChkMap *self, void (*free_value)(void *value)) {
    for (uint32_t i = 0; i < self->cap; i++) {
        if (!self->slots[i].key) continue;
        och_free(self->slots[i].key);
        if (free_value) free_value(self->slots[i].value);
    }
    och_free(self->slots);
    memset(self, 0, sizeof *self);
}

static ChkMapSlot *find_slot(const ChkMap *self, const char *key, uint32_t h) {
    uint32_t mask = self->cap - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        ChkMapSlot *s = &self->slots[i];
        if (!s->key || (s->hash == h && strcmp(s->key, key) == 0)) return s;
    }
}

bool chk_map_get(const ChkMap *self, const char *key, void **value) {
    if (!self->cap) return false;
    ChkMapSlot *s = find_slot(self, key, hash_str(key));
    if (!s->key) return false;
    if (value) *value = s->value;
    return true;
}

void chk_map_put(ChkMap *self, const char *key, void *value) {
    if ((self->len + 1) * 4 > self->cap * 3) {
        ChkMap grown = {0};
        grown.cap = self->cap ? self->cap * 2 : 32;
        grown.slots = och_calloc(grown.cap, sizeof *grown.slots);
        for (uint32_t i = 0; i < self->cap; i++) {
            ChkMapSlot *old = &self->slots[i];
            if (old->key) *find_slot(&grown, old->key, old->hash) = *old;
        }
        grown.len = self->len;
        och_free(self->slots);
        *self = grown;
    }
    uint32_t h = hash_str(key);
    ChkMapSlot *s = find_slot(self, key, h);
    if (!s->key) {
        s->key = och_strndup(key, strlen(key));
        s->hash = h;
        self->len++;
    }
    s->value = value;
}

// --- paths --------------------------------------------------------------------

char *chk_path_join(const char *dir, const char *name) {
    if (strcmp(dir, ".") == 0) return och_strndup(name, strlen(name));
    size_t n = strlen(dir), k = strlen(name);
    bool slash = n > 0 && dir[n - 1] == '/';
    char *p = och_malloc(n + k + 2);
    memcpy(p, dir, n);
    if (!slash) p[n++] = '/';
    memcpy(p + n, name, k + 1);
    return p;
}

char *chk_path_dirname(const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash) return och_strndup(".", 1);
    if (slash == path) return och_strndup("/", 1);
    return och_strndup(path, (size_t)(slash - path));
}

const char *chk_path_basename(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

char *chk_path_normalize(const char *path) {
    OchBuf b = {0};
    bool absolute = path[0] == '/';
    if (absolute) och_buf_putc(&b, '/');
    const char *p = path;
    while (*p) {
        while (*p == '/') p++;
        const char *start = p;
        while (*p && *p != '/') p++;
        size_t n = (size_t)(p - start);
        if (n == 0 || (n == 1 && start[0] == '.')) continue;
        if (b.len && b.data[b.len - 1] != '/') och_buf_putc(&b, '/');
        och_buf_append(&b, start, n);
    }
    if (!b.len) och_buf_putc(&b, '.');
    return och_buf_take(&b);
}

char *chk_path_absolute(const char *path, const char *cwd) {
    char *joined = path[0] == '/' ? och_strndup(path, strlen(path)) : chk_path_join(cwd, path);
    // Fold "." and ".." over a stack of component starts.
    OchBuf b = {0};
    OCH_VEC(size_t) marks = {0};
    const char *p = joined;
    while (*p) {
        while (*p == '/') p++;
        const char *start = p;
        while (*p && *p != '/') p++;
        size_t n = (size_t)(p - start);
        if (n == 0 || (n == 1 && start[0] == '.')) continue;
        if (n == 2 && start[0] == '.' && start[1] == '.') {
            if (marks.len) b.len = marks.items[--marks.len];
            continue;
        }
        och_vec_push(&marks, b.len);
        och_buf_putc(&b, '/');
        och_buf_append(&b, start, n);
    }
    if (!b.len) och_buf_putc(&b, '/');
    b.data[b.len] = 0;
    och_vec_free(&marks);
    och_free(joined);
    return och_buf_take(&b);
}

const char *chk_path_under(const char *path, const char *dir) {
    size_t n = strlen(dir);
    if (n == 1 && dir[0] == '/') return path[0] == '/' ? path + 1 : NULL;
    if (strncmp(path, dir, n) != 0) return NULL;
    if (path[n] == 0) return path + n;
    if (path[n] == '/') return path + n + 1;
    return NULL;
}

bool chk_has_suffix(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

// --- escaping -----------------------------------------------------------------

static const char REPLACEMENT[] = "\xEF\xBF\xBD";  // U+FFFD

void chk_json_string(OchBuf *out, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    och_buf_reserve(out, n + 2);
    och_buf_putc(out, '"');
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            uint32_t cp;
            uint32_t k = och_utf8_decode(s + i, n - i, &cp, false);
            if (cp == OCH_UTF8_INVALID) och_buf_append(out, REPLACEMENT, 3);
            else if (cp == 0x2028 || cp == 0x2029) och_buf_printf(out, "\\u%04x", cp);  // JS-safe
            else och_buf_append(out, s + i, k);
            i += k;
            continue;
        }
        switch (c) {
        case '"': och_buf_append(out, "\\\"", 2); break;
        case '\\': och_buf_append(out, "\\\\", 2); break;
        case '\n': och_buf_append(out, "\\n", 2); break;
        case '\r': och_buf_append(out, "\\r", 2); break;
        case '\t': och_buf_append(out, "\\t", 2); break;
        default:
            if (c < 0x20 || c == 0x7F) {
                char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                och_buf_append(out, e, 6);
            } else {
                och_buf_putc(out, (char)c);
            }
        }
        i++;
    }
    och_buf_putc(out, '"');
}

void chk_xml_text(OchBuf *out, const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            uint32_t cp;
            uint32_t k = och_utf8_decode(s + i, n - i, &cp, false);
            // XML 1.0 Char excludes U+FFFE and U+FFFF (and surrogates, which
            // the strict decoder already rejects).
            if (cp == OCH_UTF8_INVALID || cp == 0xFFFE || cp == 0xFFFF) och_buf_append(out, REPLACEMENT, 3);
            else och_buf_append(out, s + i, k);
            i += k;
            continue;
        }
        switch (c) {
        case '&': och_buf_puts(out, "&amp;"); break;
        case '<': och_buf_puts(out, "&lt;"); break;
        case '>': och_buf_puts(out, "&gt;"); break;
        case '"': och_buf_puts(out, "&quot;"); break;
        case '\'': och_buf_puts(out, "&apos;"); break;
        // Keep line breaks and tabs in attribute values through parsing.
        case '\n': och_buf_puts(out, "&#10;"); break;
        case '\r': och_buf_puts(out, "&#13;"); break;
        case '\t': och_buf_puts(out, "&#9;"); break;
        default:
            if (c < 0x20) och_buf_append(out, REPLACEMENT, 3);
            else och_buf_putc(out, (char)c);
        }
        i++;
    }
}

void chk_uri_path(OchBuf *out, const char *path) {
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned char c = *p;
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
        if (keep) {
            och_buf_putc(out, (char)c);
        } else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            och_buf_append(out, e, 3);
        }
    }
}
