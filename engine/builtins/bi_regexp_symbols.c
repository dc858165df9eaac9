// RegExp.prototype[@@match / @@matchAll / @@replace / @@search / @@split]
// (22.2.6) and %RegExpStringIteratorPrototype% (22.2.9). They go through
// RegExpExec, so subclasses and overridden `exec` are observed as the
// specification requires.
#include <string.h>

#include "../regexp_int.h"
#include "bi_string_int.h"

static bool flags_have(EnString *f, char c) {
    uint32_t n = en_str_length(f);
    for (uint32_t i = 0; i < n; i++)
        if (en_str_at(f, i) == (uint16_t)c) return true;
    return false;
}

static EnValue require_object(EnContext *cx, EnValue v, const char *name) {
    if (!en_is_object(v)) return en_throw_type_error(cx, "RegExp.prototype[%s] called on a non-object", name);
    return v;
}

// ToString(Get(result, "0")).
static EnString *match_string(EnContext *cx, EnValue result) {
    EnValue m = en_get_index(cx, result, 0);
    if (en_is_exception(m)) return NULL;
    EnString *s = en_to_string(cx, m);
    return s;
}

// When the match was empty: lastIndex = AdvanceStringIndex(S, ToLength(lastIndex)).
static bool advance_if_empty(EnContext *cx, EnValue rx, EnString *match, EnString *s, bool unicode) {
    if (en_str_length(match) != 0) return true;
    uint64_t li;
    if (!en_regexp_get_last_index(cx, rx, &li)) return false;
    return en_regexp_set_last_index(cx, rx, (double)en_regexp_advance(s, li, unicode));
}

// --- fast paths ------------------------------------------------------------------------
// When the receiver is pristine (en_regexp_pristine), RegExpExec is the
// builtin and its only visible effect is lastIndex, so the loops below run
// the matcher directly on capture arrays instead of building a match object
// per match.

typedef struct Matches {
    int32_t *v;  // stride 2 * (ngroups + 1) per match
    uint32_t n, cap, stride;
} Matches;

static int32_t *matches_slot(Matches *m) {
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 16;
        m->v = och_realloc(m->v, sizeof(int32_t) * m->stride * m->cap);
    }
    return m->v + (size_t)m->n * m->stride;
}

// The global loop of @@match / @@replace from lastIndex 0 (lastIndex ends 0).
// `unicode` comes from the flags string (fullUnicode), which a getter may
// make differ from the program's own flags.
static bool collect_global(EnContext *cx, const EnReProg *p, EnString *s, bool unicode, Matches *out) {
    bool sticky = (p->flags & PS_RE_FLAG_Y) != 0;
    uint32_t pos = 0, len = en_str_length(s);
    while (pos <= len) {
        int32_t *c = matches_slot(out);
        int r = en_re_exec(cx, p, s, pos, sticky, c);
        if (r == EN_RE_FAILED) return false;
        if (r == EN_RE_NOMATCH) break;
        out->n++;
        pos = (uint32_t)c[1];
        if (c[1] == c[0]) pos = (uint32_t)en_regexp_advance(s, pos, unicode);
        if ((out->n & 0x3FF) == 0 && !en_poll_interrupt(cx)) return false;
    }
    return true;
}

static EnValue substring_or_undefined(EnContext *cx, EnString *s, const int32_t *c, uint32_t i) {
    if (c[2 * i] < 0 || c[2 * i + 1] < 0) return EN_UNDEFINED;
    EnString *r = en_str_substring(cx, s, (uint32_t)c[2 * i], (uint32_t)c[2 * i + 1]);
    return r ? en_string_value(r) : EN_EXCEPTION;
}

// The groups object of a match (as RegExpBuiltinExec builds it).
static EnValue groups_object(EnContext *cx, const EnReProg *p, EnValue *hs_, const int32_t *c) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnObject *g = en_obj_new(cx, EN_CLASS_OBJECT, NULL, 4);
    if (!g) goto out;
    EnValue *hg = en_handle(cx, en_object_value(g));
    for (uint32_t i = 1; i <= p->ngroups; i++) {
        if (!p->names[i]) continue;
        bool done = false;
        for (uint32_t j = 1; j < i && !done; j++)
            if (p->names[j] && c[2 * j] >= 0 && c[2 * j + 1] >= 0 && strcmp(p->names[j], p->names[i]) == 0)
                done = true;
        if (done) continue;
        EnValue v = substring_or_undefined(cx, en_as_string(*hs_), c, i);
        if (en_is_exception(v)) goto out;
        EnValue *hv = en_handle(cx, v);
        EnString *nm = en_atom_from_utf8(cx, p->names[i], strlen(p->names[i]));
        if (!nm || !en_create_data_property_or_throw(cx, en_as_object(*hg), en_key_atom(nm), *hv)) goto out;
    }
    res = *hg;
