// gen_unicode: build-time generator of ochre's Unicode tables.
//
//     gen_unicode /usr/share/unicode > build/gen/unicode_generated.c
//
// Reads the Unicode Character Database as Debian's unicode-data package
// installs it and prints C source that defines the tables declared in
// parser/unicode.h: identifier code points, General_Category, Script and
// Script_Extensions values, the binary properties of ECMA-262's table
// "Binary Unicode property aliases", the properties of strings of the v flag
// and simple case folding. Sets are emitted as sorted code point ranges;
// identical sets are emitted once. Any missing file or unexpected data is
// fatal (exit status 1), so a broken build never ships partial tables.
#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NCP 0x110000u
#define NWORDS (NCP / 64)

static const char *ucd_dir;

static void die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "gen_unicode: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(1);
}

static void *xcalloc(size_t n, size_t size) {
    void *p = calloc(n, size);
    if (!p) die("out of memory");
    return p;
}

static void *xrealloc(void *p, size_t size) {
    p = realloc(p, size);
    if (!p) die("out of memory");
    return p;
}

static char *xstrdup(const char *s) {
    size_t n = strlen(s);
    char *d = xcalloc(n + 1, 1);
    memcpy(d, s, n);
    return d;
}

// --- code point sets as bitmaps (only while generating) ---------------------

typedef struct Bits {
    uint64_t w[NWORDS];
} Bits;

static Bits *bits_new(void) { return xcalloc(1, sizeof(Bits)); }

static void bits_set(Bits *b, uint32_t lo, uint32_t hi) {
    for (uint32_t c = lo; c <= hi; c++) b->w[c >> 6] |= (uint64_t)1 << (c & 63);
}

static void bits_clear(Bits *b, uint32_t c) { b->w[c >> 6] &= ~((uint64_t)1 << (c & 63)); }

static bool bits_has(const Bits *b, uint32_t c) { return (b->w[c >> 6] >> (c & 63)) & 1; }

static void bits_or(Bits *dst, const Bits *src) {
    for (uint32_t i = 0; i < NWORDS; i++) dst->w[i] |= src->w[i];
}

// --- parsing UCD files --------------------------------------------------------

#define MAX_FIELDS 8

typedef struct Line {
    char *field[MAX_FIELDS];  // trimmed, comment removed
    int nfields;
} Line;

static char *trim(char *s) {
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = 0;
    return s;
}

// Calls fn for each data line of dir/name split at ';' (comments stripped).
typedef void (*LineFn)(const Line *line, void *ctx);

static void read_ucd(const char *name, LineFn fn, void *ctx) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", ucd_dir, name);
    FILE *f = fopen(path, "r");
    if (!f) die("cannot open %s", path);
    char buf[8192];
    while (fgets(buf, sizeof buf, f)) {
        char *hash = strchr(buf, '#');
        if (hash) *hash = 0;
        char *s = trim(buf);
        if (!*s) continue;
        Line line = {.nfields = 0};
        char *p = s;
        for (;;) {
            char *semi = strchr(p, ';');
            if (semi) *semi = 0;
            if (line.nfields == MAX_FIELDS) die("%s: too many fields", name);
            line.field[line.nfields++] = trim(p);
            if (!semi) break;
            p = semi + 1;
        }
        fn(&line, ctx);
    }
    fclose(f);
}

static uint32_t parse_hex(const char *s, const char **end) {
    char *e;
    unsigned long v = strtoul(s, &e, 16);
    if (e == s || v >= NCP) die("bad code point '%s'", s);
    if (end) *end = e;
    return (uint32_t)v;
}

// "0041" or "0041..005A".
static void parse_range(const char *s, uint32_t *lo, uint32_t *hi) {
    const char *e;
    *lo = parse_hex(s, &e);
    *hi = *lo;
    if (e[0] == '.' && e[1] == '.') *hi = parse_hex(e + 2, &e);
    if (*hi < *lo) die("bad range '%s'", s);
}

// --- names ------------------------------------------------------------------

typedef struct StrList {
    char **items;
    int len, cap;
} StrList;

