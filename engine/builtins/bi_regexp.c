// Builtin family "regexp": the RegExp constructor (22.2.4), RegExp objects
// ([[RegExpMatcher]] is a shared compiled program, regexp_int.h),
// RegExp.prototype.exec/test/toString/compile and the flag getters,
// RegExp.escape and @@species. The symbol methods (@@match, @@replace...)
// and %RegExpStringIteratorPrototype% are in bi_regexp_symbols.c.
#include <stdio.h>
#include <string.h>

#include "../regexp_int.h"
#include "../vm_int.h"
#include "bi_string_int.h"

static void regexp_trace(EnGCTracer *t, EnObject *o) {
    EnRegExp *r = (EnRegExp *)o;
    en_gc_mark_value(t, r->source);
    en_gc_mark_value(t, r->flags);
}

static void regexp_finalize(EnRuntime *rt, EnObject *o) {
    (void)rt;
    EnRegExp *r = (EnRegExp *)o;
    en_re_prog_release(r->prog);
    r->prog = NULL;
}

static const EnClass regexp_class = {"RegExp", sizeof(EnRegExp), NULL, regexp_trace, regexp_finalize};

EnRegExp *en_regexp_of(EnValue v) {
    if (!en_is_object(v)) return NULL;
    EnObject *o = en_as_object(v);
    if (en_obj_class(o) != EN_CLASS_REGEXP) return NULL;
    EnRegExp *r = (EnRegExp *)o;
    return r->prog ? r : NULL;
}

static EnKey key_last_index(EnContext *cx) { return en_key_atom(en_atom(cx, EN_ATOM_lastIndex)); }

bool en_regexp_get_last_index(EnContext *cx, EnValue r, uint64_t *out) {
    EnValue v = en_get(cx, r, key_last_index(cx));
    if (en_is_exception(v)) return false;
    if (en_is_int32(v)) {
        int32_t i = en_as_int32(v);
        *out = i < 0 ? 0 : (uint64_t)i;
        return true;
    }
    return en_to_length(cx, v, out);
}

bool en_regexp_set_last_index(EnContext *cx, EnValue r, double v) {
    return en_set(cx, r, key_last_index(cx), en_number(v), true);
}

uint64_t en_regexp_advance(const EnString *s, uint64_t index, bool unicode) {
    uint32_t len = en_str_length(s);
    if (!unicode || index + 1 >= len) return index + 1;
    uint16_t a = en_str_at(s, (uint32_t)index), b = en_str_at(s, (uint32_t)index + 1);
    return (a >= 0xD800 && a <= 0xDBFF && b >= 0xDC00 && b <= 0xDFFF) ? index + 2 : index + 1;
}

// --- flags ---------------------------------------------------------------------------

static bool parse_flags(EnContext *cx, EnString *f, uint32_t *out) {
    uint32_t bits = 0, n = en_str_length(f);
    for (uint32_t i = 0; i < n; i++) {
        uint16_t c = en_str_at(f, i);
        uint32_t b = 0;
        switch (c) {
        case 'd': b = PS_RE_FLAG_D; break;
        case 'g': b = PS_RE_FLAG_G; break;
        case 'i': b = PS_RE_FLAG_I; break;
        case 'm': b = PS_RE_FLAG_M; break;
        case 's': b = PS_RE_FLAG_S; break;
        case 'u': b = PS_RE_FLAG_U; break;
        case 'v': b = PS_RE_FLAG_V; break;
        case 'y': b = PS_RE_FLAG_Y; break;
        default: break;
        }
        if (!b || (bits & b)) goto bad;
        bits |= b;
    }
    if ((bits & PS_RE_FLAG_U) && (bits & PS_RE_FLAG_V)) goto bad;
    *out = bits;
    return true;
bad: {
    OchBuf b = {0};
    en_str_to_utf8(cx, f, &b);
    en_throw_syntax_error(cx, "Invalid regular expression flags '%s'", b.data ? b.data : "");
    och_buf_free(&b);
    return false;
}
}