out:
    return en_handle_scope_escape(&hs, res);
}

static EnValue fast_match_global(EnContext *cx, EnValue *hrx, EnValue *hs_, bool unicode) {
    EnRegExp *re = (EnRegExp *)en_as_object(*hrx);
    EnReProg *p = re->prog;
    en_re_prog_retain(p);
    Matches m = {0};
    m.stride = 2 * (p->ngroups + 1);
    EnValue res = EN_EXCEPTION;
    if (!collect_global(cx, p, en_as_string(*hs_), unicode, &m)) goto out;
    if (!en_regexp_set_last_index(cx, *hrx, 0)) goto out;
    if (m.n == 0) {
        res = EN_NULL;
        goto out;
    }
    {
        EnHandleScope hs;
        en_handle_scope_open(cx, &hs);
        EnObject *arr = en_array_new(cx, m.n);
        EnValue *ha = arr ? en_handle(cx, en_object_value(arr)) : NULL;
        for (uint32_t i = 0; ha && i < m.n; i++) {
            const int32_t *c = m.v + (size_t)i * m.stride;
            EnHandleScope ls;
            en_handle_scope_open(cx, &ls);
            EnString *t = en_str_substring(cx, en_as_string(*hs_), (uint32_t)c[0], (uint32_t)c[1]);
            if (!t || !en_array_push(cx, en_as_object(*ha), en_string_value(t))) ha = NULL;
            en_handle_scope_close(&ls);
        }
        res = en_handle_scope_escape(&hs, ha ? *ha : EN_EXCEPTION);
    }
out:
    och_free(m.v);
    en_re_prog_release(p);
    return res;
}

static bool has_dollar(EnString *r) {
    uint32_t n = en_str_length(r);
    for (uint32_t i = 0; i < n; i++)
        if (en_str_at(r, i) == '$') return true;
    return false;
}