static void strlist_push(StrList *l, const char *s) {
    if (l->len == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->items = xrealloc(l->items, sizeof(char *) * (size_t)l->cap);
    }
    l->items[l->len++] = xstrdup(s);
}

// A value of General_Category or Script from PropertyValueAliases.txt.
typedef struct Value {
    char *short_name;
    char *long_name;
    StrList aliases;  // every name: short, long and extra aliases
} Value;

typedef struct ValueList {
    Value *items;
    int len, cap;
} ValueList;

static ValueList gc_values, sc_values;

static void value_aliases_line(const Line *line, void *ctx) {
    (void)ctx;
    if (line->nfields < 3) return;
    ValueList *list = NULL;
    if (strcmp(line->field[0], "gc") == 0)
        list = &gc_values;
    else if (strcmp(line->field[0], "sc") == 0)
        list = &sc_values;
    if (!list) return;
    if (list->len == list->cap) {
        list->cap = list->cap ? list->cap * 2 : 64;
        list->items = xrealloc(list->items, sizeof(Value) * (size_t)list->cap);
    }
    Value *v = &list->items[list->len++];
    memset(v, 0, sizeof *v);
    v->short_name = xstrdup(line->field[1]);
    v->long_name = xstrdup(line->field[2]);
    for (int i = 1; i < line->nfields; i++) {
        bool dup = false;
        for (int j = 0; j < v->aliases.len; j++)
            if (strcmp(v->aliases.items[j], line->field[i]) == 0) dup = true;
        if (!dup && line->field[i][0]) strlist_push(&v->aliases, line->field[i]);
    }
}

static int find_value(const ValueList *list, const char *name) {
    for (int i = 0; i < list->len; i++)
        for (int j = 0; j < list->items[i].aliases.len; j++)
            if (strcmp(list->items[i].aliases.items[j], name) == 0) return i;
    return -1;
}

// --- General_Category ----------------------------------------------------------

static uint8_t *gc_of;  // per code point: index in gc_values of a 2-letter value

static void gc_line(const Line *line, void *ctx) {
    (void)ctx;
    if (line->nfields < 2) die("DerivedGeneralCategory.txt: bad line");
    uint32_t lo, hi;
    parse_range(line->field[0], &lo, &hi);
    int v = find_value(&gc_values, line->field[1]);
    if (v < 0) die("unknown General_Category '%s'", line->field[1]);
    for (uint32_t c = lo; c <= hi; c++) gc_of[c] = (uint8_t)v;
}

// --- Script and Script_Extensions ----------------------------------------------

static uint16_t *sc_of;  // per code point: index in sc_values
static Bits **scx_bits;  // per script value

static void sc_line(const Line *line, void *ctx) {
    (void)ctx;
    if (line->nfields < 2) die("Scripts.txt: bad line");
    uint32_t lo, hi;
    parse_range(line->field[0], &lo, &hi);
    int v = find_value(&sc_values, line->field[1]);
    if (v < 0) die("unknown Script '%s'", line->field[1]);
    for (uint32_t c = lo; c <= hi; c++) sc_of[c] = (uint16_t)v;
}

static void scx_line(const Line *line, void *ctx) {
    (void)ctx;
    if (line->nfields < 2) die("ScriptExtensions.txt: bad line");
    uint32_t lo, hi;
    parse_range(line->field[0], &lo, &hi);
    // The listed code points leave the set of their own Script (unless it is
    // among the listed scripts) and join each listed script.
    for (uint32_t c = lo; c <= hi; c++) bits_clear(scx_bits[sc_of[c]], c);
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", line->field[1]);
    for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " ")) {
        int v = find_value(&sc_values, tok);
        if (v < 0) die("unknown script '%s' in ScriptExtensions.txt", tok);
        bits_set(scx_bits[v], lo, hi);
    }
}

// --- binary properties -----------------------------------------------------------

typedef struct BinProp {
    char *name;
    Bits *bits;
} BinProp;

static BinProp *bin_props;
static int nbin_props, cap_bin_props;

