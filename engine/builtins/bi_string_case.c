// String.prototype.toLowerCase / toUpperCase: the Unicode default case
// conversion (locale-independent) with the full mappings of
// SpecialCasing.txt (ß -> SS, ŉ -> ʼN, ﬃ -> FFI...) and the Final_Sigma
// condition for Σ. Tables: bi_string_case_generated.h
// (tools/gen_case_tables.py over /usr/share/unicode); the Cased and
// Case_Ignorable properties come from the parser's Unicode tables.
#include "bi_string_int.h"
#include <string.h>

#include "unicode.h"

typedef struct EnCaseRun {
    uint32_t lo;
    uint16_t count;
    uint8_t stride;
    int32_t delta;
} EnCaseRun;

typedef struct EnCaseSpecial {
    uint32_t cp;
    uint8_t n;
    uint32_t to[3];
} EnCaseSpecial;

#include "bi_string_case_generated.h"

static uint32_t map_simple(const EnCaseRun *runs, size_t n, uint32_t cp) {
    size_t lo = 0, hi = n;
    while (lo < hi) {  // last run with runs[i].lo <= cp
        size_t mid = (lo + hi) / 2;
        if (runs[mid].lo <= cp) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return cp;
    const EnCaseRun *r = &runs[lo - 1];
    uint32_t off = cp - r->lo;
    if (off % r->stride != 0 || off / r->stride >= r->count) return cp;
    return (uint32_t)((int32_t)cp + r->delta);
}

static const EnCaseSpecial *find_special(const EnCaseSpecial *t, size_t n, uint32_t cp) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t[mid].cp == cp) return &t[mid];
        if (t[mid].cp < cp) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

static void put_cp(EnStrBuilder *sb, uint32_t cp) {
    if (cp < 0x10000) {
        en_sb_unit(sb, (uint16_t)cp);
    } else {
        cp -= 0x10000;
        en_sb_unit(sb, (uint16_t)(0xD800 + (cp >> 10)));
        en_sb_unit(sb, (uint16_t)(0xDC00 + (cp & 0x3FF)));
    }
}

static uint32_t cp_at(const EnString *s, uint32_t i, uint32_t *units) {
    uint32_t n = en_str_length(s);
    uint16_t c = en_str_at(s, i);
    *units = 1;
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n) {
        uint16_t d = en_str_at(s, i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) {
            *units = 2;
            return 0x10000 + (((uint32_t)c - 0xD800) << 10) + (d - 0xDC00);
        }
    }
    return c;
}

// The code point ending just before unit index i (i > 0).
static uint32_t cp_before(const EnString *s, uint32_t i, uint32_t *units) {
    uint16_t c = en_str_at(s, i - 1);
    *units = 1;
    if (c >= 0xDC00 && c <= 0xDFFF && i >= 2) {
        uint16_t h = en_str_at(s, i - 2);
        if (h >= 0xD800 && h <= 0xDBFF) {
            *units = 2;
            return 0x10000 + (((uint32_t)h - 0xD800) << 10) + (c - 0xDC00);
        }
    }
    return c;
}

static const PsUniProp *prop_cased, *prop_case_ignorable;

static bool has_prop(const PsUniProp **cache, const char *name, uint32_t cp) {
    if (!*cache) {
        if (ps_unicode_property_lookup(name, (uint32_t)strlen(name), NULL, 0, false, false, cache) !=
            PS_UNI_OK)
            return false;
    }
    return ps_unicode_prop_has(*cache, cp);
}

// Final_Sigma (Unicode 3.13): Σ at index i is preceded by a cased letter
// (skipping case-ignorable ones) and not followed by one.
static bool final_sigma(const EnString *s, uint32_t i) {
    uint32_t j = i, u;
    bool before = false;
    while (j > 0) {
        uint32_t cp = cp_before(s, j, &u);
        j -= u;
        if (has_prop(&prop_case_ignorable, "Case_Ignorable", cp)) continue;
        before = has_prop(&prop_cased, "Cased", cp);
        break;
    }
    if (!before) return false;
    uint32_t n = en_str_length(s);
    j = i + 1;
    while (j < n) {
        uint32_t cp = cp_at(s, j, &u);
        j += u;
        if (has_prop(&prop_case_ignorable, "Case_Ignorable", cp)) continue;
        return !has_prop(&prop_cased, "Cased", cp);
    }
    return true;
}

EnString *en_bi_str_to_case(EnContext *cx, EnString *s, bool upper) {
    uint32_t n = en_str_length(s);
    // ASCII fast path (common case; also leaves already-cased strings alone).
    if (en_str_is_latin1(s)) {
        uint32_t i = 0;
        bool change = false;
        for (; i < n; i++) {
            uint8_t c = s->u.latin1[i];
            if (c >= 0x80) break;
            if (upper ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z')) change = true;
        }
        if (i == n) {
            if (!change) return s;
            EnString *r = en_str_alloc(cx, n, true);
            if (!r) return NULL;
            for (uint32_t k = 0; k < n; k++) {
                uint8_t c = s->u.latin1[k];
                if (upper ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z')) c ^= 0x20;
                r->u.latin1[k] = c;
            }
            return r;
        }
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hstr = en_handle(cx, en_string_value(s));
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    const EnCaseRun *runs = upper ? en_case_upper_runs : en_case_lower_runs;
    size_t nruns = upper ? sizeof en_case_upper_runs / sizeof en_case_upper_runs[0]
                         : sizeof en_case_lower_runs / sizeof en_case_lower_runs[0];
    const EnCaseSpecial *spec = upper ? en_case_upper_special : en_case_lower_special;
    size_t nspec = upper ? sizeof en_case_upper_special / sizeof en_case_upper_special[0]
                         : sizeof en_case_lower_special / sizeof en_case_lower_special[0];
    for (uint32_t i = 0; i < n;) {
        s = en_as_string(*hstr);  // the builder never collects, but stay safe
        uint32_t u, cp = cp_at(s, i, &u);
        if (!upper && cp == 0x03A3) {
            en_sb_unit(&sb, final_sigma(s, i) ? 0x03C2 : 0x03C3);
        } else if (cp < 0x80) {
            if (upper ? (cp >= 'a' && cp <= 'z') : (cp >= 'A' && cp <= 'Z')) cp ^= 0x20;
            en_sb_unit(&sb, (uint16_t)cp);
        } else {
            const EnCaseSpecial *sp = find_special(spec, nspec, cp);
            if (sp) {
                for (uint32_t k = 0; k < sp->n; k++) put_cp(&sb, sp->to[k]);
            } else {
                put_cp(&sb, map_simple(runs, nruns, cp));
            }
        }
        i += u;
    }
    EnString *r = en_sb_finish(&sb);
    en_handle_scope_close(&hs);
    return r;
}