static EnValue fast_replace(EnContext *cx, EnValue *hrx, EnValue *hs_, EnValue *hrepl, bool functional,
                            bool global, bool unicode) {
    EnRegExp *re = (EnRegExp *)en_as_object(*hrx);
    EnReProg *p = re->prog;
    en_re_prog_retain(p);
    Matches m = {0};
    m.stride = 2 * (p->ngroups + 1);
    EnValue res = EN_EXCEPTION;
    EnString *s = en_as_string(*hs_);
    uint32_t slen = en_str_length(s);
    if (global) {
        if (!en_regexp_set_last_index(cx, *hrx, 0)) goto out;
        if (!collect_global(cx, p, en_as_string(*hs_), unicode, &m)) goto out;
        if (!en_regexp_set_last_index(cx, *hrx, 0)) goto out;
    } else {
        bool sticky = (p->flags & PS_RE_FLAG_Y) != 0;
        uint64_t last = 0;
        if (sticky && !en_regexp_get_last_index(cx, *hrx, &last)) goto out;
        if (last <= slen) {
            int32_t *c = matches_slot(&m);
            int r = en_re_exec(cx, p, en_as_string(*hs_), (uint32_t)last, sticky, c);
            if (r == EN_RE_FAILED) goto out;
            if (r == EN_RE_MATCHED) m.n++;
        }
        if (sticky && !en_regexp_set_last_index(cx, *hrx, m.n ? m.v[1] : 0)) goto out;
    }
    if (m.n == 0) {
        res = *hs_;
        goto out;
    }
    {
        bool simple = !functional && !has_dollar(en_as_string(*hrepl));
        EnStrBuilder sb;
        en_sb_init(&sb, cx);
        uint32_t next = 0;
        for (uint32_t k = 0; k < m.n; k++) {
            const int32_t *c = m.v + (size_t)k * m.stride;
            uint32_t position = (uint32_t)c[0];
            EnHandleScope is;
            en_handle_scope_open(cx, &is);
            EnString *rep;
            if (simple) {
                rep = en_as_string(*hrepl);
            } else {
                EnValue *hnamed = en_handle(cx, EN_UNDEFINED);
                EnValue *caps = en_handle(cx, EN_UNDEFINED);
                for (uint32_t i = 1; i <= p->ngroups; i++) en_handle(cx, EN_UNDEFINED);
                for (uint32_t i = 0; i <= p->ngroups; i++) {
                    EnValue v = substring_or_undefined(cx, en_as_string(*hs_), c, i);
                    if (en_is_exception(v)) goto fail_inner;
                    caps[i] = v;
                }
                if (p->has_names) {
                    EnValue g = groups_object(cx, p, hs_, c);
                    if (en_is_exception(g)) goto fail_inner;
                    *hnamed = g;
                }
                if (functional) {
                    EnValue *argv = en_handle(cx, caps[0]);
                    for (uint32_t i = 1; i <= p->ngroups; i++) en_handle(cx, caps[i]);
                    en_handle(cx, en_int32((int32_t)position));
                    en_handle(cx, *hs_);
                    uint32_t argc = p->ngroups + 3;
                    if (p->has_names) {
                        en_handle(cx, *hnamed);
                        argc++;
                    }
                    EnValue rv = en_call(cx, *hrepl, EN_UNDEFINED, argc, argv);
                    if (en_is_exception(rv)) goto fail_inner;
                    rep = en_to_string(cx, rv);
                } else {
                    rep = en_bi_get_substitution(cx, en_as_string(caps[0]), en_as_string(*hs_), position, caps + 1,
                                                 p->ngroups, *hnamed, en_as_string(*hrepl));
                }
                if (!rep) goto fail_inner;
            }
            if (position >= next) {
                EnValue *hrep = en_handle(cx, en_string_value(rep));
                EnString *pre = en_str_substring(cx, en_as_string(*hs_), next, position);
                if (!pre) goto fail_inner;
                en_bi_sb_string(&sb, pre);
                en_bi_sb_string(&sb, en_as_string(*hrep));
                next = (uint32_t)c[1];
            }
            en_handle_scope_close(&is);
            if ((k & 0x3FF) == 0x3FF && !en_poll_interrupt(cx)) {
                en_sb_free(&sb);
                goto out;
            }
            continue;
        fail_inner:
            en_handle_scope_close(&is);
            en_sb_free(&sb);
            goto out;
        }
        if (next < slen) {
            EnString *post = en_str_substring(cx, en_as_string(*hs_), next, slen);
            if (!post) {
                en_sb_free(&sb);
                goto out;
            }
            en_bi_sb_string(&sb, post);
        }
        EnString *r = en_sb_finish(&sb);
        if (r) res = en_string_value(r);
    }
out:
    och_free(m.v);
    en_re_prog_release(p);
    return res;
}

static EnValue fast_split(EnContext *cx, EnValue *hsp, EnValue *hs_, uint32_t lim) {
    EnRegExp *re = (EnRegExp *)en_as_object(*hsp);
    EnReProg *p = re->prog;
    en_re_prog_retain(p);
    bool unicode = (p->flags & (PS_RE_FLAG_U | PS_RE_FLAG_V)) != 0;
    uint32_t stride = 2 * (p->ngroups + 1);
    int32_t *c = och_malloc(sizeof(int32_t) * stride);
    EnValue res = EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnObject *arr = en_array_new(cx, 0);
    if (!arr) goto out;
    EnValue *ha = en_handle(cx, en_object_value(arr));
    uint32_t size = en_str_length(en_as_string(*hs_));
    if (size == 0) {
        int r = en_re_exec(cx, p, en_as_string(*hs_), 0, true, c);
        if (r == EN_RE_FAILED) goto out;
        if (r == EN_RE_NOMATCH && !en_array_push(cx, en_as_object(*ha), *hs_)) goto out;
        res = *ha;
        goto out;
    }
    uint32_t q = 0, pp = 0, len = 0, iter = 0;
    while (q < size) {
        int r = en_re_exec(cx, p, en_as_string(*hs_), q, false, c);
        if (r == EN_RE_FAILED) goto out;
        if (r == EN_RE_NOMATCH || (uint32_t)c[0] >= size) break;
        q = (uint32_t)c[0];
        uint32_t e = (uint32_t)c[1] < size ? (uint32_t)c[1] : size;
        if (e == pp) {
            q = (uint32_t)en_regexp_advance(en_as_string(*hs_), q, unicode);
            continue;
        }
        EnHandleScope ls;
        en_handle_scope_open(cx, &ls);
        bool ok = true, full = false;
        EnString *t = en_str_substring(cx, en_as_string(*hs_), pp, q);
        if (!t || !en_array_push(cx, en_as_object(*ha), en_string_value(t))) ok = false;
        else if (++len == lim) full = true;
        pp = e;
        for (uint32_t i = 1; ok && !full && i <= p->ngroups; i++) {
            EnValue v = substring_or_undefined(cx, en_as_string(*hs_), c, i);
            if (en_is_exception(v) || !en_array_push(cx, en_as_object(*ha), v)) ok = false;
            else if (++len == lim) full = true;
        }
        en_handle_scope_close(&ls);
        if (!ok) goto out;
        if (full) {
            res = *ha;
            goto out;
        }
        q = pp;
        if ((++iter & 0x3FF) == 0 && !en_poll_interrupt(cx)) goto out;
    }
    {
        EnString *t = en_str_substring(cx, en_as_string(*hs_), pp, size);
        if (!t || !en_array_push(cx, en_as_object(*ha), en_string_value(t))) goto out;
    }
    res = *ha;
out:
    och_free(c);
    en_re_prog_release(p);
    return en_handle_scope_escape(&hs, res);
}