static Bits *bin_prop(const char *name, bool create) {
    for (int i = 0; i < nbin_props; i++)
        if (strcmp(bin_props[i].name, name) == 0) return bin_props[i].bits;
    if (!create) return NULL;
    if (nbin_props == cap_bin_props) {
        cap_bin_props = cap_bin_props ? cap_bin_props * 2 : 64;
        bin_props = xrealloc(bin_props, sizeof(BinProp) * (size_t)cap_bin_props);
    }
    bin_props[nbin_props].name = xstrdup(name);
    bin_props[nbin_props].bits = bits_new();
    return bin_props[nbin_props++].bits;
}

// Lines "range ; Property_Name" (two fields) are binary properties; lines
// with more fields belong to other kinds of properties and are skipped.
static void binary_line(const Line *line, void *ctx) {
    (void)ctx;
    if (line->nfields != 2) return;
    uint32_t lo, hi;
    parse_range(line->field[0], &lo, &hi);
    bits_set(bin_prop(line->field[1], true), lo, hi);
}

// ECMA-262, table "Binary Unicode property aliases": canonical name and the
// alias it lists (NULL when none).
static const char *const es_binary[][2] = {
    {"ASCII", NULL},
    {"ASCII_Hex_Digit", "AHex"},
    {"Alphabetic", "Alpha"},
    {"Any", NULL},
    {"Assigned", NULL},
    {"Bidi_Control", "Bidi_C"},
    {"Bidi_Mirrored", "Bidi_M"},
    {"Case_Ignorable", "CI"},
    {"Cased", NULL},
    {"Changes_When_Casefolded", "CWCF"},
    {"Changes_When_Casemapped", "CWCM"},
    {"Changes_When_Lowercased", "CWL"},
    {"Changes_When_NFKC_Casefolded", "CWKCF"},
    {"Changes_When_Titlecased", "CWT"},
    {"Changes_When_Uppercased", "CWU"},
    {"Dash", NULL},
    {"Default_Ignorable_Code_Point", "DI"},
    {"Deprecated", "Dep"},
    {"Diacritic", "Dia"},
    {"Emoji", NULL},
    {"Emoji_Component", "EComp"},
    {"Emoji_Modifier", "EMod"},
    {"Emoji_Modifier_Base", "EBase"},
    {"Emoji_Presentation", "EPres"},
    {"Extended_Pictographic", "ExtPict"},
    {"Extender", "Ext"},
    {"Grapheme_Base", "Gr_Base"},
    {"Grapheme_Extend", "Gr_Ext"},
    {"Hex_Digit", "Hex"},
    {"IDS_Binary_Operator", "IDSB"},
    {"IDS_Trinary_Operator", "IDST"},
    {"ID_Continue", "IDC"},
    {"ID_Start", "IDS"},
    {"Ideographic", "Ideo"},
    {"Join_Control", "Join_C"},
    {"Logical_Order_Exception", "LOE"},
    {"Lowercase", "Lower"},
    {"Math", NULL},
    {"Noncharacter_Code_Point", "NChar"},
    {"Pattern_Syntax", "Pat_Syn"},
    {"Pattern_White_Space", "Pat_WS"},
    {"Quotation_Mark", "QMark"},
    {"Radical", NULL},
    {"Regional_Indicator", "RI"},
    {"Sentence_Terminal", "STerm"},
    {"Soft_Dotted", "SD"},
    {"Terminal_Punctuation", "Term"},
    {"Unified_Ideograph", "UIdeo"},
    {"Uppercase", "Upper"},
    {"Variation_Selector", "VS"},
    {"White_Space", "space"},
    {"XID_Continue", "XIDC"},
    {"XID_Start", "XIDS"},
};
#define N_ES_BINARY (int)(sizeof es_binary / sizeof es_binary[0])

// --- properties of strings -------------------------------------------------------

