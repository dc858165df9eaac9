// String.prototype.match / matchAll / replace / replaceAll / search / split:
// delegation through @@match, @@matchAll, @@replace, @@search and @@split
// when the argument has them, the string-pattern paths otherwise, and
// GetSubstitution (shared with RegExp.prototype[@@replace]).
#include <string.h>

#include "bi_string_int.h"

// GetMethod(v, @@sym): *out undefined when absent; TypeError when present
// but not callable.
static bool get_method_sym(EnContext *cx, EnValue v, EnWellKnownSymbol sym, EnValue *out) {
    EnValue m = en_get(cx, v, en_symbol_value(en_well_known_symbol(cx, sym)));
    if (en_is_exception(m)) return false;
    if (en_is_nullish(m)) {
        *out = EN_UNDEFINED;
        return true;
    }
    if (!en_is_callable(m)) {
        en_throw_type_error(cx, "Symbol method of the pattern is not a function");
        return false;
    }
    *out = m;
    return true;
}

// RegExpCreate(pattern, flags) through the %RegExp% constructor with a
// string source (equivalent: RegExpInitialize converts with ToString).
static EnValue regexp_create(EnContext *cx, EnValue pattern, const char *flags) {
    EnObject *re = en_intrinsic(cx, EN_INTRINSIC_RegExp);
    if (!re) return en_throw_type_error(cx, "RegExp is not available in this build yet");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *argv = en_handle(cx, en_string_value(en_str_empty(cx)));
    EnValue *hflags = en_handle(cx, EN_UNDEFINED);
    if (!en_is_undefined(pattern)) {
        EnString *p = en_to_string(cx, pattern);
        if (!p) goto out;
        *argv = en_string_value(p);
    }
    if (flags) {
        EnString *f = en_str_from_cstr(cx, flags);
        if (!f) goto out;
        *hflags = en_string_value(f);
    }
    res = en_construct(cx, en_object_value(en_intrinsic(cx, EN_INTRINSIC_RegExp)), flags ? 2 : 1, argv,
                       en_object_value(en_intrinsic(cx, EN_INTRINSIC_RegExp)));
out:
    return en_handle_scope_escape(&hs, res);
}

// match / search: delegate to the argument's method, or to a new RegExp's.
static EnValue match_like(EnContext *cx, const EnArgs *args, EnWellKnownSymbol sym, const char *name) {
    if (en_is_nullish(args->this_val))
        return en_throw_type_error(cx, "String.prototype.%s called on null or undefined", name);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue rx = en_arg(args, 0);
    if (en_is_object(rx)) {  // primitives never delegate (ES2025)
        EnValue m;
        if (!get_method_sym(cx, rx, sym, &m)) goto out;
        if (!en_is_undefined(m)) {
            EnValue *hm = en_handle(cx, m);
            EnValue *argv = en_handle(cx, args->this_val);
            res = en_call(cx, *hm, rx, 1, argv);
            goto out;
        }
    }
    {
        EnString *s = en_to_string(cx, args->this_val);
        if (!s) goto out;
        EnValue *argv = en_handle(cx, en_string_value(s));
        EnValue re = regexp_create(cx, rx, sym == EN_SYM_matchAll ? "g" : NULL);
        if (en_is_exception(re)) goto out;
        EnValue *hre = en_handle(cx, re);
        res = en_invoke(cx, *hre, en_symbol_value(en_well_known_symbol(cx, sym)), 1, argv);
    }
out:
    return en_handle_scope_escape(&hs, res);
}

EnValue en_bi_string_match(EnContext *cx, const EnArgs *args) {
    return match_like(cx, args, EN_SYM_match, "match");
}

EnValue en_bi_string_search(EnContext *cx, const EnArgs *args) {
    return match_like(cx, args, EN_SYM_search, "search");
}

