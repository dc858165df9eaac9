// Builtin family "date": the Date constructor, Date.now/parse/UTC and the
// prototype (ES2025 §21.4, Annex B getYear/setYear/toGMTString).
//
// Date objects (class DATE) hold their [[DateValue]] as a double. The
// arithmetic, local time, parsing and formatting live in date_*.c
// (date_int.h). Getters, setters and the to*String family are each one
// native whose variant (field, UTC or local, format) sits in slot 0.
// toLocale*String have no Intl to call: they format like their non-locale
// forms, as other Intl-less engines do.
#include <math.h>

#include "../date_int.h"
#include "bi_array_int.h"

#define ARG(i) en_arg(a, i)

typedef struct EnDate {
    EnObject base;
    double value;  // time value; NaN = invalid
} EnDate;

static const EnClass date_class = {"Date", sizeof(EnDate), NULL, NULL, NULL};

static int magic(const EnArgs *a) { return en_as_int32(*en_native_slot(a->callee, 0)); }

static bool this_time(EnContext *cx, EnValue v, double *out) {
    if (en_is_object(v) && en_obj_class(en_as_object(v)) == EN_CLASS_DATE) {
        *out = ((EnDate *)en_as_object(v))->value;
        return true;
    }
    en_throw_type_error(cx, "this is not a Date object.");
    return false;
}

static EnValue ascii_value(EnContext *cx, const char *s, size_t n) {
    EnString *str = en_str_from_latin1(cx, (const uint8_t *)s, n);
    return str ? en_string_value(str) : EN_EXCEPTION;
}

// Date.parse of a string value.
static double parse_string(EnContext *cx, EnString *s, bool *ok) {
    *ok = false;
    s = en_str_flatten(cx, s);
    if (!s) return NAN;
    *ok = true;
    uint32_t n = en_str_length(s);
    char small[128];
    char *buf = n <= sizeof small ? small : och_malloc(n);
    for (uint32_t i = 0; i < n; i++) {
        uint16_t u = en_str_at(s, i);
        buf[i] = u < 128 ? (char)u : '?';
    }
    double t = en_date_parse(buf, n);
    if (buf != small) och_free(buf);
    return t;
}

// ---------------------------------------------------------------------------
// Constructor and statics.

static EnValue date_ctor(EnContext *cx, const EnArgs *a) {
    if (en_is_undefined(a->new_target)) {
        char buf[EN_DATE_BUF];
        size_t n = en_date_format(en_date_now(), EN_DATE_FMT_FULL, buf);
        return ascii_value(cx, buf, n);
    }
    double tv;
    if (a->argc == 0) {
        tv = en_date_now();
    } else if (a->argc == 1) {
        EnValue v = ARG(0);
        if (en_is_object(v) && en_obj_class(en_as_object(v)) == EN_CLASS_DATE) {
            tv = ((EnDate *)en_as_object(v))->value;
        } else {
            v = en_to_primitive(cx, v, EN_HINT_DEFAULT);
            if (v == EN_EXCEPTION) return EN_EXCEPTION;
            if (en_is_string(v)) {
                bool ok;
                tv = parse_string(cx, en_as_string(v), &ok);
                if (!ok) return EN_EXCEPTION;
            } else if (!en_to_number(cx, v, &tv)) {
                return EN_EXCEPTION;
            }
        }
        tv = en_date_time_clip(tv);
    } else {
        double f[7] = {0, 0, 1, 0, 0, 0, 0};
        for (uint32_t i = 0; i < 7 && i < a->argc; i++)
            if (!en_to_number(cx, a->argv[i], &f[i])) return EN_EXCEPTION;
        double yr = en_date_make_full_year(f[0]);
        double d = en_date_make_date(en_date_make_day(yr, f[1], f[2]), en_date_make_time(f[3], f[4], f[5], f[6]));
        tv = en_date_time_clip(en_date_utc(d));
    }
    EnObject *proto;
    if (!en_proto_from_ctor(cx, a->new_target, EN_INTRINSIC_DatePrototype, &proto)) return EN_EXCEPTION;
    EnObject *o = en_obj_new(cx, EN_CLASS_DATE, proto, 0);
    if (!o) return EN_EXCEPTION;
    ((EnDate *)o)->value = tv;
    return en_object_value(o);
}

