// Unicode character classes and property lookup over the tables that
// tools/gen_unicode.c generates (build/gen/unicode_generated.c).
#include "unicode.h"

#include <string.h>

bool ps_unicode_ranges_has(const PsUniRange *ranges, uint32_t count, uint32_t cp) {
    uint32_t lo = 0, hi = count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (cp < ranges[mid].lo)
            hi = mid;
        else if (cp > ranges[mid].hi)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

bool ps_is_id_start(uint32_t cp) {
    if (cp < 128)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '$' || cp == '_';
    return ps_unicode_ranges_has(ps_uni_id_start, ps_uni_id_start_count, cp);
}

bool ps_is_id_continue(uint32_t cp) {
    if (cp < 128)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
               cp == '$' || cp == '_';
    return ps_unicode_ranges_has(ps_uni_id_continue, ps_uni_id_continue_count, cp);
}

bool ps_is_js_whitespace(uint32_t cp) {
    if (cp < 128) return cp == ' ' || cp == '\t' || cp == '\v' || cp == '\f';
    if (cp == 0xA0 || cp == 0xFEFF) return true;
    if (cp < 0x1680) return false;
    return ps_unicode_ranges_has(ps_uni_space_sep, ps_uni_space_sep_count, cp);
}

// Compares a counted name with a NUL-terminated table name, as strcmp does.
static int name_cmp(const char *s, uint32_t n, const char *table) {
    size_t tn = strlen(table);
    int c = memcmp(s, table, n < tn ? n : tn);
    if (c) return c;
    return n < tn ? -1 : n > tn ? 1 : 0;
}

// Index in ps_uni_props of `name` in namespace ns, or -1.
static int find_name(PsUniNamespace ns, const char *name, uint32_t len) {
    uint32_t lo = 0, hi = ps_uni_nnames;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        const PsUniName *e = &ps_uni_names[mid];
        int c = (int)ns - (int)e->ns;
        if (c == 0) c = name_cmp(name, len, e->name);
        if (c < 0)
            hi = mid;
        else if (c > 0)
            lo = mid + 1;
        else
            return e->prop;
    }
    return -1;
}

static bool name_is(const char *s, uint32_t n, const char *lit) {
    return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

PsUniLookup ps_unicode_property_lookup(const char *name, uint32_t name_len, const char *value,
                                       uint32_t value_len, bool has_value, bool unicode_sets,
                                       const PsUniProp **out) {
    *out = NULL;
    if (has_value) {
        PsUniNamespace ns;
        if (name_is(name, name_len, "General_Category") || name_is(name, name_len, "gc"))
            ns = PS_UNI_NS_GC;
        else if (name_is(name, name_len, "Script") || name_is(name, name_len, "sc"))
            ns = PS_UNI_NS_SC;
        else if (name_is(name, name_len, "Script_Extensions") || name_is(name, name_len, "scx"))
            ns = PS_UNI_NS_SCX;
        else {
            int b = find_name(PS_UNI_NS_LONE, name, name_len);
            if (b >= 0 && ps_uni_props[b].kind != PS_UNI_KIND_GC) return PS_UNI_VALUE_NOT_ALLOWED;
            return PS_UNI_UNKNOWN_NAME;
        }
        int p = find_name(ns, value, value_len);
        if (p < 0) return PS_UNI_UNKNOWN_VALUE;
        *out = &ps_uni_props[p];
        return PS_UNI_OK;
    }
    int p = find_name(PS_UNI_NS_LONE, name, name_len);
    if (p < 0) {
        if (name_is(name, name_len, "General_Category") || name_is(name, name_len, "gc") ||
            name_is(name, name_len, "Script") || name_is(name, name_len, "sc") ||
            name_is(name, name_len, "Script_Extensions") || name_is(name, name_len, "scx"))
            return PS_UNI_VALUE_REQUIRED;
        return PS_UNI_UNKNOWN_NAME;
    }
    if (ps_uni_props[p].kind == PS_UNI_KIND_STRINGS && !unicode_sets) return PS_UNI_NEEDS_SETS;
    *out = &ps_uni_props[p];
    return PS_UNI_OK;
}

const PsUniRange *ps_unicode_prop_ranges(const PsUniProp *prop, uint32_t *count) {
    *count = prop->range_count;
    return &ps_uni_ranges[prop->range_first];
}

bool ps_unicode_prop_has(const PsUniProp *prop, uint32_t cp) {
    return ps_unicode_ranges_has(&ps_uni_ranges[prop->range_first], prop->range_count, cp);
}

const uint32_t *ps_unicode_prop_seqs(const PsUniProp *prop) {
    return &ps_uni_seqs[prop->seq_first];
}

uint32_t ps_unicode_simple_fold(uint32_t cp) {
    uint32_t lo = 0, hi = ps_uni_nfolds;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (cp < ps_uni_folds[mid].from)
            hi = mid;
        else if (cp > ps_uni_folds[mid].from)
            lo = mid + 1;
        else
            return ps_uni_folds[mid].to;
    }
    return cp;
}

const char *ps_unicode_version(void) { return ps_uni_version; }