// ECMA-262, table "Binary Unicode properties of strings". RGI_Emoji is the
// union of the others and must stay last.
static const char *const es_strings[] = {
    "Basic_Emoji",
    "Emoji_Keycap_Sequence",
    "RGI_Emoji_Modifier_Sequence",
    "RGI_Emoji_Flag_Sequence",
    "RGI_Emoji_Tag_Sequence",
    "RGI_Emoji_ZWJ_Sequence",
    "RGI_Emoji",
};
#define N_ES_STRINGS (int)(sizeof es_strings / sizeof es_strings[0])

typedef struct U32Vec {
    uint32_t *items;
    uint32_t len, cap;
} U32Vec;

static void u32_push(U32Vec *v, uint32_t x) {
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 256;
        v->items = xrealloc(v->items, sizeof(uint32_t) * v->cap);
    }
    v->items[v->len++] = x;
}

static Bits *str_bits[N_ES_STRINGS];   // single code points
static U32Vec str_seqs[N_ES_STRINGS];  // records [n, cp...]
static uint32_t str_nseqs[N_ES_STRINGS];

static void emoji_seq_line(const Line *line, void *ctx) {
    (void)ctx;
    if (line->nfields < 2) die("emoji sequences: bad line");
    int k = -1;
    for (int i = 0; i < N_ES_STRINGS - 1; i++)
        if (strcmp(line->field[1], es_strings[i]) == 0) k = i;
    if (k < 0) die("unknown emoji sequence type '%s'", line->field[1]);
    const char *s = line->field[0];
    if (strstr(s, "..")) {
        uint32_t lo, hi;
        parse_range(s, &lo, &hi);
        bits_set(str_bits[k], lo, hi);
        return;
    }
    uint32_t cps[64];
    uint32_t n = 0;
    while (*s) {
        while (*s == ' ') s++;
        if (!*s) break;
        if (n == 64) die("emoji sequence too long");
        cps[n++] = parse_hex(s, &s);
    }
    if (n == 0) die("empty emoji sequence");
    if (n == 1) {
        bits_set(str_bits[k], cps[0], cps[0]);
        return;
    }
    u32_push(&str_seqs[k], n);
    for (uint32_t i = 0; i < n; i++) u32_push(&str_seqs[k], cps[i]);
    str_nseqs[k]++;
}

// --- case folding ------------------------------------------------------------------

static U32Vec folds;  // pairs from, to

static void fold_line(const Line *line, void *ctx) {
    (void)ctx;
    if (line->nfields < 3) die("CaseFolding.txt: bad line");
    if (strcmp(line->field[1], "C") != 0 && strcmp(line->field[1], "S") != 0) return;
    u32_push(&folds, parse_hex(line->field[0], NULL));
    u32_push(&folds, parse_hex(line->field[2], NULL));
}

// --- output: range sets, deduplicated ----------------------------------------------

static U32Vec all_ranges;  // pairs lo, hi

typedef struct Set {
    uint32_t first, count;  // in ranges (pairs)
} Set;

// Appends the ranges of b to all_ranges unless an identical set exists.
static Set emit_set(const Bits *b) {
    uint32_t start = all_ranges.len;
    uint32_t c = 0;
    while (c < NCP) {
        if (!bits_has(b, c)) {
            c++;
            continue;
        }
        uint32_t lo = c;
        while (c < NCP && bits_has(b, c)) c++;
        u32_push(&all_ranges, lo);
        u32_push(&all_ranges, c - 1);
    }
    uint32_t count = (all_ranges.len - start) / 2;
    if (count == 0) return (Set){0, 0};
    // Reuse an identical run of earlier ranges (quadratic, but the tables
    // hold a few hundred sets).
    for (uint32_t s = 0; s + count * 2 <= start; s += 2) {
        if (memcmp(&all_ranges.items[s], &all_ranges.items[start], count * 2 * sizeof(uint32_t)) ==
            0) {
            all_ranges.len = start;
            return (Set){s / 2, count};
        }
    }
    return (Set){start / 2, count};
}

typedef struct Prop {
    const char *name;
    const char *kind;
    Set set;
    uint32_t seq_first, seq_count;
} Prop;

static Prop props[1024];
static int nprops;