static EnValue date_now(EnContext *cx, const EnArgs *a) {
    (void)cx, (void)a;
    return en_number(en_date_now());
}

static EnValue date_parse(EnContext *cx, const EnArgs *a) {
    EnString *s = en_to_string(cx, ARG(0));
    if (!s) return EN_EXCEPTION;
    bool ok;
    double t = parse_string(cx, s, &ok);
    return ok ? en_number(t) : EN_EXCEPTION;
}

static EnValue date_utc(EnContext *cx, const EnArgs *a) {
    double f[7] = {NAN, 0, 1, 0, 0, 0, 0};
    for (uint32_t i = 0; i < 7 && (i < a->argc || i == 0); i++)
        if (!en_to_number(cx, ARG(i), &f[i])) return EN_EXCEPTION;
    double yr = en_date_make_full_year(f[0]);
    double d = en_date_make_date(en_date_make_day(yr, f[1], f[2]), en_date_make_time(f[3], f[4], f[5], f[6]));
    return en_number(en_date_time_clip(d));
}

// ---------------------------------------------------------------------------
// Getters: slot 0 = field | UTC flag.

enum { F_MS, F_SEC, F_MIN, F_HOUR, F_DATE, F_MONTH, F_YEAR, F_DAY, F_TIME, F_TZ_OFFSET, F_YEAR_B };
#define UTC_FLAG 0x100

static EnValue date_get(EnContext *cx, const EnArgs *a) {
    double t;
    if (!this_time(cx, a->this_val, &t)) return EN_EXCEPTION;
    int m = magic(a), field = m & 0xFF;
    if (t != t) return en_double(NAN);
    if (field == F_TIME) return en_number(t);
    if (field == F_TZ_OFFSET) return en_number((t - en_date_local_time(t)) / 60000.0);
    if (!(m & UTC_FLAG)) t = en_date_local_time(t);
    switch (field) {
    case F_MS: return en_int32(en_date_ms(t));
    case F_SEC: return en_int32(en_date_sec(t));
    case F_MIN: return en_int32(en_date_min(t));
    case F_HOUR: return en_int32(en_date_hour(t));
    case F_DATE: return en_int32(en_date_date_from_time(t));
    case F_MONTH: return en_int32(en_date_month_from_time(t));
    case F_YEAR: return en_number(en_date_year_from_time(t));
    case F_YEAR_B: return en_number(en_date_year_from_time(t) - 1900);
    case F_DAY: return en_int32(en_date_week_day(t));
    default: return en_double(NAN);
    }
}

// ---------------------------------------------------------------------------
// Setters: slot 0 = first field | (max args << 4) | UTC flag.

static EnValue set_value(EnValue this_val, double v) {
    ((EnDate *)en_as_object(this_val))->value = v;
    return en_number(v);
}