// A RegExp argument of matchAll / replaceAll must have the g flag.
static bool require_global(EnContext *cx, EnValue rx, const char *name) {
    bool is_re;
    if (!en_bi_is_regexp(cx, rx, &is_re)) return false;
    if (!is_re) return true;
    EnString *fa = en_atom_from_cstr(cx, "flags");
    if (!fa) return false;
    EnValue flags = en_get(cx, rx, en_key_atom(fa));
    if (en_is_exception(flags)) return false;
    if (en_is_nullish(flags)) {
        en_throw_type_error(cx, "RegExp flags are null or undefined");
        return false;
    }
    EnString *fs = en_to_string(cx, flags);
    if (!fs || !(fs = en_str_flatten(cx, fs))) return false;
    for (uint32_t i = 0; i < en_str_length(fs); i++)
        if (en_str_at(fs, i) == 'g') return true;
    en_throw_type_error(cx, "String.prototype.%s called with a non-global RegExp argument", name);
    return false;
}

EnValue en_bi_string_match_all(EnContext *cx, const EnArgs *args) {
    if (en_is_nullish(args->this_val))
        return en_throw_type_error(cx, "String.prototype.matchAll called on null or undefined");
    EnValue rx = en_arg(args, 0);
    if (en_is_object(rx) && !require_global(cx, rx, "matchAll")) return EN_EXCEPTION;
    return match_like(cx, args, EN_SYM_matchAll, "matchAll");
}

// ---------------------------------------------------------------------------
// GetSubstitution.

EnString *en_bi_get_substitution(EnContext *cx, EnString *matched, EnString *str, uint32_t position,
                                 const EnValue *captures, uint32_t ncap, EnValue named,
                                 EnString *repl) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnString *res = NULL;
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    EnValue *hm = en_handle(cx, en_string_value(matched));
    EnValue *hstr = en_handle(cx, en_string_value(str));
    EnValue *hnamed = en_handle(cx, named);
    EnString *r = en_str_flatten(cx, repl);
    if (!r) goto fail;
    EnValue *hr = en_handle(cx, en_string_value(r));
    uint32_t m = en_str_length(en_as_string(*hm)), slen = en_str_length(en_as_string(*hstr));
    uint32_t n = en_str_length(r);
    for (uint32_t i = 0; i < n; i++) {
        r = en_as_string(*hr);
        uint16_t c = en_str_at(r, i);
        if (c != '$' || i + 1 >= n) {
            en_sb_unit(&sb, c);
            continue;
        }
        uint16_t d = en_str_at(r, i + 1);
        if (d == '$') {
            en_sb_unit(&sb, '$');
            i++;
        } else if (d == '&') {
            en_bi_sb_string(&sb, en_as_string(*hm));
            i++;
        } else if (d == '`') {
            EnString *pre = en_str_substring(cx, en_as_string(*hstr), 0, position);
            if (!pre) goto fail;
            en_bi_sb_string(&sb, pre);
            i++;
        } else if (d == '\'') {
            uint32_t tail = position + m < slen ? position + m : slen;
            EnString *post = en_str_substring(cx, en_as_string(*hstr), tail, slen);
            if (!post) goto fail;
            en_bi_sb_string(&sb, post);
            i++;
        } else if (d >= '0' && d <= '9') {
            uint32_t digits = (i + 2 < n && en_str_at(r, i + 2) >= '0' && en_str_at(r, i + 2) <= '9') ? 2 : 1;
            uint32_t index = d - '0';
            if (digits == 2) index = index * 10 + (en_str_at(r, i + 2) - '0');
            if (index > ncap && digits == 2) {
                digits = 1;
                index = d - '0';
            }
            if (index >= 1 && index <= ncap) {
                EnValue cap = captures[index - 1];
                if (!en_is_undefined(cap)) en_bi_sb_string(&sb, en_as_string(cap));
            } else {
                for (uint32_t k = 0; k <= digits; k++) en_sb_unit(&sb, en_str_at(r, i + k));
            }
            i += digits;
        } else if (d == '<') {
            int64_t gt = -1;
            if (!en_is_undefined(*hnamed))
                for (uint32_t k = i + 2; k < n; k++)
                    if (en_str_at(r, k) == '>') {
                        gt = k;
                        break;
                    }
            if (gt < 0) {
                en_sb_ascii(&sb, "$<", 2);
                i++;
                continue;
            }
            EnString *group = en_str_substring(cx, en_as_string(*hr), i + 2, (uint32_t)gt);
            EnKey k;
            if (!group || !en_key_from_value(cx, en_string_value(group), &k)) goto fail;
            EnValue cap = en_get(cx, *hnamed, k);
            if (en_is_exception(cap)) goto fail;
            if (!en_is_undefined(cap)) {
                EnString *cs = en_to_string(cx, cap);
                if (!cs) goto fail;
                en_bi_sb_string(&sb, cs);
            }
            i = (uint32_t)gt;
        } else {
            en_sb_unit(&sb, '$');
        }
    }
    res = en_sb_finish(&sb);
    goto out;
