// Unicode character classes for the lexer and the regexp pattern parser,
// backed by tables that tools/gen_unicode.c generates at build time from
// Debian's unicode-data (/usr/share/unicode). Internal to parser/ and
// engine/ (the regexp compiler).
#ifndef OCHRE_PARSER_UNICODE_H
#define OCHRE_PARSER_UNICODE_H

#include <stdbool.h>
#include <stdint.h>

// ECMAScript IdentifierStart / IdentifierPart code points beyond ASCII:
// ID_Start, and ID_Continue (which includes ZWNJ U+200C and ZWJ U+200D per
// ECMA-262). `$` and `_` are handled too. O(log n) binary search, with an
// ASCII fast path.
bool ps_is_id_start(uint32_t cp);
bool ps_is_id_continue(uint32_t cp);

// White_Space category Zs (plus the ECMAScript WhiteSpace list: TAB, VT, FF,
// ZWNBSP U+FEFF); line terminators are not included.
bool ps_is_js_whitespace(uint32_t cp);

// ---------------------------------------------------------------------------
// Unicode properties for regexp `\p{...}` (ECMA-262 22.2.2.9 and its tables
// of property names and values), shared with the engine's regexp compiler.

// An inclusive range of code points. Every range table is sorted, and its
// ranges are disjoint and never adjacent (so a table is canonical).
typedef struct PsUniRange {
    uint32_t lo, hi;
} PsUniRange;

typedef enum PsUniKind {
    PS_UNI_KIND_GC,          // a General_Category value (`Lu`, `Letter`)
    PS_UNI_KIND_SCRIPT,      // a Script value
    PS_UNI_KIND_SCRIPT_EXT,  // a Script_Extensions value
    PS_UNI_KIND_BINARY,      // a binary property from ECMA-262's table
    PS_UNI_KIND_STRINGS,     // a binary property of strings (v flag only)
} PsUniKind;

// One set of code points (and, for properties of strings, of strings) that
// `\p{...}` can name. Several names and aliases map to the same PsUniProp.
typedef struct PsUniProp {
    const char *name;      // canonical long name: "Uppercase_Letter", "Latin", "ASCII_Hex_Digit"
    uint8_t kind;          // PsUniKind
    uint32_t range_first;  // code points: ps_uni_ranges[range_first .. +range_count)
    uint32_t range_count;
    uint32_t seq_first;  // STRINGS only: index of the first sequence's word in ps_uni_seqs
    uint32_t seq_count;  // number of sequences (each of 2 or more code points)
} PsUniProp;

typedef enum PsUniLookup {
    PS_UNI_OK,
    PS_UNI_UNKNOWN_NAME,       // not a property (or value) ECMAScript supports
    PS_UNI_UNKNOWN_VALUE,      // `\p{Script=Foo}`: known property, unknown value
    PS_UNI_VALUE_REQUIRED,     // `\p{Script}`: this property needs `=value`
    PS_UNI_VALUE_NOT_ALLOWED,  // `\p{ASCII=Yes}`: binary properties take no value
    PS_UNI_NEEDS_SETS,         // a property of strings outside the v flag
} PsUniLookup;

// Resolves the contents of `\p{name=value}` (has_value) or `\p{name}`
// (lone: a General_Category value, a binary property, or with unicode_sets a
// property of strings). Names are matched exactly (no loose matching), as
// ECMA-262 requires. On PS_UNI_OK stores the property in *out. O(log n).
PsUniLookup ps_unicode_property_lookup(const char *name, uint32_t name_len, const char *value,
                                       uint32_t value_len, bool has_value, bool unicode_sets,
                                       const PsUniProp **out);

// The code point ranges of a property (count stored in *count). Borrowed,
// static data.
const PsUniRange *ps_unicode_prop_ranges(const PsUniProp *prop, uint32_t *count);

// True when the property contains the single code point cp. O(log n).
bool ps_unicode_prop_has(const PsUniProp *prop, uint32_t cp);

// The multi-code-point strings of a property of strings, as a sequence of
// prop->seq_count records `[n, cp_1, ..., cp_n]` (n >= 2) starting at the
// returned pointer. Empty (seq_count 0) for other kinds.
const uint32_t *ps_unicode_prop_seqs(const PsUniProp *prop);

// True when cp is in the sorted range table. O(log n).
bool ps_unicode_ranges_has(const PsUniRange *ranges, uint32_t count, uint32_t cp);

// Simple case folding (CaseFolding.txt statuses C and S), the Canonicalize
// of case-insensitive matching with the u or v flag; cp itself when it has
// no folding. O(log n).
uint32_t ps_unicode_simple_fold(uint32_t cp);

// Version of the Unicode Character Database the tables come from ("15.0.0").
const char *ps_unicode_version(void);

// ---------------------------------------------------------------------------
// The generated tables (build/gen/unicode_generated.c). Use the functions
// above; these are declared here so that the generated file can define them.

// Namespaces of property names: lone `\p{X}`, and the values of
// General_Category, Script and Script_Extensions in `\p{Name=X}`.
typedef enum PsUniNamespace {
    PS_UNI_NS_LONE,
    PS_UNI_NS_GC,
    PS_UNI_NS_SC,
    PS_UNI_NS_SCX,
} PsUniNamespace;

// A name or alias; the table is sorted by (ns, strcmp(name)).
typedef struct PsUniName {
    const char *name;
    uint8_t ns;     // PsUniNamespace
    uint16_t prop;  // index in ps_uni_props
} PsUniName;

// A simple case folding: `from` folds to `to`; sorted by from.
typedef struct PsUniFold {
    uint32_t from, to;
} PsUniFold;

extern const char ps_uni_version[];
extern const PsUniRange ps_uni_ranges[];
extern const uint32_t ps_uni_seqs[];
extern const PsUniProp ps_uni_props[];
extern const uint32_t ps_uni_nprops;
extern const PsUniName ps_uni_names[];
extern const uint32_t ps_uni_nnames;
extern const PsUniRange ps_uni_id_start[];  // ID_Start
extern const uint32_t ps_uni_id_start_count;
extern const PsUniRange ps_uni_id_continue[];  // ID_Continue plus U+200C, U+200D
extern const uint32_t ps_uni_id_continue_count;
extern const PsUniRange ps_uni_space_sep[];  // General_Category Zs
extern const uint32_t ps_uni_space_sep_count;
extern const PsUniFold ps_uni_folds[];
extern const uint32_t ps_uni_nfolds;

#endif