static EnValue date_set(EnContext *cx, const EnArgs *a) {
    double t;
    if (!this_time(cx, a->this_val, &t)) return EN_EXCEPTION;
    int m = magic(a), first = m & 0xF, maxargs = (m >> 4) & 0xF;
    bool utc = (m & UTC_FLAG) != 0;
    // [F_MS .. F_YEAR]; NaN marks "not given".
    double f[7];
    bool given[7] = {false};
    uint32_t n = a->argc < (uint32_t)maxargs ? a->argc : (uint32_t)maxargs;
    if (n == 0) n = 1;  // the first argument is always converted (undefined -> NaN)
    for (uint32_t i = 0; i < n; i++) {
        if (!en_to_number(cx, ARG(i), &f[first - (int)i])) return EN_EXCEPTION;
        given[first - (int)i] = true;
    }
    if (t != t) {
        if (first != F_YEAR) return en_double(NAN);
        t = 0;
    } else if (!utc) {
        t = en_date_local_time(t);
    }
    double cur[7] = {en_date_ms(t), en_date_sec(t), en_date_min(t), en_date_hour(t),
                     en_date_date_from_time(t), en_date_month_from_time(t), en_date_year_from_time(t)};
    for (int i = 0; i < 7; i++)
        if (!given[i]) f[i] = cur[i];
    double d = en_date_make_date(en_date_make_day(f[F_YEAR], f[F_MONTH], f[F_DATE]),
                                 en_date_make_time(f[F_HOUR], f[F_MIN], f[F_SEC], f[F_MS]));
    return set_value(a->this_val, en_date_time_clip(utc ? d : en_date_utc(d)));
}

static EnValue date_set_time(EnContext *cx, const EnArgs *a) {
    double t, v;
    if (!this_time(cx, a->this_val, &t) || !en_to_number(cx, ARG(0), &v)) return EN_EXCEPTION;
    return set_value(a->this_val, en_date_time_clip(v));
}

// Annex B setYear.
static EnValue date_set_year(EnContext *cx, const EnArgs *a) {
    double t, y;
    if (!this_time(cx, a->this_val, &t) || !en_to_number(cx, ARG(0), &y)) return EN_EXCEPTION;
    t = t != t ? 0 : en_date_local_time(t);
    double yyyy = en_date_make_full_year(y);
    if (yyyy != yyyy) return set_value(a->this_val, NAN);
    double d = en_date_make_day(yyyy, en_date_month_from_time(t), en_date_date_from_time(t));
    return set_value(a->this_val, en_date_time_clip(en_date_utc(en_date_make_date(d, en_date_time_within_day(t)))));
}

// ---------------------------------------------------------------------------
// Strings.

static EnValue date_to_string_kind(EnContext *cx, const EnArgs *a) {
    double t;
    if (!this_time(cx, a->this_val, &t)) return EN_EXCEPTION;
    EnDateFormat fmt = (EnDateFormat)magic(a);
    if (t != t) {
        if (fmt == EN_DATE_FMT_ISO) return en_throw_range_error(cx, "Invalid time value");
        return ascii_value(cx, "Invalid Date", 12);
    }
    char buf[EN_DATE_BUF];
    size_t n = en_date_format(t, fmt, buf);
    return ascii_value(cx, buf, n);
}

static EnValue date_to_json(EnContext *cx, const EnArgs *a) {
    EnObject *o = en_to_object(cx, a->this_val);
    if (!o) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnValue res = EN_EXCEPTION;
    EnValue tv = en_to_primitive(cx, *ho, EN_HINT_NUMBER);
    if (tv == EN_EXCEPTION) goto done;
    if (en_is_number(tv) && !isfinite(en_as_number(tv))) {
        res = EN_NULL;
        goto done;
    }
    EnString *name = en_atom_from_cstr(cx, "toISOString");
    if (name) res = en_invoke(cx, *ho, en_key_atom(name), 0, NULL);
done:
    en_handle_scope_close(&hs);
    return res;
}