// RegExpInitialize(obj, pattern, flags). obj rooted by the caller.
static EnValue regexp_initialize(EnContext *cx, EnValue obj, EnValue pattern, EnValue flags) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *ho = en_handle(cx, obj);
    EnValue *hf = en_handle(cx, flags);
    EnString *p = en_is_undefined(pattern) ? en_str_empty(cx) : en_to_string(cx, pattern);
    if (!p || !(p = en_str_flatten(cx, p))) goto out;
    EnValue *hp = en_handle(cx, en_string_value(p));
    EnString *f = en_is_undefined(*hf) ? en_str_empty(cx) : en_to_string(cx, *hf);
    if (!f || !(f = en_str_flatten(cx, f))) goto out;
    *hf = en_string_value(f);
    uint32_t bits;
    if (!parse_flags(cx, f, &bits)) goto out;
    EnReProg *prog = en_re_compile(cx, en_as_string(*hp), bits);
    if (!prog) goto out;
    EnRegExp *r = (EnRegExp *)en_as_object(*ho);
    en_re_prog_release(r->prog);
    r->prog = prog;
    en_store(cx, r, &r->source, *hp);
    en_store(cx, r, &r->flags, *hf);
    if (!en_regexp_set_last_index(cx, *ho, 0)) goto out;
    res = *ho;
out:
    return en_handle_scope_escape(&hs, res);
}

// RegExpAlloc(newTarget).
static EnObject *regexp_alloc(EnContext *cx, EnValue new_target) {
    EnObject *proto;
    if (!en_proto_from_ctor(cx, new_target, EN_INTRINSIC_RegExpPrototype, &proto)) return NULL;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hp = en_handle(cx, proto ? en_object_value(proto) : EN_NULL);
    EnObject *o = en_obj_new(cx, EN_CLASS_REGEXP, en_is_null(*hp) ? NULL : en_as_object(*hp), 1);
    if (o) {
        EnRegExp *r = (EnRegExp *)o;
        r->source = EN_UNDEFINED;
        r->flags = EN_UNDEFINED;
        EnValue *ho = en_handle(cx, en_object_value(o));
        if (!en_obj_add_property(cx, o, key_last_index(cx), en_int32(0), EN_PROP_WRITABLE)) o = NULL;
        else o = en_as_object(*ho);
    }
    en_handle_scope_close(&hs);
    return o;
}

static EnValue regexp_ctor(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hpat = en_handle(cx, en_arg(a, 0));
    EnValue *hflags = en_handle(cx, en_arg(a, 1));
    EnValue *hnt = en_handle(cx, a->new_target);
    bool is_re;
    if (!en_bi_is_regexp(cx, *hpat, &is_re)) goto out;
    if (en_is_undefined(*hnt)) {
        *hnt = en_object_value(a->callee);
        if (is_re && en_is_undefined(*hflags)) {
            EnValue c = en_get_atom(cx, *hpat, EN_ATOM_constructor);
            if (en_is_exception(c)) goto out;
            if (en_same_value(c, *hnt)) {
                res = *hpat;
                goto out;
            }
        }
    }
    EnRegExp *src = en_regexp_of(*hpat);
    if (src) {
        EnValue f = en_is_undefined(*hflags) ? src->flags : *hflags;
        *hpat = src->source;
        *hflags = f;
    } else if (is_re) {
        EnString *sa = en_atom_from_cstr(cx, "source");
        if (!sa) goto out;
        EnValue s = en_get(cx, *hpat, en_key_atom(sa));
        if (en_is_exception(s)) goto out;
        if (en_is_undefined(*hflags)) {
            EnString *fa = en_atom_from_cstr(cx, "flags");
            if (!fa) goto out;
            EnValue *hs2 = en_handle(cx, s);
            EnValue f = en_get(cx, *hpat, en_key_atom(fa));
            if (en_is_exception(f)) goto out;
            *hflags = f;
            s = *hs2;
        }
        *hpat = s;
    }
    EnObject *o = regexp_alloc(cx, *hnt);
    if (!o) goto out;
    res = regexp_initialize(cx, en_object_value(o), *hpat, *hflags);
out:
    return en_handle_scope_escape(&hs, res);
}