// The fast paths also need the flags string (which getters may alter) to
// agree with the program's own g and u/v flags.
static bool fast_ok(EnContext *cx, EnValue rx, bool global, bool unicode) {
    EnRegExp *r = en_regexp_pristine(cx, rx);
    if (!r) return false;
    uint32_t f = r->prog->flags;
    return ((f & PS_RE_FLAG_G) != 0) == global && ((f & (PS_RE_FLAG_U | PS_RE_FLAG_V)) != 0) == unicode;
}

static EnValue sym_match(EnContext *cx, const EnArgs *a) {
    if (en_is_exception(require_object(cx, a->this_val, "Symbol.match"))) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hrx = en_handle(cx, a->this_val);
    EnString *s = en_to_string(cx, en_arg(a, 0));
    if (!s || !(s = en_str_flatten(cx, s))) goto out;
    EnValue *hs_ = en_handle(cx, en_string_value(s));
    EnString *f = en_regexp_flags_string(cx, *hrx);
    if (!f) goto out;
    if (!flags_have(f, 'g')) {
        res = en_regexp_exec(cx, *hrx, *hs_);
        goto out;
    }
    bool unicode = flags_have(f, 'u') || flags_have(f, 'v');
    if (fast_ok(cx, *hrx, true, unicode)) {
        res = fast_match_global(cx, hrx, hs_, unicode);
        goto out;
    }
    if (!en_regexp_set_last_index(cx, *hrx, 0)) goto out;
    EnObject *arr = en_array_new(cx, 0);
    if (!arr) goto out;
    EnValue *ha = en_handle(cx, en_object_value(arr));
    uint32_t n = 0;
    for (;;) {
        EnValue r = en_regexp_exec(cx, *hrx, *hs_);
        if (en_is_exception(r)) goto out;
        if (en_is_null(r)) {
            res = n == 0 ? EN_NULL : *ha;
            goto out;
        }
        EnString *m = match_string(cx, r);
        if (!m) goto out;
        EnValue *hm = en_handle(cx, en_string_value(m));
        if (!en_array_push(cx, en_as_object(*ha), *hm)) goto out;
        n++;
        if (!advance_if_empty(cx, *hrx, en_as_string(*hm), en_as_string(*hs_), unicode)) goto out;
        en_handle_scope_close(&hs);  // keep the scope small: reopen with the live values
        en_handle_scope_open(cx, &hs);
        EnValue rx = *hrx, sv = *hs_, av = *ha;
        hrx = en_handle(cx, rx);
        hs_ = en_handle(cx, sv);
        ha = en_handle(cx, av);
    }
out:
    return en_handle_scope_escape(&hs, res);
}

static EnValue sym_search(EnContext *cx, const EnArgs *a) {
    if (en_is_exception(require_object(cx, a->this_val, "Symbol.search"))) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hrx = en_handle(cx, a->this_val);
    EnString *s = en_to_string(cx, en_arg(a, 0));
    if (!s) goto out;
    EnValue *hs_ = en_handle(cx, en_string_value(s));
    EnKey li = en_key_atom(en_atom(cx, EN_ATOM_lastIndex));
    EnValue prev = en_get(cx, *hrx, li);
    if (en_is_exception(prev)) goto out;
    EnValue *hprev = en_handle(cx, prev);
    if (!en_same_value(prev, en_int32(0)) && !en_set(cx, *hrx, li, en_int32(0), true)) goto out;
    EnValue r = en_regexp_exec(cx, *hrx, *hs_);
    if (en_is_exception(r)) goto out;
    EnValue *hr = en_handle(cx, r);
    EnValue cur = en_get(cx, *hrx, li);
    if (en_is_exception(cur)) goto out;
    if (!en_same_value(cur, *hprev) && !en_set(cx, *hrx, li, *hprev, true)) goto out;
    if (en_is_null(*hr)) {
        res = en_int32(-1);
        goto out;
    }
    res = en_get_atom(cx, *hr, EN_ATOM_index);
out:
    return en_handle_scope_escape(&hs, res);
}

