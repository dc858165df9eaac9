// Regular expression patterns: an ECMAScript 2025 pattern parser (22.2.1,
// with the web-compatibility grammar of Annex B.1.2 when neither the u nor
// the v flag is given) that validates every early error and builds a pattern
// AST. Internal to parser/ (early errors of regexp literals) and shared with
// the engine's regexp compiler.
#ifndef OCHRE_PARSER_REGEXP_H
#define OCHRE_PARSER_REGEXP_H

#include "base.h"
#include "unicode.h"

// Flags, as parsed by ps_regexp_parse_flags. The modifiers of `(?ims-ims:)`
// use the I, M and S bits too.
#define PS_RE_FLAG_D 0x01u  // hasIndices
#define PS_RE_FLAG_G 0x02u  // global
#define PS_RE_FLAG_I 0x04u  // ignoreCase
#define PS_RE_FLAG_M 0x08u  // multiline
#define PS_RE_FLAG_S 0x10u  // dotAll
#define PS_RE_FLAG_U 0x20u  // unicode
#define PS_RE_FLAG_V 0x40u  // unicodeSets
#define PS_RE_FLAG_Y 0x80u  // sticky

// Upper bound of a quantifier without one (`*`, `+`, `{n,}`). Bounds that
// are written larger than UINT32_MAX - 1 are stored as UINT32_MAX - 1 (no
// string is that long), so PS_RE_INFINITY only ever means "no bound".
#define PS_RE_INFINITY UINT32_MAX

// Deepest nesting of groups, lookarounds and (v flag) nested classes that
// the parser accepts; deeper patterns get PS_E_REGEXP_TOO_DEEP instead of
// exhausting the C stack. Consumers that recurse over the AST can rely on it.
#define PS_RE_MAX_DEPTH 400

typedef enum PsReKind {
    PS_RE_DISJUNCTION,    // list: one or more ALTERNATIVEs (a|b|c)
    PS_RE_ALTERNATIVE,    // list: terms matched in sequence (possibly none)
    PS_RE_CHAR,           // cp: a code point with u/v, else a UTF-16 code unit
    PS_RE_DOT,            // .
    PS_RE_LINE_START,     // ^
    PS_RE_LINE_END,       // $
    PS_RE_WORD_BOUNDARY,  // \b, or \B with PS_RE_NF_NEGATED
    PS_RE_LOOKAHEAD,      // group.body: (?=...), or (?!...) with NEGATED
    PS_RE_LOOKBEHIND,     // group.body: (?<=...), or (?<!...) with NEGATED
    PS_RE_GROUP,          // group: capturing (...) or (?<name>...)
    PS_RE_NONCAPTURE,     // group.body, group.add/remove: (?:...) or (?ims-ims:...)
    PS_RE_BACKREF,        // backref: \1 or \k<name>
    PS_RE_QUANT,          // quant: body{min,max}, greedy unless PS_RE_NF_LAZY
    PS_RE_CLASS,          // list + op: [...], [^...] with NEGATED
    PS_RE_CLASS_RANGE,    // range: a-z inside a class (from <= to)
    PS_RE_CLASS_ESCAPE,   // esc: \d \s \w, or \D \S \W with NEGATED
    PS_RE_PROPERTY,       // prop: \p{...}, or \P{...} with NEGATED
    PS_RE_CLASS_STRINGS,  // list: STRINGs of \q{a|bc|} (v flag)
    PS_RE_STRING,         // str: one alternative of \q{...}, possibly empty
} PsReKind;

// Node flags.
#define PS_RE_NF_NEGATED 0x01u  // \B (?!) (?<!) [^] \D \S \W \P
#define PS_RE_NF_LAZY 0x02u     // QUANT followed by `?`
// (v flag) a CLASS, PROPERTY or CLASS_STRINGS that may match strings other
// than single code points (the specification's MayContainStrings).
#define PS_RE_NF_MAY_STRINGS 0x04u