static EnValue proto_exec(EnContext *cx, const EnArgs *a);

// --- exec ----------------------------------------------------------------------------

static EnValue pair_array(EnContext *cx, int32_t s, int32_t e) {
    EnValue v[2] = {en_int32(s), en_int32(e)};
    EnObject *a = en_array_from_values(cx, v, 2);
    return a ? en_object_value(a) : EN_EXCEPTION;
}

// Builds the match array of RegExpBuiltinExec from the captures.
static EnValue build_result(EnContext *cx, const EnReProg *p, EnValue *hs_, const int32_t *caps, bool indices) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    uint32_t n = p->ngroups;
    EnObject *a = en_array_new(cx, n + 1);
    if (!a) goto out;
    EnValue *ha = en_handle(cx, en_object_value(a));
    if (!en_obj_add_property(cx, en_as_object(*ha), en_key_atom(en_atom(cx, EN_ATOM_index)), en_int32(caps[0]),
                             EN_PROP_DEFAULT))
        goto out;
    if (!en_obj_add_property(cx, en_as_object(*ha), en_key_atom(en_atom(cx, EN_ATOM_input)), *hs_, EN_PROP_DEFAULT))
        goto out;
    EnValue *hgroups = en_handle(cx, EN_UNDEFINED);
    EnValue *hig = en_handle(cx, EN_UNDEFINED);
    if (p->has_names) {
        EnObject *g = en_obj_new(cx, EN_CLASS_OBJECT, NULL, 4);
        if (!g) goto out;
        *hgroups = en_object_value(g);
        if (indices) {
            EnObject *g2 = en_obj_new(cx, EN_CLASS_OBJECT, NULL, 4);
            if (!g2) goto out;
            *hig = en_object_value(g2);
        }
    }
    EnValue *hind = en_handle(cx, EN_UNDEFINED);
    if (indices) {
        EnObject *ia = en_array_new(cx, n + 1);
        if (!ia) goto out;
        *hind = en_object_value(ia);
    }
    // Names already given a matched value (duplicate named groups).
    bool *named_done = NULL;
    if (p->has_names) {
        named_done = och_malloc(n + 1);
        memset(named_done, 0, n + 1);
    }
    for (uint32_t i = 0; i <= n; i++) {
        EnValue v = EN_UNDEFINED, pair = EN_UNDEFINED;
        if (caps[2 * i] >= 0 && caps[2 * i + 1] >= 0) {
            EnString *sub = en_str_substring(cx, en_as_string(*hs_), (uint32_t)caps[2 * i], (uint32_t)caps[2 * i + 1]);
            if (!sub) goto fail;
            v = en_string_value(sub);
        }
        EnValue *hv = en_handle(cx, v);
        if (!en_array_push(cx, en_as_object(*ha), *hv)) goto fail;
        EnValue *hpair = en_handle(cx, EN_UNDEFINED);
        if (indices) {
            if (!en_is_undefined(*hv)) {
                pair = pair_array(cx, caps[2 * i], caps[2 * i + 1]);
                if (en_is_exception(pair)) goto fail;
                *hpair = pair;
            }
            if (!en_array_push(cx, en_as_object(*hind), *hpair)) goto fail;
        }
        if (i > 0 && p->names[i]) {
            // The first group with this name that matched wins; later
            // unmatched namesakes do not overwrite it.
            bool done = false;
            for (uint32_t j = 1; j < i; j++)
                if (p->names[j] && named_done[j] && strcmp(p->names[j], p->names[i]) == 0) done = true;
            if (done) continue;
            if (!en_is_undefined(*hv)) named_done[i] = true;
            EnString *nm = en_atom_from_utf8(cx, p->names[i], strlen(p->names[i]));
            if (!nm) goto fail;
            EnValue *hn = en_handle(cx, en_string_value(nm));
            if (!en_create_data_property_or_throw(cx, en_as_object(*hgroups), en_key_atom(en_as_string(*hn)), *hv))
                goto fail;
            if (indices &&
                !en_create_data_property_or_throw(cx, en_as_object(*hig), en_key_atom(en_as_string(*hn)), *hpair))
                goto fail;
        }
    }
    och_free(named_done);
    named_done = NULL;
    if (!en_obj_add_property(cx, en_as_object(*ha), en_key_atom(en_atom(cx, EN_ATOM_groups)), *hgroups,
                             EN_PROP_DEFAULT))
        goto out;
    if (indices) {
        if (!en_create_data_property_or_throw(cx, en_as_object(*hind), en_key_atom(en_atom(cx, EN_ATOM_groups)),
                                              *hig))
            goto out;
        EnString *ik = en_atom_from_cstr(cx, "indices");
        if (!ik || !en_create_data_property_or_throw(cx, en_as_object(*ha), en_key_atom(ik), *hind)) goto out;
    }
    res = *ha;
    goto out;