static int add_prop(const char *name, const char *kind, const Bits *b) {
    if (nprops == (int)(sizeof props / sizeof props[0])) die("too many properties");
    props[nprops] = (Prop){name, kind, emit_set(b), 0, 0};
    return nprops++;
}

typedef struct Name {
    const char *name;
    int ns;
    int prop;
} Name;

static Name names[4096];
static int nnames;

static void add_name(const char *name, int ns, int prop) {
    for (int i = 0; i < nnames; i++) {
        if (names[i].ns == ns && strcmp(names[i].name, name) == 0) {
            if (names[i].prop != prop) die("name '%s' is ambiguous", name);
            return;
        }
    }
    if (nnames == (int)(sizeof names / sizeof names[0])) die("too many names");
    names[nnames++] = (Name){name, ns, prop};
}

static int cmp_name(const void *a, const void *b) {
    const Name *x = a, *y = b;
    if (x->ns != y->ns) return x->ns - y->ns;
    return strcmp(x->name, y->name);
}

static const char *const ns_names[] = {"PS_UNI_NS_LONE", "PS_UNI_NS_GC", "PS_UNI_NS_SC",
                                       "PS_UNI_NS_SCX"};

static void print_ranges(const char *name, const Bits *b) {
    printf("const PsUniRange %s[] = {\n", name);
    uint32_t n = 0, c = 0;
    while (c < NCP) {
        if (!bits_has(b, c)) {
            c++;
            continue;
        }
        uint32_t lo = c;
        while (c < NCP && bits_has(b, c)) c++;
        printf("%s{0x%X,0x%X},", n % 6 == 0 ? "    " : " ", lo, c - 1);
        if (++n % 6 == 0) printf("\n");
    }
    if (n % 6) printf("\n");
    if (n == 0) printf("    {0, 0},\n");  // no empty arrays in C
    printf("};\nconst uint32_t %s_count = %u;\n\n", name, n);
}

static char version[64] = "unknown";