// Date.prototype[@@toPrimitive](hint): OrdinaryToPrimitive.
static EnValue date_to_primitive(EnContext *cx, const EnArgs *a) {
    EnValue o = a->this_val, hint = ARG(0);
    if (!en_is_object(o)) return en_throw_type_error(cx, "Date.prototype[Symbol.toPrimitive] called on non-object");
    bool string_first;
    if (en_is_string(hint) && (en_str_equal_cstr(cx, en_as_string(hint), "string") ||
                               en_str_equal_cstr(cx, en_as_string(hint), "default")))
        string_first = true;
    else if (en_is_string(hint) && en_str_equal_cstr(cx, en_as_string(hint), "number"))
        string_first = false;
    else
        return en_throw_type_error(cx, "Invalid hint");
    EnAtomId order[2] = {EN_ATOM_valueOf, EN_ATOM_toString};
    if (string_first) order[0] = EN_ATOM_toString, order[1] = EN_ATOM_valueOf;
    for (int i = 0; i < 2; i++) {
        EnValue f = en_get_atom(cx, o, order[i]);
        if (f == EN_EXCEPTION) return EN_EXCEPTION;
        if (!en_is_callable(f)) continue;
        EnValue r = en_call(cx, f, o, 0, NULL);
        if (r == EN_EXCEPTION) return EN_EXCEPTION;
        if (!en_is_object(r)) return r;
    }
    return en_throw_type_error(cx, "Cannot convert object to primitive value");
}

// ---------------------------------------------------------------------------
// Setup.

static bool define_magic(EnContext *cx, EnObject *o, const char *name, EnNativeFn fn, uint32_t length, int m,
                         EnValue *out) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    bool ok = false;
    EnString *atom = en_atom_from_cstr(cx, name);
    if (!atom) goto done;
    EnValue *ha = en_handle(cx, en_string_value(atom));
    EnObject *f = en_native_new(cx, fn, atom, length, EN_NATIVE_NOT_CTOR, 1);
    if (!f) goto done;
    *en_native_slot(f, 0) = en_int32(m);
    if (out) *out = en_object_value(f);
    ok = en_define_value(cx, en_as_object(*ho), *ha, en_object_value(f), EN_PROP_HIDDEN);
done:
    en_handle_scope_close(&hs);
    return ok;
}

typedef struct MagicMethod {
    const char *name;
    EnNativeFn fn;
    uint32_t length;
    int magic;
} MagicMethod;

#define SETTER(first, maxargs) ((first) | ((maxargs) << 4))

static const MagicMethod proto_methods[] = {
    {"getTime", date_get, 0, F_TIME},
    {"valueOf", date_get, 0, F_TIME},
    {"getTimezoneOffset", date_get, 0, F_TZ_OFFSET},
    {"getFullYear", date_get, 0, F_YEAR},
    {"getMonth", date_get, 0, F_MONTH},
    {"getDate", date_get, 0, F_DATE},
    {"getDay", date_get, 0, F_DAY},
    {"getHours", date_get, 0, F_HOUR},
    {"getMinutes", date_get, 0, F_MIN},
    {"getSeconds", date_get, 0, F_SEC},
    {"getMilliseconds", date_get, 0, F_MS},
    {"getUTCFullYear", date_get, 0, F_YEAR | UTC_FLAG},
    {"getUTCMonth", date_get, 0, F_MONTH | UTC_FLAG},
    {"getUTCDate", date_get, 0, F_DATE | UTC_FLAG},
    {"getUTCDay", date_get, 0, F_DAY | UTC_FLAG},
    {"getUTCHours", date_get, 0, F_HOUR | UTC_FLAG},
    {"getUTCMinutes", date_get, 0, F_MIN | UTC_FLAG},
    {"getUTCSeconds", date_get, 0, F_SEC | UTC_FLAG},
    {"getUTCMilliseconds", date_get, 0, F_MS | UTC_FLAG},
    {"getYear", date_get, 0, F_YEAR_B},
    {"setMilliseconds", date_set, 1, SETTER(F_MS, 1)},
    {"setSeconds", date_set, 2, SETTER(F_SEC, 2)},
    {"setMinutes", date_set, 3, SETTER(F_MIN, 3)},
    {"setHours", date_set, 4, SETTER(F_HOUR, 4)},
    {"setDate", date_set, 1, SETTER(F_DATE, 1)},
    {"setMonth", date_set, 2, SETTER(F_MONTH, 2)},
    {"setFullYear", date_set, 3, SETTER(F_YEAR, 3)},
    {"setUTCMilliseconds", date_set, 1, SETTER(F_MS, 1) | UTC_FLAG},
    {"setUTCSeconds", date_set, 2, SETTER(F_SEC, 2) | UTC_FLAG},
    {"setUTCMinutes", date_set, 3, SETTER(F_MIN, 3) | UTC_FLAG},
    {"setUTCHours", date_set, 4, SETTER(F_HOUR, 4) | UTC_FLAG},
    {"setUTCDate", date_set, 1, SETTER(F_DATE, 1) | UTC_FLAG},
    {"setUTCMonth", date_set, 2, SETTER(F_MONTH, 2) | UTC_FLAG},
    {"setUTCFullYear", date_set, 3, SETTER(F_YEAR, 3) | UTC_FLAG},
    {"toString", date_to_string_kind, 0, EN_DATE_FMT_FULL},
    {"toDateString", date_to_string_kind, 0, EN_DATE_FMT_DATE},
    {"toTimeString", date_to_string_kind, 0, EN_DATE_FMT_TIME},
    {"toISOString", date_to_string_kind, 0, EN_DATE_FMT_ISO},
    {"toLocaleString", date_to_string_kind, 0, EN_DATE_FMT_FULL},
    {"toLocaleDateString", date_to_string_kind, 0, EN_DATE_FMT_DATE},
    {"toLocaleTimeString", date_to_string_kind, 0, EN_DATE_FMT_TIME},
};