fail:
    och_free(named_done);
out:
    return en_handle_scope_escape(&hs, res);
}

// RegExpBuiltinExec(R, S): R is a RegExp with a matcher, S a rooted string.
static EnValue builtin_exec(EnContext *cx, EnValue r, EnValue s) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hr = en_handle(cx, r);
    EnString *str = en_str_flatten(cx, en_as_string(s));
    if (!str) goto out;
    EnValue *hs_ = en_handle(cx, en_string_value(str));
    uint64_t last;
    if (!en_regexp_get_last_index(cx, *hr, &last)) goto out;
    EnRegExp *re = (EnRegExp *)en_as_object(*hr);
    EnReProg *p = re->prog;
    bool global = (p->flags & PS_RE_FLAG_G) != 0, sticky = (p->flags & PS_RE_FLAG_Y) != 0;
    bool indices = (p->flags & PS_RE_FLAG_D) != 0;
    if (!global && !sticky) last = 0;
    str = en_as_string(*hs_);
    if (last > en_str_length(str)) {
        if (global || sticky) {
            if (!en_regexp_set_last_index(cx, *hr, 0)) goto out;
        }
        res = EN_NULL;
        goto out;
    }
    int32_t caps_inline[32];
    size_t ncaps = 2 * ((size_t)p->ngroups + 1);
    int32_t *caps = ncaps <= 32 ? caps_inline : och_malloc(sizeof(int32_t) * ncaps);
    en_re_prog_retain(p);  // the object may be recompiled by a getter below
    int m = en_re_exec(cx, p, str, (uint32_t)last, sticky, caps);
    if (m == EN_RE_FAILED) goto done;
    if (m == EN_RE_NOMATCH) {
        if ((global || sticky) && !en_regexp_set_last_index(cx, *hr, 0)) goto done;
        res = EN_NULL;
        goto done;
    }
    if ((global || sticky) && !en_regexp_set_last_index(cx, *hr, caps[1])) goto done;
    res = build_result(cx, p, hs_, caps, indices);
done:
    en_re_prog_release(p);
    if (caps != caps_inline) och_free(caps);
out:
    return en_handle_scope_escape(&hs, res);
}

EnValue en_regexp_exec(EnContext *cx, EnValue r, EnValue s) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hr = en_handle(cx, r);
    EnValue *hs_ = en_handle(cx, s);
    EnString *ea = en_atom_from_cstr(cx, "exec");
    if (!ea) goto out;
    EnValue exec = en_get(cx, *hr, en_key_atom(ea));
    if (en_is_exception(exec)) goto out;
    if (en_is_callable(exec)) {
        EnValue *he = en_handle(cx, exec);
        res = en_call(cx, *he, *hr, 1, hs_);
        if (en_is_exception(res)) goto out;
        if (!en_is_object(res) && !en_is_null(res)) {
            res = en_throw_type_error(cx, "RegExp exec method returned something other than an Object or null");
        }
        goto out;
    }
    if (!en_regexp_of(*hr)) {
        res = en_throw_type_error(cx, "RegExp.prototype.exec called on an incompatible receiver");
        goto out;
    }
    res = builtin_exec(cx, *hr, *hs_);