// How the items of a CLASS combine.
typedef enum PsReClassOp {
    PS_RE_CLASS_UNION,         // items: CHAR, CLASS_RANGE, CLASS_ESCAPE, PROPERTY,
                               // and with v: CLASS (nested), CLASS_STRINGS
    PS_RE_CLASS_INTERSECTION,  // v: two or more operands (no ranges), A && B && C
    PS_RE_CLASS_SUBTRACTION,   // v: two or more operands (no ranges), A -- B -- C
} PsReClassOp;

// A node of the pattern AST; all nodes live in the arena given to
// ps_regexp_parse. Children are singly linked through `next`.
typedef struct PsReNode PsReNode;
struct PsReNode {
    uint8_t kind;         // PsReKind
    uint8_t flags;        // PS_RE_NF_*
    uint8_t op;           // CLASS: PsReClassOp
    uint8_t esc;          // CLASS_ESCAPE: 'd', 's' or 'w'
    uint32_t start, end;  // byte range within the pattern text
    PsReNode *next;       // next sibling in the parent's list
    union {
        struct {  // DISJUNCTION, ALTERNATIVE, CLASS, CLASS_STRINGS
            PsReNode *first, *last;
            uint32_t count;
        } list;
        uint32_t cp;  // CHAR
        struct {      // CLASS_RANGE
            uint32_t from, to;
        } range;
        struct {                  // GROUP, NONCAPTURE, LOOKAHEAD, LOOKBEHIND
            PsReNode *body;       // a DISJUNCTION
            uint32_t index;       // GROUP: capture number, from 1 in order of '('
            const char *name;     // GROUP: UTF-8 name or NULL
            uint8_t add, remove;  // NONCAPTURE: modifier flags (PS_RE_FLAG_I/M/S)
        } group;
        struct {               // BACKREF
            uint32_t index;    // numbered: the group; named: the first group with the name
            const char *name;  // named reference (UTF-8), or NULL
        } backref;
        struct {  // QUANT
            PsReNode *body;
            uint32_t min, max;  // max == PS_RE_INFINITY: unbounded; min <= max
        } quant;
        const PsUniProp *prop;  // PROPERTY
        struct {                // STRING (code points)
            const uint32_t *cps;
            uint32_t len;
        } str;
    };
};

// A parsed pattern.
typedef struct PsRegexp {
    PsReNode *root;            // DISJUNCTION, or NULL when the pattern is invalid
    uint32_t flags;            // PS_RE_FLAG_* it was parsed with
    uint32_t ngroups;          // capturing groups, numbered 1..ngroups
    const char **group_names;  // [ngroups + 1]: name of group i, or NULL; [0] is NULL.
                               // With duplicate named groups (in different
                               // alternatives) several groups share a name.
    bool has_named_groups;
    bool has_backrefs;
    bool has_lookbehind;
} PsRegexp;

// Parses a flags string (UTF-8, e.g. "gimsuy") into PS_RE_FLAG_* bits in
// *out. Reports unknown (E0400) and repeated (E0401) flags and u with v
// (E0402) into diags (may be NULL) at base + the byte index of the flag.
// Returns true when the flags are valid. Linear time.
bool ps_regexp_parse_flags(const char *flags, uint32_t len, uint32_t base, OchDiagList *diags,
                           uint32_t *out);

// Parses and validates `pattern` (WTF-8, the source text between the
// slashes or the string given to RegExp) under `flags` (PS_RE_FLAG_*; with
// both U and V the pattern is parsed as V). Allocates the AST in arena
// (borrowed; the caller frees it). Reports the first problem into diags (may
// be NULL) with byte ranges offset by base, and returns false with
// out->root NULL. Linear time in the pattern size; recursion depth is
// bounded by PS_RE_MAX_DEPTH.
bool ps_regexp_parse(const char *pattern, uint32_t len, uint32_t flags, uint32_t base,
                     OchArena *arena, OchDiagList *diags, PsRegexp *out);

// Appends a compact S-expression of the tree under node to out (tests and
// debugging), e.g. `(| 'a' ({0,inf} (group 1 'b')))`.
void ps_regexp_dump(const PsReNode *node, OchBuf *out);

#endif