// --- @@replace -----------------------------------------------------------------------

static EnValue sym_replace(EnContext *cx, const EnArgs *a) {
    if (en_is_exception(require_object(cx, a->this_val, "Symbol.replace"))) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hrx = en_handle(cx, a->this_val);
    EnString *s = en_to_string(cx, en_arg(a, 0));
    if (!s || !(s = en_str_flatten(cx, s))) goto out;
    EnValue *hs_ = en_handle(cx, en_string_value(s));
    EnValue *hrepl = en_handle(cx, en_arg(a, 1));
    bool functional = en_is_callable(*hrepl);
    if (!functional) {
        EnString *rs = en_to_string(cx, *hrepl);
        if (!rs || !(rs = en_str_flatten(cx, rs))) goto out;
        *hrepl = en_string_value(rs);
    }
    EnString *f = en_regexp_flags_string(cx, *hrx);
    if (!f) goto out;
    bool global = flags_have(f, 'g'), unicode = flags_have(f, 'u') || flags_have(f, 'v');
    if (fast_ok(cx, *hrx, global, unicode)) {
        res = fast_replace(cx, hrx, hs_, hrepl, functional, global, unicode);
        goto out;
    }
    if (global && !en_regexp_set_last_index(cx, *hrx, 0)) goto out;
    EnObject *results = en_array_new(cx, 0);
    if (!results) goto out;
    EnValue *hresults = en_handle(cx, en_object_value(results));
    uint32_t nres = 0;
    for (;;) {
        EnHandleScope ls;
        en_handle_scope_open(cx, &ls);
        EnValue r = en_regexp_exec(cx, *hrx, *hs_);
        bool stop = true;
        if (en_is_exception(r)) goto loop_fail;
        if (en_is_null(r)) goto loop_done;
        EnValue *hr = en_handle(cx, r);
        if (!en_array_push(cx, en_as_object(*hresults), *hr)) goto loop_fail;
        nres++;
        if (!global) goto loop_done;
        EnString *m = match_string(cx, *hr);
        if (!m) goto loop_fail;
        if (!advance_if_empty(cx, *hrx, m, en_as_string(*hs_), unicode)) goto loop_fail;
        if ((nres & 0xFF) == 0 && !en_poll_interrupt(cx)) goto loop_fail;
        stop = false;
    loop_done:
        en_handle_scope_close(&ls);
        if (stop) break;
        continue;
    loop_fail:
        en_handle_scope_close(&ls);
        goto out;
    }
    uint32_t slen = en_str_length(en_as_string(*hs_));
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    uint64_t next_pos = 0;
    for (uint32_t k = 0; k < nres; k++) {
        EnHandleScope is;
        en_handle_scope_open(cx, &is);
        EnValue r = en_get_index(cx, *hresults, k);
        if (en_is_exception(r)) goto fail_inner;
        EnValue *hr = en_handle(cx, r);
        uint64_t rlen;
        if (!en_length_of_array_like(cx, *hr, &rlen)) goto fail_inner;
        uint64_t ncap = rlen > 0 ? rlen - 1 : 0;
        EnString *matched = match_string(cx, *hr);
        if (!matched) goto fail_inner;
        EnValue *hmatched = en_handle(cx, en_string_value(matched));
        uint32_t mlen = en_str_length(matched);
        EnValue pv = en_get_atom(cx, *hr, EN_ATOM_index);
        if (en_is_exception(pv)) goto fail_inner;
        double posd;
        if (!en_to_integer_or_infinity(cx, pv, &posd)) goto fail_inner;
        uint32_t position = posd < 0 ? 0 : posd > slen ? slen : (uint32_t)posd;
        // captures[0] is the matched string (the replacer's first argument).
        if (ncap > 0xFFFF) ncap = 0xFFFF;
        EnValue *hnamed = en_handle(cx, EN_UNDEFINED);
        EnValue *caps = en_handle(cx, *hmatched);
        for (uint32_t i = 1; i <= ncap; i++) en_handle(cx, EN_UNDEFINED);
        for (uint32_t i = 1; i <= ncap; i++) {
            EnValue c = en_get_index(cx, *hr, i);
            if (en_is_exception(c)) goto fail_inner;
            if (!en_is_undefined(c)) {
                EnString *cs = en_to_string(cx, c);
                if (!cs) goto fail_inner;
                c = en_string_value(cs);
            }
            caps[i] = c;
        }
        EnValue named = en_get_atom(cx, *hr, EN_ATOM_groups);
        if (en_is_exception(named)) goto fail_inner;
        *hnamed = named;
        EnString *rep;
        if (functional) {
            // args: matched, captures..., position, S, [groups], copied into
            // one contiguous run of handles (helpers above may have escaped
            // handles between the captures and here).
            EnValue *argv = en_handle(cx, caps[0]);
            for (uint32_t i = 1; i <= ncap; i++) en_handle(cx, caps[i]);
            en_handle(cx, en_int32((int32_t)position));
            en_handle(cx, *hs_);
            uint32_t argc = (uint32_t)ncap + 3;
            if (!en_is_undefined(*hnamed)) {
                en_handle(cx, *hnamed);
                argc++;
            }
            EnValue rv = en_call(cx, *hrepl, EN_UNDEFINED, argc, argv);
            if (en_is_exception(rv)) goto fail_inner;
            rep = en_to_string(cx, rv);
        } else {
            if (!en_is_undefined(*hnamed)) {
                EnObject *no = en_to_object(cx, *hnamed);
                if (!no) goto fail_inner;
                *hnamed = en_object_value(no);
            }
            rep = en_bi_get_substitution(cx, en_as_string(*hmatched), en_as_string(*hs_), position, caps + 1,
                                         (uint32_t)ncap, *hnamed, en_as_string(*hrepl));
        }
        if (!rep) goto fail_inner;
        if (position >= next_pos) {
            EnValue *hrep = en_handle(cx, en_string_value(rep));
            EnString *pre = en_str_substring(cx, en_as_string(*hs_), (uint32_t)next_pos, position);
            if (!pre) goto fail_inner;
            en_bi_sb_string(&sb, pre);
            en_bi_sb_string(&sb, en_as_string(*hrep));
            next_pos = (uint64_t)position + mlen;
        }
        en_handle_scope_close(&is);
        continue;
    fail_inner:
        en_handle_scope_close(&is);
        en_sb_free(&sb);
        goto out;
    }
    if (next_pos < slen) {
        EnString *post = en_str_substring(cx, en_as_string(*hs_), (uint32_t)next_pos, slen);
        if (!post) {
            en_sb_free(&sb);
            goto out;
        }
        en_bi_sb_string(&sb, post);
    }
    {
        EnString *r = en_sb_finish(&sb);
        if (r) res = en_string_value(r);
    }
out:
    return en_handle_scope_escape(&hs, res);
}