out:
    return en_handle_scope_escape(&hs, res);
}

static EnValue proto_exec(EnContext *cx, const EnArgs *a) {
    if (!en_regexp_of(a->this_val))
        return en_throw_type_error(cx, "RegExp.prototype.exec called on an incompatible receiver");
    EnString *s = en_to_string(cx, en_arg(a, 0));
    if (!s) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *h = en_handle(cx, en_string_value(s));
    EnValue res = builtin_exec(cx, a->this_val, *h);
    return en_handle_scope_escape(&hs, res);
}

EnRegExp *en_regexp_pristine(EnContext *cx, EnValue rx) {
    EnRegExp *r = en_regexp_of(rx);
    if (!r) return NULL;
    EnObject *o = &r->base;
    EnObject *proto = en_intrinsic(cx, EN_INTRINSIC_RegExpPrototype);
    if (o->shape->proto != proto) return NULL;
    uint32_t slot;
    uint8_t attrs;
    if (!en_shape_lookup(o->shape, key_last_index(cx), &slot, &attrs) || (attrs & EN_PROP_ACCESSOR) ||
        !(attrs & EN_PROP_WRITABLE))
        return NULL;
    EnValue li = *en_obj_slot_ref(o, slot);
    if (!en_is_number(li)) return NULL;
    EnString *ea = en_atom_from_cstr(cx, "exec");
    if (!ea) return NULL;  // heap limit: termination is pending either way
    if (en_shape_lookup(o->shape, en_key_atom(ea), &slot, &attrs)) return NULL;
    if (!en_shape_lookup(proto->shape, en_key_atom(ea), &slot, &attrs) || (attrs & EN_PROP_ACCESSOR)) return NULL;
    EnValue f = *en_obj_slot_ref(proto, slot);
    if (!en_is_object(f) || en_obj_class(en_as_object(f)) != EN_CLASS_NATIVE_FUNCTION ||
        ((EnNativeFunction *)en_as_object(f))->fn != proto_exec)
        return NULL;
    return (EnRegExp *)en_as_object(rx);
}

static EnValue proto_test(EnContext *cx, const EnArgs *a) {
    if (!en_is_object(a->this_val))
        return en_throw_type_error(cx, "RegExp.prototype.test called on a non-object");
    EnString *s = en_to_string(cx, en_arg(a, 0));
    if (!s) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *h = en_handle(cx, en_string_value(s));
    EnValue r = en_regexp_exec(cx, a->this_val, *h);
    en_handle_scope_close(&hs);
    if (en_is_exception(r)) return r;
    return en_bool(!en_is_null(r));
}

// --- accessors -----------------------------------------------------------------------

// The realm of a builtin function: the context whose %Function.prototype%
// is its prototype (the getters' special case is for their own realm's
// %RegExp.prototype% only).
static EnContext *callee_realm(EnContext *cx, const EnObject *callee) {
    EnObject *fp = callee ? callee->shape->proto : NULL;
    for (EnContext *c = cx->rt->contexts; c; c = c->next)
        if (c->intrinsics[EN_INTRINSIC_FunctionPrototype] == fp) return c;
    return cx;
}

// TypeError of the getter's own realm.
static EnValue realm_type_error(EnContext *cx, const EnArgs *a, const char *name) {
    char buf[128];
    snprintf(buf, sizeof buf, "RegExp.prototype.%s getter called on an incompatible receiver", name);
    EnString *m = en_str_from_cstr(cx, buf);
    if (!m) return EN_EXCEPTION;
    EnObject *e = en_error_new(callee_realm(cx, a->callee), EN_INTRINSIC_TypeErrorPrototype, m);
    return e ? en_throw(cx, en_object_value(e)) : EN_EXCEPTION;
}