fail:
    en_sb_free(&sb);
out:
    en_handle_scope_close(&hs);
    return res;
}

// ---------------------------------------------------------------------------
// replace / replaceAll.

static EnValue replace_impl(EnContext *cx, const EnArgs *args, bool all) {
    const char *name = all ? "replaceAll" : "replace";
    if (en_is_nullish(args->this_val))
        return en_throw_type_error(cx, "String.prototype.%s called on null or undefined", name);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue search_v = en_arg(args, 0), repl_v = en_arg(args, 1);
    EnValue *hrepl = en_handle(cx, repl_v);
    if (en_is_object(search_v)) {
        if (all && !require_global(cx, search_v, name)) goto out;
        EnValue m;
        if (!get_method_sym(cx, search_v, EN_SYM_replace, &m)) goto out;
        if (!en_is_undefined(m)) {
            EnValue *hm = en_handle(cx, m);
            EnValue *argv = en_handle(cx, args->this_val);
            en_handle(cx, *hrepl);
            res = en_call(cx, *hm, search_v, 2, argv);
            goto out;
        }
    }
    EnValue *hs_, *hsearch;
    EnString *s = en_bi_flat_string(cx, args->this_val, &hs_);
    if (!s) goto out;
    EnString *search = en_bi_flat_string(cx, search_v, &hsearch);
    if (!search) goto out;
    bool functional = en_is_callable(*hrepl);
    if (!functional) {
        EnValue *tmp;
        EnString *rs = en_bi_flat_string(cx, *hrepl, &tmp);
        if (!rs) goto out;
        *hrepl = *tmp;
    }
    s = en_as_string(*hs_);
    search = en_as_string(*hsearch);
    uint32_t slen = en_str_length(s), m = en_str_length(search);
    uint32_t advance = m ? m : 1;
    // Match positions first (replaceAll: all of them, replace: the first).
    uint32_t npos = 0, cap = 0;
    uint32_t *pos = NULL;
    int64_t p = en_bi_str_index_of(s, search, 0);
    while (p >= 0) {
        if (npos == cap) {
            cap = cap ? cap * 2 : 8;
            pos = och_realloc(pos, sizeof(uint32_t) * cap);
        }
        pos[npos++] = (uint32_t)p;
        if (!all) break;
        p = (uint64_t)p + advance <= slen ? en_bi_str_index_of(s, search, (uint32_t)p + advance) : -1;
    }
    if (npos == 0) {
        res = *hs_;
        och_free(pos);
        goto out;
    }
    {
        EnStrBuilder sb;
        en_sb_init(&sb, cx);
        uint32_t end = 0;
        for (uint32_t i = 0; i < npos; i++) {
            if ((i & 0xFF) == 0xFF && !en_poll_interrupt(cx)) goto fail;
            EnString *pre = en_str_substring(cx, en_as_string(*hs_), end, pos[i]);
            if (!pre) goto fail;
            en_bi_sb_string(&sb, pre);
            EnString *rep;
            if (functional) {
                EnValue *argv = en_handle(cx, *hsearch);
                en_handle(cx, en_number(pos[i]));
                en_handle(cx, *hs_);
                EnValue r = en_call(cx, *hrepl, EN_UNDEFINED, 3, argv);
                if (en_is_exception(r)) goto fail;
                rep = en_to_string(cx, r);
            } else {
                rep = en_bi_get_substitution(cx, en_as_string(*hsearch), en_as_string(*hs_), pos[i], NULL, 0,
                                             EN_UNDEFINED, en_as_string(*hrepl));
            }
            if (!rep) goto fail;
            en_bi_sb_string(&sb, rep);
            end = pos[i] + m;
        }
        {
            EnString *post = en_str_substring(cx, en_as_string(*hs_), end, slen);
            if (!post) goto fail;
            en_bi_sb_string(&sb, post);
        }
        och_free(pos);
        {
            EnString *r = en_sb_finish(&sb);
            res = r ? en_string_value(r) : EN_EXCEPTION;
        }
        goto out;
    fail:
        och_free(pos);
        en_sb_free(&sb);
    }
out:
    return en_handle_scope_escape(&hs, res);
}

