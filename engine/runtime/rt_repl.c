// Host services of the REPL (cli/cmd_repl.c): printing results the way
// console.log inspects values, `_` / `_error`, running what became ready
// between inputs, and name completion from the global scope and the
// properties of a dotted path (data properties only: completion never
// runs getters or proxies).
#include <stdlib.h>
#include <string.h>

#include "rt_int.h"

void en_host_repl_set(EnContext *cx, const char *name, EnValue v) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hv = en_handle(cx, v);
    EnString *k = en_atom_from_cstr(cx, name);
    if (!k || !en_define_value(cx, cx->global, en_key_atom(k), *hv, EN_PROP_HIDDEN)) en_exception_take(cx);
    en_handle_scope_close(&hs);
}

void en_host_repl_print(EnContext *cx, EnValue v, const char *assign_to) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hv = en_handle(cx, v);
    OchBuf b = {0};
    rt_inspect(cx, *hv, false, &b);
    en_vm_print_line(cx, b.data ? b.data : "", b.len, false);
    och_buf_free(&b);
    if (assign_to) en_host_repl_set(cx, assign_to, *hv);
    en_handle_scope_close(&hs);
}

EnStatus en_host_run_pending(EnContext *cx) {
    RtHost *h = cx->loop_host;
    if (!h) return en_run_jobs(cx);
    EnStatus st = rt_drain(h);
    if (st != EN_STATUS_OK) return st;
    h->status = EN_STATUS_OK;
    uv_run(&h->loop, UV_RUN_NOWAIT);
    return h->status;
}

static bool is_name_char(char c) {
    return c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Own string keys of o and its prototypes that start with word, appended
// (without duplicates) to names.
static void collect(EnContext *cx, EnObject *o, const char *word, char ***names, size_t *n, size_t *cap) {
    size_t wl = strlen(word);
    for (int guard = 0; o && guard < 64; guard++) {
        if (en_obj_class(o) == EN_CLASS_PROXY) return;
        EnKey *keys = NULL;
        uint32_t nkeys = 0;
        if (!en_obj_own_keys(cx, o, &keys, &nkeys)) {
            en_exception_take(cx);
            return;
        }
        for (uint32_t i = 0; i < nkeys; i++) {
            if (!en_is_string(keys[i])) continue;
            OchBuf b = {0};
            en_str_to_utf8(cx, en_as_string(keys[i]), &b);
            bool ok = b.data && b.len >= wl && !memcmp(b.data, word, wl);
            for (size_t c = 0; ok && c < b.len; c++)
                if (!is_name_char(b.data[c])) ok = false;
            for (size_t k = 0; ok && k < *n; k++)
                if (!strcmp((*names)[k], b.data)) ok = false;
            if (ok) {
                if (*n == *cap) {
                    *cap = *cap ? *cap * 2 : 32;
                    *names = realloc(*names, *cap * sizeof **names);
                }
                (*names)[(*n)++] = strndup(b.data, b.len);
            }
            och_buf_free(&b);
        }
        och_free(keys);
        EnObject *p = NULL;
        if (!en_obj_get_prototype_of(cx, o, &p)) {
            en_exception_take(cx);
            return;
        }
        o = p;
    }
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

size_t en_host_repl_complete(EnContext *cx, const char *path, const char *word, char ***out) {
    *out = NULL;
    size_t n = 0, cap = 0;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue cur = en_object_value(cx->global);
    bool global_scope = true;
    // Walk "a.b." through data properties.
    const char *p = path;
    while (*p) {
        const char *dot = strchr(p, '.');
        if (!dot) break;
        EnString *k = en_atom_from_utf8(cx, p, (size_t)(dot - p));
        if (!k) break;
        EnValue next = EN_UNDEFINED;
        if (global_scope) {
            EnObject *lex = en_vm_global_lexicals(cx);
            EnPropDesc d;
            bool found = false;
            if (lex && en_obj_get_own_property(cx, lex, en_key_atom(k), &d, &found) && found &&
                (d.has & EN_DESC_HAS_VALUE))
                next = d.value;
        }
        if (en_is_undefined(next)) {
            EnObject *o = en_is_object(cur) ? en_as_object(cur) : en_to_object(cx, cur);
            for (int guard = 0; o && guard < 64 && en_is_undefined(next); guard++) {
                EnPropDesc d;
                bool found = false;
                if (en_obj_class(o) == EN_CLASS_PROXY || !en_obj_get_own_property(cx, o, en_key_atom(k), &d, &found)) break;
                if (found) {
                    next = (d.has & EN_DESC_HAS_VALUE) ? d.value : EN_UNDEFINED;
                    break;
                }
                if (!en_obj_get_prototype_of(cx, o, &o)) break;
            }
        }
        if (cx->has_exception) en_exception_take(cx);
        if (en_is_undefined(next) || en_is_null(next)) goto done;
        cur = next;
        en_handle(cx, cur);
        global_scope = false;
        p = dot + 1;
    }
    if (global_scope) {
        EnObject *lex = en_vm_global_lexicals(cx);
        if (lex) collect(cx, lex, word, out, &n, &cap);
    }
    {
        EnObject *o = en_is_object(cur) ? en_as_object(cur) : en_to_object(cx, cur);
        if (o) collect(cx, o, word, out, &n, &cap);
        if (cx->has_exception) en_exception_take(cx);
    }
    if (n) qsort(*out, n, sizeof **out, cmp_names);
done:
    en_handle_scope_close(&hs);
    return n;
}