static EnValue flag_getter(EnContext *cx, const EnArgs *a, uint32_t bit, const char *name) {
    if (!en_is_object(a->this_val))
        return en_throw_type_error(cx, "RegExp.prototype.%s getter called on a non-object", name);
    EnObject *o = en_as_object(a->this_val);
    if (en_obj_class(o) != EN_CLASS_REGEXP || !((EnRegExp *)o)->prog) {
        if (o == en_intrinsic(callee_realm(cx, a->callee), EN_INTRINSIC_RegExpPrototype)) return EN_UNDEFINED;
        return realm_type_error(cx, a, name);
    }
    return en_bool((((EnRegExp *)o)->prog->flags & bit) != 0);
}

#define FLAG_GETTER(fn, bit, name) \
    static EnValue fn(EnContext *cx, const EnArgs *a) { return flag_getter(cx, a, bit, name); }
FLAG_GETTER(get_has_indices, PS_RE_FLAG_D, "hasIndices")
FLAG_GETTER(get_global, PS_RE_FLAG_G, "global")
FLAG_GETTER(get_ignore_case, PS_RE_FLAG_I, "ignoreCase")
FLAG_GETTER(get_multiline, PS_RE_FLAG_M, "multiline")
FLAG_GETTER(get_dot_all, PS_RE_FLAG_S, "dotAll")
FLAG_GETTER(get_unicode, PS_RE_FLAG_U, "unicode")
FLAG_GETTER(get_unicode_sets, PS_RE_FLAG_V, "unicodeSets")
FLAG_GETTER(get_sticky, PS_RE_FLAG_Y, "sticky")

static EnValue get_flags(EnContext *cx, const EnArgs *a) {
    if (!en_is_object(a->this_val))
        return en_throw_type_error(cx, "RegExp.prototype.flags getter called on a non-object");
    static const struct {
        const char *name;
        char c;
    } fl[] = {{"hasIndices", 'd'}, {"global", 'g'},  {"ignoreCase", 'i'},  {"multiline", 'm'},
              {"dotAll", 's'},     {"unicode", 'u'}, {"unicodeSets", 'v'}, {"sticky", 'y'}};
    char buf[9];
    int k = 0;
    for (size_t i = 0; i < sizeof fl / sizeof fl[0]; i++) {
        EnString *nm = en_atom_from_cstr(cx, fl[i].name);
        if (!nm) return EN_EXCEPTION;
        EnValue v = en_get(cx, a->this_val, en_key_atom(nm));
        if (en_is_exception(v)) return v;
        if (en_to_boolean(v)) buf[k++] = fl[i].c;
    }
    return en_bi_ascii(cx, buf, (size_t)k);
}

EnString *en_regexp_flags_string(EnContext *cx, EnValue r) {
    EnString *fa = en_atom_from_cstr(cx, "flags");
    if (!fa) return NULL;
    EnValue f = en_get(cx, r, en_key_atom(fa));
    if (en_is_exception(f)) return NULL;
    EnString *s = en_to_string(cx, f);
    return s ? en_str_flatten(cx, s) : NULL;
}

// EscapeRegExpPattern: `/`, line terminators escaped; "(?:)" for empty.
static EnValue escape_source(EnContext *cx, EnString *src) {
    uint32_t n = en_str_length(src);
    if (n == 0) return en_bi_ascii(cx, "(?:)", 4);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *h = en_handle(cx, en_string_value(src));
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    bool in_class = false;
    for (uint32_t i = 0; i < n; i++) {
        uint16_t c = en_str_at(en_as_string(*h), i);
        if (c == '\\' && i + 1 < n) {
            uint16_t d = en_str_at(en_as_string(*h), i + 1);
            en_sb_unit(&sb, '\\');
            i++;
            if (d == '\n') en_sb_unit(&sb, 'n');
            else if (d == '\r') en_sb_unit(&sb, 'r');
            else if (d == 0x2028) en_sb_ascii(&sb, "u2028", 5);
            else if (d == 0x2029) en_sb_ascii(&sb, "u2029", 5);
            else en_sb_unit(&sb, d);
            continue;
        }
        if (c == '[') in_class = true;
        else if (c == ']') in_class = false;
        if (c == '/' && !in_class) en_sb_ascii(&sb, "\\/", 2);
        else if (c == '\n') en_sb_ascii(&sb, "\\n", 2);
        else if (c == '\r') en_sb_ascii(&sb, "\\r", 2);
        else if (c == 0x2028) en_sb_ascii(&sb, "\\u2028", 6);
        else if (c == 0x2029) en_sb_ascii(&sb, "\\u2029", 6);
        else en_sb_unit(&sb, c);
    }
    EnString *r = en_sb_finish(&sb);
    en_handle_scope_close(&hs);
    return r ? en_string_value(r) : EN_EXCEPTION;
}