EnValue en_bi_string_replace(EnContext *cx, const EnArgs *args) { return replace_impl(cx, args, false); }
EnValue en_bi_string_replace_all(EnContext *cx, const EnArgs *args) { return replace_impl(cx, args, true); }

// ---------------------------------------------------------------------------
// split.

EnValue en_bi_string_split(EnContext *cx, const EnArgs *args) {
    if (en_is_nullish(args->this_val))
        return en_throw_type_error(cx, "String.prototype.split called on null or undefined");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue sep_v = en_arg(args, 0), limit_v = en_arg(args, 1);
    if (en_is_object(sep_v)) {
        EnValue m;
        if (!get_method_sym(cx, sep_v, EN_SYM_split, &m)) goto out;
        if (!en_is_undefined(m)) {
            EnValue *hm = en_handle(cx, m);
            EnValue *argv = en_handle(cx, args->this_val);
            en_handle(cx, limit_v);
            res = en_call(cx, *hm, sep_v, 2, argv);
            goto out;
        }
    }
    EnValue *hs_, *hsep;
    EnString *s = en_bi_flat_string(cx, args->this_val, &hs_);
    if (!s) goto out;
    uint32_t lim = 0xFFFFFFFFu;
    if (!en_is_undefined(limit_v) && !en_to_uint32(cx, limit_v, &lim)) goto out;
    EnString *sep = en_bi_flat_string(cx, sep_v, &hsep);
    if (!sep) goto out;
    EnObject *a = en_array_new(cx, 0);
    if (!a) goto out;
    EnValue *ha = en_handle(cx, en_object_value(a));
    if (lim == 0) {
        res = *ha;
        goto out;
    }
    if (en_is_undefined(sep_v)) {
        if (!en_array_push(cx, en_as_object(*ha), *hs_)) goto out;
        res = *ha;
        goto out;
    }
    s = en_as_string(*hs_);
    sep = en_as_string(*hsep);
    uint32_t slen = en_str_length(s), m = en_str_length(sep);
    if (m == 0) {
        // Code units, at most lim of them.
        uint32_t n = slen < lim ? slen : lim;
        for (uint32_t i = 0; i < n; i++) {
            if ((i & 0x3FF) == 0x3FF && !en_poll_interrupt(cx)) goto out;
            EnString *u = en_str_from_unit(cx, en_str_at(en_as_string(*hs_), i));
            if (!u || !en_array_push(cx, en_as_object(*ha), en_string_value(u))) goto out;
        }
        res = *ha;
        goto out;
    }
    if (slen == 0) {
        if (!en_array_push(cx, en_as_object(*ha), *hs_)) goto out;
        res = *ha;
        goto out;
    }
    {
        uint32_t count = 0, p = 0;
        int64_t q = en_bi_str_index_of(en_as_string(*hs_), en_as_string(*hsep), 0);
        while (q >= 0) {
            if ((count & 0xFF) == 0xFF && !en_poll_interrupt(cx)) goto out;
            EnString *t = en_str_substring(cx, en_as_string(*hs_), p, (uint32_t)q);
            if (!t || !en_array_push(cx, en_as_object(*ha), en_string_value(t))) goto out;
            if (++count == lim) {
                res = *ha;
                goto out;
            }
            p = (uint32_t)q + m;
            q = en_bi_str_index_of(en_as_string(*hs_), en_as_string(*hsep), p);
        }
        EnString *t = en_str_substring(cx, en_as_string(*hs_), p, slen);
        if (!t || !en_array_push(cx, en_as_object(*ha), en_string_value(t))) goto out;
        res = *ha;
    }
out:
    return en_handle_scope_escape(&hs, res);
}