// --- @@split -------------------------------------------------------------------------

static EnValue sym_split(EnContext *cx, const EnArgs *a) {
    if (en_is_exception(require_object(cx, a->this_val, "Symbol.split"))) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hrx = en_handle(cx, a->this_val);
    EnValue *hlimit = en_handle(cx, en_arg(a, 1));
    EnString *s = en_to_string(cx, en_arg(a, 0));
    if (!s || !(s = en_str_flatten(cx, s))) goto out;
    EnValue *hs_ = en_handle(cx, en_string_value(s));
    EnValue c = en_species_constructor(cx, en_as_object(*hrx), EN_INTRINSIC_RegExp);
    if (en_is_exception(c)) goto out;
    EnValue *hc = en_handle(cx, c);
    EnString *f = en_regexp_flags_string(cx, *hrx);
    if (!f) goto out;
    bool unicode = flags_have(f, 'u') || flags_have(f, 'v');
    if (!flags_have(f, 'y')) {
        EnValue *hf = en_handle(cx, en_string_value(f));
        EnString *y = en_str_from_cstr(cx, "y");
        if (!y) goto out;
        f = en_str_concat(cx, en_as_string(*hf), y);
        if (!f) goto out;
    }
    EnValue *argv = en_handle(cx, *hrx);
    en_handle(cx, en_string_value(f));
    EnValue splitter = en_construct(cx, *hc, 2, argv, *hc);
    if (en_is_exception(splitter)) goto out;
    EnValue *hsp = en_handle(cx, splitter);
    EnObject *arr = en_array_new(cx, 0);
    if (!arr) goto out;
    EnValue *ha = en_handle(cx, en_object_value(arr));
    uint32_t lim = 0xFFFFFFFFu;
    if (!en_is_undefined(*hlimit) && !en_to_uint32(cx, *hlimit, &lim)) goto out;
    if (lim == 0) {
        res = *ha;
        goto out;
    }
    if (en_same_value(*hc, en_object_value(en_intrinsic(cx, EN_INTRINSIC_RegExp))) &&
        en_regexp_pristine(cx, *hsp)) {
        res = fast_split(cx, hsp, hs_, lim);
        goto out;
    }
    uint32_t size = en_str_length(en_as_string(*hs_));
    if (size == 0) {
        EnValue z = en_regexp_exec(cx, *hsp, *hs_);
        if (en_is_exception(z)) goto out;
        if (en_is_null(z) && !en_array_push(cx, en_as_object(*ha), *hs_)) goto out;
        res = *ha;
        goto out;
    }
    uint32_t p = 0, q = 0, len = 0;
    while (q < size) {
        EnHandleScope is;
        en_handle_scope_open(cx, &is);
        if (!en_regexp_set_last_index(cx, *hsp, q)) goto fail_inner;
        EnValue z = en_regexp_exec(cx, *hsp, *hs_);
        if (en_is_exception(z)) goto fail_inner;
        if (en_is_null(z)) {
            q = (uint32_t)en_regexp_advance(en_as_string(*hs_), q, unicode);
            en_handle_scope_close(&is);
            continue;
        }
        EnValue *hz = en_handle(cx, z);
        uint64_t e;
        if (!en_regexp_get_last_index(cx, *hsp, &e)) goto fail_inner;
        if (e > size) e = size;
        if (e == p) {
            q = (uint32_t)en_regexp_advance(en_as_string(*hs_), q, unicode);
            en_handle_scope_close(&is);
            continue;
        }
        {
            EnString *t = en_str_substring(cx, en_as_string(*hs_), p, q);
            if (!t || !en_array_push(cx, en_as_object(*ha), en_string_value(t))) goto fail_inner;
            if (++len == lim) {
                en_handle_scope_close(&is);
                res = *ha;
                goto out;
            }
            p = (uint32_t)e;
            uint64_t zl;
            if (!en_length_of_array_like(cx, *hz, &zl)) goto fail_inner;
            uint64_t ncap = zl > 0 ? zl - 1 : 0;
            for (uint64_t i = 1; i <= ncap; i++) {
                EnValue cv = en_get_index(cx, *hz, (uint32_t)i);
                if (en_is_exception(cv) || !en_array_push(cx, en_as_object(*ha), cv)) goto fail_inner;
                if (++len == lim) {
                    en_handle_scope_close(&is);
                    res = *ha;
                    goto out;
                }
            }
            q = p;
        }
        en_handle_scope_close(&is);
        continue;
    fail_inner:
        en_handle_scope_close(&is);
        goto out;
    }
    {
        EnString *t = en_str_substring(cx, en_as_string(*hs_), p, size);
        if (!t || !en_array_push(cx, en_as_object(*ha), en_string_value(t))) goto out;
    }
    res = *ha;
out:
    return en_handle_scope_escape(&hs, res);
}