static EnValue get_source(EnContext *cx, const EnArgs *a) {
    if (!en_is_object(a->this_val))
        return en_throw_type_error(cx, "RegExp.prototype.source getter called on a non-object");
    EnObject *o = en_as_object(a->this_val);
    if (en_obj_class(o) != EN_CLASS_REGEXP || !((EnRegExp *)o)->prog) {
        if (o == en_intrinsic(callee_realm(cx, a->callee), EN_INTRINSIC_RegExpPrototype))
            return en_bi_ascii(cx, "(?:)", 4);
        return realm_type_error(cx, a, "source");
    }
    return escape_source(cx, en_as_string(((EnRegExp *)o)->source));
}

static EnValue proto_to_string(EnContext *cx, const EnArgs *a) {
    if (!en_is_object(a->this_val))
        return en_throw_type_error(cx, "RegExp.prototype.toString called on a non-object");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnString *sa = en_atom_from_cstr(cx, "source");
    if (!sa) goto out;
    EnValue s = en_get(cx, a->this_val, en_key_atom(sa));
    if (en_is_exception(s)) goto out;
    EnString *ss = en_to_string(cx, s);
    if (!ss) goto out;
    EnValue *hsrc = en_handle(cx, en_string_value(ss));
    EnString *fs = en_regexp_flags_string(cx, a->this_val);
    if (!fs) goto out;
    EnValue *hfl = en_handle(cx, en_string_value(fs));
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    en_sb_unit(&sb, '/');
    en_bi_sb_string(&sb, en_as_string(*hsrc));
    en_sb_unit(&sb, '/');
    en_bi_sb_string(&sb, en_as_string(*hfl));
    EnString *r = en_sb_finish(&sb);
    if (r) res = en_string_value(r);
out:
    return en_handle_scope_escape(&hs, res);
}

// Annex B RegExp.prototype.compile(pattern, flags).
static EnValue proto_compile(EnContext *cx, const EnArgs *a) {
    if (!en_regexp_of(a->this_val))
        return en_throw_type_error(cx, "RegExp.prototype.compile called on an incompatible receiver");
    EnValue pat = en_arg(a, 0), flags = en_arg(a, 1);
    EnRegExp *src = en_regexp_of(pat);
    if (src) {
        if (!en_is_undefined(flags))
            return en_throw_type_error(cx, "RegExp.prototype.compile: flags must be undefined with a RegExp pattern");
        pat = src->source;
        flags = src->flags;
    }
    return regexp_initialize(cx, a->this_val, pat, flags);
}

static EnValue get_species(EnContext *cx, const EnArgs *a) {
    (void)cx;
    return a->this_val;
}