bool en_init_date(EnContext *cx) {
    en_class_register(EN_CLASS_DATE, &date_class);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *proto = en_obj_new(cx, EN_CLASS_OBJECT, en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), 4);
    if (!proto) goto done;
    EnValue *hp = en_handle(cx, en_object_value(proto));
    EnObject *ctor = en_define_class(cx, "Date", date_ctor, 7, proto, EN_INTRINSIC_Date, EN_INTRINSIC_DatePrototype);
    if (!ctor) goto done;
    EnValue *hc = en_handle(cx, en_object_value(ctor));
    if (!en_define_method(cx, en_as_object(*hc), "now", date_now, 0) ||
        !en_define_method(cx, en_as_object(*hc), "parse", date_parse, 1) ||
        !en_define_method(cx, en_as_object(*hc), "UTC", date_utc, 7))
        goto done;
    for (size_t i = 0; i < sizeof proto_methods / sizeof proto_methods[0]; i++) {
        const MagicMethod *m = &proto_methods[i];
        if (!define_magic(cx, en_as_object(*hp), m->name, m->fn, m->length, m->magic, NULL)) goto done;
    }
    // toUTCString and Annex B toGMTString are the same function object.
    EnValue *hu = en_handle(cx, EN_UNDEFINED);
    if (!define_magic(cx, en_as_object(*hp), "toUTCString", date_to_string_kind, 0, EN_DATE_FMT_UTC, hu)) goto done;
    EnString *gmt = en_atom_from_cstr(cx, "toGMTString");
    if (!gmt || !en_define_value(cx, en_as_object(*hp), en_key_atom(gmt), *hu, EN_PROP_HIDDEN)) goto done;
    if (!en_define_method(cx, en_as_object(*hp), "setTime", date_set_time, 1) ||
        !en_define_method(cx, en_as_object(*hp), "setYear", date_set_year, 1) ||
        !en_define_method(cx, en_as_object(*hp), "toJSON", date_to_json, 1))
        goto done;
    EnObject *tp = en_define_method_sym(cx, en_as_object(*hp), EN_SYM_toPrimitive, "[Symbol.toPrimitive]",
                                        date_to_primitive, 1);
    if (!tp) goto done;
    // @@toPrimitive is not writable (§21.4.4.45).
    ok = en_define_value(cx, en_as_object(*hp), en_symbol_value(en_well_known_symbol(cx, EN_SYM_toPrimitive)),
                         en_object_value(tp), EN_PROP_CONFIGURABLE);
done:
    en_handle_scope_close(&hs);
    return ok;
}