// --- @@matchAll and the iterator ------------------------------------------------------

typedef struct EnRegExpStringIterator {
    EnObject base;
    EnValue regexp;
    EnValue string;
    bool global, unicode, done;
} EnRegExpStringIterator;

static void rsi_trace(EnGCTracer *t, EnObject *o) {
    EnRegExpStringIterator *it = (EnRegExpStringIterator *)o;
    en_gc_mark_value(t, it->regexp);
    en_gc_mark_value(t, it->string);
}

static const EnClass rsi_class = {"RegExp String Iterator", sizeof(EnRegExpStringIterator), NULL, rsi_trace,
                                  NULL};

static EnValue sym_match_all(EnContext *cx, const EnArgs *a) {
    if (en_is_exception(require_object(cx, a->this_val, "Symbol.matchAll"))) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hrx = en_handle(cx, a->this_val);
    EnString *s = en_to_string(cx, en_arg(a, 0));
    if (!s) goto out;
    EnValue *hs_ = en_handle(cx, en_string_value(s));
    EnValue c = en_species_constructor(cx, en_as_object(*hrx), EN_INTRINSIC_RegExp);
    if (en_is_exception(c)) goto out;
    EnValue *hc = en_handle(cx, c);
    EnString *f = en_regexp_flags_string(cx, *hrx);
    if (!f) goto out;
    EnValue *argv = en_handle(cx, *hrx);
    en_handle(cx, en_string_value(f));
    EnValue matcher = en_construct(cx, *hc, 2, argv, *hc);
    if (en_is_exception(matcher)) goto out;
    EnValue *hm = en_handle(cx, matcher);
    uint64_t li;
    if (!en_regexp_get_last_index(cx, *hrx, &li)) goto out;
    if (!en_regexp_set_last_index(cx, *hm, (double)li)) goto out;
    f = en_as_string(argv[1]);
    bool global = flags_have(f, 'g'), unicode = flags_have(f, 'u') || flags_have(f, 'v');
    EnObject *it = en_obj_new(cx, EN_CLASS_REGEXP_STRING_ITERATOR,
                              en_intrinsic(cx, EN_INTRINSIC_RegExpStringIteratorPrototype), 0);
    if (!it) goto out;
    EnRegExpStringIterator *r = (EnRegExpStringIterator *)it;
    en_store(cx, it, &r->regexp, *hm);
    en_store(cx, it, &r->string, *hs_);
    r->global = global;
    r->unicode = unicode;
    r->done = false;
    res = en_object_value(it);
out:
    return en_handle_scope_escape(&hs, res);
}