// RegExp.escape(S) (ES2025).
static EnValue regexp_escape(EnContext *cx, const EnArgs *a) {
    EnValue v = en_arg(a, 0);
    if (!en_is_string(v)) return en_throw_type_error(cx, "RegExp.escape requires a string");
    EnString *s = en_str_flatten(cx, en_as_string(v));
    if (!s) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *h = en_handle(cx, en_string_value(s));
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    uint32_t n = en_str_length(s);
    static const char hexd[] = "0123456789abcdef";
    for (uint32_t i = 0; i < n; i++) {
        s = en_as_string(*h);
        uint32_t c = en_str_at(s, i);
        bool pair = c >= 0xD800 && c <= 0xDBFF && i + 1 < n && en_str_at(s, i + 1) >= 0xDC00 &&
                    en_str_at(s, i + 1) <= 0xDFFF;
        if (pair) {
            en_sb_unit(&sb, (uint16_t)c);
            en_sb_unit(&sb, en_str_at(s, ++i));
            continue;
        }
        if (i == 0 && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            char b[4] = {'\\', 'x', hexd[c >> 4], hexd[c & 15]};
            en_sb_ascii(&sb, b, 4);
            continue;
        }
        if (c < 128 && strchr("^$\\.*+?()[]{}|/", (int)c) && c) {
            en_sb_unit(&sb, '\\');
            en_sb_unit(&sb, (uint16_t)c);
            continue;
        }
        const char *ctl = c == 9 ? "\\t" : c == 10 ? "\\n" : c == 11 ? "\\v" : c == 12 ? "\\f" : c == 13 ? "\\r" : NULL;
        if (ctl) {
            en_sb_ascii(&sb, ctl, 2);
            continue;
        }
        bool other = (c < 128 && c && strchr(",-=<>#&!%:;@~'`\"", (int)c)) || ps_is_js_whitespace(c) ||
                     c == 10 || c == 13 || c == 0x2028 || c == 0x2029 || (c >= 0xD800 && c <= 0xDFFF);
        if (other) {
            if (c <= 0xFF) {
                char b[4] = {'\\', 'x', hexd[c >> 4], hexd[c & 15]};
                en_sb_ascii(&sb, b, 4);
            } else {
                char b[6] = {'\\', 'u', hexd[c >> 12], hexd[(c >> 8) & 15], hexd[(c >> 4) & 15], hexd[c & 15]};
                en_sb_ascii(&sb, b, 6);
            }
            continue;
        }
        en_sb_unit(&sb, (uint16_t)c);
    }
    EnString *r = en_sb_finish(&sb);
    en_handle_scope_close(&hs);
    return r ? en_string_value(r) : EN_EXCEPTION;
}

bool en_init_regexp(EnContext *cx) {
    en_class_register(EN_CLASS_REGEXP, &regexp_class);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *proto = en_obj_new_plain(cx);
    if (!proto) goto out;
    EnValue *hp = en_handle(cx, en_object_value(proto));
    EnObject *ctor = en_define_class(cx, "RegExp", regexp_ctor, 2, proto, EN_INTRINSIC_RegExp,
                                     EN_INTRINSIC_RegExpPrototype);
    if (!ctor) goto out;
    EnValue *hc = en_handle(cx, en_object_value(ctor));
    static const EnBiMethod methods[] = {
        {"exec", proto_exec, 1},
        {"test", proto_test, 1},
        {"toString", proto_to_string, 0},
        {"compile", proto_compile, 2},
    };
    if (!en_bi_methods(cx, en_as_object(*hp), methods, sizeof methods / sizeof methods[0])) goto out;
    static const struct {
        const char *name;
        EnNativeFn fn;
    } getters[] = {{"dotAll", get_dot_all},         {"flags", get_flags},   {"global", get_global},
                   {"hasIndices", get_has_indices}, {"ignoreCase", get_ignore_case},
                   {"multiline", get_multiline},    {"source", get_source}, {"sticky", get_sticky},
                   {"unicode", get_unicode},        {"unicodeSets", get_unicode_sets}};
    for (size_t i = 0; i < sizeof getters / sizeof getters[0]; i++) {
        EnString *nm = en_atom_from_cstr(cx, getters[i].name);
        if (!nm || !en_define_getter(cx, en_as_object(*hp), en_key_atom(nm), getters[i].fn, NULL)) goto out;
    }
    if (!en_define_getter(cx, en_as_object(*hc), en_symbol_value(en_well_known_symbol(cx, EN_SYM_species)),
                          get_species, NULL))
        goto out;
    if (!en_define_method(cx, en_as_object(*hc), "escape", regexp_escape, 1)) goto out;
    if (!en_init_regexp_symbols(cx, en_as_object(*hp))) goto out;
    ok = true;
out:
    en_handle_scope_close(&hs);
    return ok;
}