static void read_version(void) {
    char path[4096];
    snprintf(path, sizeof path, "%s/DerivedCoreProperties.txt", ucd_dir);
    FILE *f = fopen(path, "r");
    if (!f) die("cannot open %s", path);
    char buf[256];
    if (fgets(buf, sizeof buf, f)) {
        // "# DerivedCoreProperties-15.0.0.txt"
        char *dash = strchr(buf, '-');
        char *dot = dash ? strstr(dash, ".txt") : NULL;
        if (dash && dot && dot - dash - 1 < (long)sizeof version) {
            memcpy(version, dash + 1, (size_t)(dot - dash - 1));
            version[dot - dash - 1] = 0;
        }
    }
    fclose(f);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: gen_unicode UCD_DIRECTORY > unicode_generated.c\n");
        return 2;
    }
    ucd_dir = argv[1];
    read_version();

    read_ucd("PropertyValueAliases.txt", value_aliases_line, NULL);
    if (gc_values.len == 0 || sc_values.len == 0)
        die("no gc/sc values in PropertyValueAliases.txt");

    // General_Category: unlisted code points are Cn (Unassigned).
    gc_of = xcalloc(NCP, 1);
    int cn = find_value(&gc_values, "Cn");
    if (cn < 0) die("no Cn value");
    memset(gc_of, cn, NCP);
    read_ucd("extracted/DerivedGeneralCategory.txt", gc_line, NULL);

    // Script: unlisted code points are Zzzz (Unknown).
    sc_of = xcalloc(NCP, sizeof(uint16_t));
    int zzzz = find_value(&sc_values, "Zzzz");
    if (zzzz < 0) die("no Zzzz value");
    for (uint32_t c = 0; c < NCP; c++) sc_of[c] = (uint16_t)zzzz;
    read_ucd("Scripts.txt", sc_line, NULL);
    scx_bits = xcalloc((size_t)sc_values.len, sizeof(Bits *));
    for (int i = 0; i < sc_values.len; i++) scx_bits[i] = bits_new();
    for (uint32_t c = 0; c < NCP; c++) bits_set(scx_bits[sc_of[c]], c, c);
    read_ucd("ScriptExtensions.txt", scx_line, NULL);

    // Binary properties, from every file that defines some.
    read_ucd("PropList.txt", binary_line, NULL);
    read_ucd("DerivedCoreProperties.txt", binary_line, NULL);
    read_ucd("DerivedNormalizationProps.txt", binary_line, NULL);
    read_ucd("emoji/emoji-data.txt", binary_line, NULL);
    read_ucd("extracted/DerivedBinaryProperties.txt", binary_line, NULL);
    Bits *any = bin_prop("Any", true);
    bits_set(any, 0, NCP - 1);
    bits_set(bin_prop("ASCII", true), 0, 0x7F);
    Bits *assigned = bin_prop("Assigned", true);
    for (uint32_t c = 0; c < NCP; c++)
        if (gc_of[c] != cn) bits_set(assigned, c, c);

    // Properties of strings.
    for (int i = 0; i < N_ES_STRINGS; i++) str_bits[i] = bits_new();
    read_ucd("emoji/emoji-sequences.txt", emoji_seq_line, NULL);
    read_ucd("emoji/emoji-zwj-sequences.txt", emoji_seq_line, NULL);

    read_ucd("CaseFolding.txt", fold_line, NULL);

    printf("// unicode_generated.c: GENERATED by tools/gen_unicode.c from the Unicode\n"
           "// Character Database %s (%s). Do not edit and never commit: the build\n"
           "// regenerates it. Declarations and accessors: parser/unicode.h.\n",
           version, ucd_dir);
    printf("#include \"unicode.h\"\n\n");
    printf("const char ps_uni_version[] = \"%s\";\n\n", version);

    // Identifier and white space tables for the lexer.
    Bits *ids = bin_prop("ID_Start", false);
    Bits *idc = bin_prop("ID_Continue", false);
    if (!ids || !idc) die("ID_Start/ID_Continue missing");
    print_ranges("ps_uni_id_start", ids);
    Bits *idc_js = bits_new();
    bits_or(idc_js, idc);
    bits_set(idc_js, 0x200C, 0x200D);
    print_ranges("ps_uni_id_continue", idc_js);
    int zs = find_value(&gc_values, "Zs");
    Bits *zs_bits = bits_new();
    for (uint32_t c = 0; c < NCP; c++)
        if (gc_of[c] == zs) bits_set(zs_bits, c, c);
    print_ranges("ps_uni_space_sep", zs_bits);

    // General_Category values: two-letter ones directly, one-letter ones and
    // LC as unions.
    for (int v = 0; v < gc_values.len; v++) {
        const Value *val = &gc_values.items[v];
        Bits *b = bits_new();
        if (strlen(val->short_name) == 2 && strcmp(val->short_name, "LC") != 0) {
            for (uint32_t c = 0; c < NCP; c++)
                if (gc_of[c] == v) bits_set(b, c, c);
        } else {
            for (uint32_t c = 0; c < NCP; c++) {
                const char *s = gc_values.items[gc_of[c]].short_name;
                bool in =
                    strcmp(val->short_name, "LC") == 0
                        ? (strcmp(s, "Lu") == 0 || strcmp(s, "Ll") == 0 || strcmp(s, "Lt") == 0)
                        : s[0] == val->short_name[0];
                if (in) bits_set(b, c, c);
            }
        }
        int p = add_prop(val->long_name, "PS_UNI_KIND_GC", b);
        for (int j = 0; j < val->aliases.len; j++) {
            add_name(val->aliases.items[j], 0, p);
            add_name(val->aliases.items[j], 1, p);
        }
        free(b);
    }

    // Script and Script_Extensions values.
    for (int v = 0; v < sc_values.len; v++) {
        const Value *val = &sc_values.items[v];
        Bits *b = bits_new();
        for (uint32_t c = 0; c < NCP; c++)
            if (sc_of[c] == v) bits_set(b, c, c);
        int p = add_prop(val->long_name, "PS_UNI_KIND_SCRIPT", b);
        int px = add_prop(val->long_name, "PS_UNI_KIND_SCRIPT_EXT", scx_bits[v]);
        for (int j = 0; j < val->aliases.len; j++) {
            add_name(val->aliases.items[j], 2, p);
            add_name(val->aliases.items[j], 3, px);
        }
        free(b);
    }

    // Binary properties of ECMA-262's table.
    for (int i = 0; i < N_ES_BINARY; i++) {
        Bits *b = bin_prop(es_binary[i][0], false);
        if (!b) die("binary property '%s' not found in the data", es_binary[i][0]);
        int p = add_prop(es_binary[i][0], "PS_UNI_KIND_BINARY", b);
        add_name(es_binary[i][0], 0, p);
        if (es_binary[i][1]) add_name(es_binary[i][1], 0, p);
    }

    // Properties of strings: the sequences of the six parts are laid out one
    // after the other, so RGI_Emoji (their union) spans all of them.
    U32Vec seqs = {0};
    uint32_t total_seqs = 0;
    for (int i = 0; i < N_ES_STRINGS; i++) {
        if (i == N_ES_STRINGS - 1) {
            for (int j = 0; j < i; j++) bits_or(str_bits[i], str_bits[j]);
        }
        int p = add_prop(es_strings[i], "PS_UNI_KIND_STRINGS", str_bits[i]);
        add_name(es_strings[i], 0, p);
        if (i == N_ES_STRINGS - 1) {
            props[p].seq_first = 0;
            props[p].seq_count = total_seqs;
        } else {
            props[p].seq_first = seqs.len;
            props[p].seq_count = str_nseqs[i];
            for (uint32_t k = 0; k < str_seqs[i].len; k++) u32_push(&seqs, str_seqs[i].items[k]);
            total_seqs += str_nseqs[i];
        }
    }

    printf("const PsUniRange ps_uni_ranges[] = {\n");
    for (uint32_t i = 0; i < all_ranges.len; i += 2) {
        printf("%s{0x%X,0x%X},", (i / 2) % 6 == 0 ? "    " : " ", all_ranges.items[i],
               all_ranges.items[i + 1]);
        if ((i / 2) % 6 == 5) printf("\n");
    }
    printf("\n};\n\n");

    printf("const uint32_t ps_uni_seqs[] = {\n");
    for (uint32_t i = 0; i < seqs.len;) {
        uint32_t n = seqs.items[i];
        printf("    %u,", n);
        for (uint32_t k = 1; k <= n; k++) printf(" 0x%X,", seqs.items[i + k]);
        printf("\n");
        i += n + 1;
    }
    if (seqs.len == 0) printf("    0,\n");
    printf("};\n\n");

    printf("const PsUniProp ps_uni_props[] = {\n");
    for (int i = 0; i < nprops; i++)
        printf("    {\"%s\", %s, %u, %u, %u, %u},\n", props[i].name, props[i].kind,
               props[i].set.first, props[i].set.count, props[i].seq_first, props[i].seq_count);
    printf("};\nconst uint32_t ps_uni_nprops = %d;\n\n", nprops);

    qsort(names, (size_t)nnames, sizeof(Name), cmp_name);
    printf("const PsUniName ps_uni_names[] = {\n");
    for (int i = 0; i < nnames; i++)
        printf("    {\"%s\", %s, %d},\n", names[i].name, ns_names[names[i].ns], names[i].prop);
    printf("};\nconst uint32_t ps_uni_nnames = %d;\n\n", nnames);

    printf("const PsUniFold ps_uni_folds[] = {\n");
    // CaseFolding.txt is sorted by code point already; check it.
    for (uint32_t i = 0; i < folds.len; i += 2) {
        if (i >= 2 && folds.items[i] <= folds.items[i - 2]) die("CaseFolding.txt is not sorted");
        printf("%s{0x%X,0x%X},", (i / 2) % 6 == 0 ? "    " : " ", folds.items[i],
               folds.items[i + 1]);
        if ((i / 2) % 6 == 5) printf("\n");
    }
    printf("\n};\nconst uint32_t ps_uni_nfolds = %u;\n", folds.len / 2);
    if (fflush(stdout) != 0 || ferror(stdout)) die("write error");
    return 0;
}