static EnValue rsi_next(EnContext *cx, const EnArgs *a) {
    EnValue t = a->this_val;
    if (!en_is_object(t) || en_obj_class(en_as_object(t)) != EN_CLASS_REGEXP_STRING_ITERATOR)
        return en_throw_type_error(cx, "%%RegExpStringIteratorPrototype%%.next called on an incompatible receiver");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hit = en_handle(cx, t);
    EnRegExpStringIterator *it = (EnRegExpStringIterator *)en_as_object(t);
    if (it->done) {
        EnObject *o = en_create_iter_result(cx, EN_UNDEFINED, true);
        res = o ? en_object_value(o) : EN_EXCEPTION;
        goto out;
    }
    EnValue *hr = en_handle(cx, it->regexp);
    EnValue *hs_ = en_handle(cx, it->string);
    EnValue m = en_regexp_exec(cx, *hr, *hs_);
    if (en_is_exception(m)) goto out;
    it = (EnRegExpStringIterator *)en_as_object(*hit);
    if (en_is_null(m)) {
        it->done = true;
        EnObject *o = en_create_iter_result(cx, EN_UNDEFINED, true);
        res = o ? en_object_value(o) : EN_EXCEPTION;
        goto out;
    }
    EnValue *hm = en_handle(cx, m);
    if (it->global) {
        bool unicode = it->unicode;
        EnString *ms = match_string(cx, *hm);
        if (!ms) goto out;
        EnString *fs = en_str_flatten(cx, en_as_string(*hs_));
        if (!fs) goto out;
        if (!advance_if_empty(cx, *hr, ms, fs, unicode)) goto out;
    } else {
        it->done = true;
    }
    EnObject *o = en_create_iter_result(cx, *hm, false);
    res = o ? en_object_value(o) : EN_EXCEPTION;
out:
    return en_handle_scope_escape(&hs, res);
}

bool en_init_regexp_symbols(EnContext *cx, EnObject *proto) {
    en_class_register(EN_CLASS_REGEXP_STRING_ITERATOR, &rsi_class);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnValue *hp = en_handle(cx, en_object_value(proto));
    if (!en_define_method_sym(cx, en_as_object(*hp), EN_SYM_match, "[Symbol.match]", sym_match, 1) ||
        !en_define_method_sym(cx, en_as_object(*hp), EN_SYM_matchAll, "[Symbol.matchAll]", sym_match_all, 1) ||
        !en_define_method_sym(cx, en_as_object(*hp), EN_SYM_replace, "[Symbol.replace]", sym_replace, 2) ||
        !en_define_method_sym(cx, en_as_object(*hp), EN_SYM_search, "[Symbol.search]", sym_search, 1) ||
        !en_define_method_sym(cx, en_as_object(*hp), EN_SYM_split, "[Symbol.split]", sym_split, 2))
        goto out;
    EnObject *ip = en_obj_new(cx, EN_CLASS_OBJECT, en_intrinsic(cx, EN_INTRINSIC_IteratorPrototype), 4);
    if (!ip) goto out;
    cx->intrinsics[EN_INTRINSIC_RegExpStringIteratorPrototype] = ip;
    if (!en_define_method(cx, ip, "next", rsi_next, 0)) goto out;
    if (!en_bi_to_string_tag(cx, en_intrinsic(cx, EN_INTRINSIC_RegExpStringIteratorPrototype),
                             "RegExp String Iterator"))
        goto out;
    ok = true;
out:
    en_handle_scope_close(&hs);
    return ok;
}
