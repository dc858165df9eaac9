// Strings, atoms and symbols. Owner: engine/string.c, engine/rope.c,
// engine/atom.c, engine/symbol.c (prefix en_str_ / en_atom_ / en_sym_).
//
// A string is a sequence of UTF-16 code units (JS semantics, lone
// surrogates allowed) stored as Latin-1 (every unit <= 0xFF, one byte each)
// or UTF-16 (two bytes each). Concatenation of long strings makes a rope
// (EN_STR_ROPE) that is flattened lazily, in place, the first time its
// characters are needed (en_str_flatten). Atoms are interned flat strings
// (one cell per distinct content, EN_STR_ATOM) used as property keys; the
// atom table is weak. Strings that are canonical array indices ("0".."4294967294")
// are never atoms: property keys convert them to index keys (object_int.h).
#ifndef OCHRE_ENGINE_STRING_INT_H
#define OCHRE_ENGINE_STRING_INT_H

#include <stddef.h>

#include "heap_int.h"

// EnString.hdr.flags
#define EN_STR_LATIN1 0x0001u  // flat, one byte per unit (else two)
#define EN_STR_ROPE 0x0002u    // EnRope (see en_str_flatten)
#define EN_STR_ATOM 0x0004u    // interned (in the runtime's atom table)
#define EN_STR_HASHED 0x0008u  // hash is computed
#define EN_STR_NUMERIC 0x0010u // content is a canonical numeric string of an integer index
                               // (set by key conversion; cached)
#define EN_STR_ROPE_LATIN1 0x0020u  // rope whose leaves are all Latin-1 (flattens to Latin-1)
#define EN_STR_NOT_NUMERIC 0x0040u  // key conversion found it is not an index (cached)

// Longest string (code units), as V8: longer results throw RangeError.
#define EN_STR_MAX_LENGTH ((1u << 29) - 24u)
// Concatenations shorter than this are flat copies; longer ones are ropes.
#define EN_STR_ROPE_MIN 24u

// Flat string: hdr.aux = length in code units.
typedef struct EnString {
    EnCell hdr;
    uint32_t hash;          // valid with EN_STR_HASHED
    uint32_t _pad;
    union {
        uint8_t latin1[8];  // really [length] (+1 NUL for Latin-1 convenience)
        uint16_t utf16[4];  // really [length]
    } u;
} EnString;

// Rope: hdr.flags has EN_STR_ROPE; left/right are strings (flat or ropes).
// Flattening allocates a flat string and turns the rope into an
// indirection to it (left = flat, right = NULL), so every holder sees the
// flat content without re-flattening.
typedef struct EnRope {
    EnCell hdr;
    uint32_t hash;
    uint32_t depth;
    EnString *left, *right;
} EnRope;

static inline uint32_t en_str_length(const EnString *s) { return s->hdr.aux; }
static inline bool en_str_is_latin1(const EnString *s) { return (s->hdr.flags & EN_STR_LATIN1) != 0; }
static inline bool en_str_is_rope(const EnString *s) { return (s->hdr.flags & EN_STR_ROPE) != 0; }
static inline EnString *en_as_string(EnValue v) { return (EnString *)en_as_ptr(v); }
static inline EnValue en_string_value(const EnString *s) { return en_ptr_value(EN_TAG_STRING, s); }

// --- creation (all may collect; NULL on heap limit with an exception pending).
// Input units may point into another heap string only if that string is
// rooted: they are read after the new cell is allocated.
// From UTF-8/WTF-8 bytes (invalid sequences become U+FFFD).
EnString *en_str_from_utf8(EnContext *cx, const char *s, size_t len);
EnString *en_str_from_cstr(EnContext *cx, const char *s);
EnString *en_str_from_latin1(EnContext *cx, const uint8_t *s, size_t len);
EnString *en_str_from_utf16(EnContext *cx, const uint16_t *s, size_t len);  // picks Latin-1 when possible
// Uninitialised flat string to fill (Latin-1 or UTF-16); length in units.
EnString *en_str_alloc(EnContext *cx, uint32_t length, bool latin1);
EnString *en_str_concat(EnContext *cx, EnString *a, EnString *b);  // rope when long
EnString *en_str_substring(EnContext *cx, EnString *s, uint32_t start, uint32_t end);
// Flattens (in place for ropes); returns the flat string (s itself when flat).
EnString *en_str_flatten(EnContext *cx, EnString *s);
// The empty string and one-unit strings are preallocated per runtime.
EnString *en_str_empty(EnContext *cx);
EnString *en_str_from_unit(EnContext *cx, uint16_t unit);

// --- reading (s must be flat)
// The unit arrays, as pointers: indexing s->u.latin1 past its declared 8
// bytes is fine at run time but trips -Warray-bounds once inlined.
static inline uint8_t *en_str_latin1(const EnString *s) {
    return (uint8_t *)(uintptr_t)s + offsetof(EnString, u);
}
static inline uint16_t *en_str_utf16(const EnString *s) {
    return (uint16_t *)((uintptr_t)s + offsetof(EnString, u));
}
static inline uint16_t en_str_at(const EnString *s, uint32_t i) {
    return en_str_is_latin1(s) ? en_str_latin1(s)[i] : en_str_utf16(s)[i];
}
uint32_t en_str_hash(EnString *s);                // s flat (or a flattened rope); cached
// The same hash over raw units (atom lookups before a string exists).
uint32_t en_str_hash_latin1(const uint8_t *s, size_t len);
uint32_t en_str_hash_utf16(const uint16_t *s, size_t len);
bool en_str_equal(EnContext *cx, EnString *a, EnString *b);  // flattens as needed
int en_str_compare(EnContext *cx, EnString *a, EnString *b); // code-unit order: <0, 0, >0
// Appends the WTF-8 encoding (lone surrogates as 3-byte sequences) to out.
void en_str_to_utf8(EnContext *cx, EnString *s, OchBuf *out);
bool en_str_equal_cstr(EnContext *cx, EnString *s, const char *ascii);

// String builder (for JSON, join, template literals): accumulates units,
// switches to UTF-16 on the first unit > 0xFF.
typedef struct EnStrBuilder {
    EnContext *cx;
    void *buf;      // och_malloc'd (not a heap cell): safe across collections
    uint32_t len, cap;
    bool utf16;
} EnStrBuilder;
void en_sb_init(EnStrBuilder *sb, EnContext *cx);
void en_sb_unit(EnStrBuilder *sb, uint16_t unit);
void en_sb_ascii(EnStrBuilder *sb, const char *s, size_t len);
void en_sb_string(EnStrBuilder *sb, EnString *s);  // flattens s
EnString *en_sb_finish(EnStrBuilder *sb);          // frees the buffer; NULL on heap limit
void en_sb_free(EnStrBuilder *sb);                 // on error paths

// --- atoms
// Interns: returns the atom with this content (the string itself when it
// is flat and not yet interned and `s` may be made an atom). Never for
// array-index strings (the caller converts those to index keys first).
EnString *en_atom_intern(EnContext *cx, EnString *s);
EnString *en_atom_from_cstr(EnContext *cx, const char *ascii);
EnString *en_atom_from_utf8(EnContext *cx, const char *s, size_t len);

// Predefined atoms, created with the runtime and kept alive (strong):
// rt->atoms[EN_ATOM_x]. Use en_atom(cx, EN_ATOM_x). Other names: intern at
// initialisation time with en_atom_from_cstr and keep them reachable.
#define EN_ATOM_LIST(X)                                                              \
    X(empty, "") X(length, "length") X(prototype, "prototype")                       \
    X(constructor, "constructor") X(name, "name") X(message, "message")              \
    X(stack, "stack") X(cause, "cause") X(errors, "errors") X(toString, "toString")  \
    X(valueOf, "valueOf") X(value, "value") X(done, "done") X(next, "next")          \
    X(return_, "return") X(throw_, "throw") X(then, "then") X(get, "get")            \
    X(set, "set") X(writable, "writable") X(enumerable, "enumerable")                \
    X(configurable, "configurable") X(arguments, "arguments") X(caller, "caller")    \
    X(callee, "callee") X(undefined, "undefined") X(null_, "null")                   \
    X(boolean, "boolean") X(number, "number") X(string, "string")                    \
    X(symbol, "symbol") X(bigint, "bigint") X(object, "object")                      \
    X(function, "function") X(true_, "true") X(false_, "false") X(NaN, "NaN")        \
    X(Infinity, "Infinity") X(neg_Infinity, "-Infinity") X(default_, "default")      \
    X(proto, "__proto__") X(toJSON, "toJSON") X(index, "index") X(input, "input")    \
    X(groups, "groups") X(raw, "raw") X(lastIndex, "lastIndex") X(join, "join")      \
    X(anonymous, "anonymous") X(globalThis, "globalThis") X(Symbol_, "Symbol")       \
    X(async, "async") X(await, "await") X(let, "let") X(yield, "yield")              \
    X(eval, "eval") X(size, "size") X(add, "add") X(has, "has") X(status, "status")  \
    X(reason, "reason") X(fulfilled, "fulfilled") X(rejected, "rejected")            \
    X(resolve, "resolve") X(reject, "reject") X(Error, "Error") X(console, "console") \
    X(log, "log") X(print, "print")

typedef enum EnAtomId {
#define EN_ATOM_ENUM_(id, text) EN_ATOM_##id,
    EN_ATOM_LIST(EN_ATOM_ENUM_)
#undef EN_ATOM_ENUM_
        EN_ATOM_COUNT
} EnAtomId;

EnString *en_atom(EnContext *cx, EnAtomId id);

// --- symbols
typedef struct EnSymbol {
    EnCell hdr;          // flags: EN_SYM_REGISTERED (Symbol.for), EN_SYM_PRIVATE (#name key)
    uint32_t hash;
    uint32_t _pad;
    EnValue description; // string or undefined
} EnSymbol;
#define EN_SYM_REGISTERED 0x0001u
#define EN_SYM_PRIVATE 0x0002u  // private name of a class: a key never visible to reflection

static inline EnSymbol *en_as_symbol(EnValue v) { return (EnSymbol *)en_as_ptr(v); }
static inline EnValue en_symbol_value(const EnSymbol *s) { return en_ptr_value(EN_TAG_SYMBOL, s); }

EnSymbol *en_sym_new(EnContext *cx, EnValue description);
// Symbol.for(key): the registered symbol of this content (created on first
// use; the registry is strong). NULL on heap limit.
EnSymbol *en_sym_for(EnContext *cx, EnString *key);
// Symbol.keyFor(sym): its key string, or EN_UNDEFINED when not registered.
EnValue en_sym_key_for(EnSymbol *sym);

#define EN_WELL_KNOWN_SYMBOLS(X)                                                   \
    X(asyncIterator) X(hasInstance) X(isConcatSpreadable) X(iterator) X(match)     \
    X(matchAll) X(replace) X(search) X(species) X(split) X(toPrimitive)            \
    X(toStringTag) X(unscopables) X(dispose) X(asyncDispose)

typedef enum EnWellKnownSymbol {
#define EN_WKS_ENUM_(id) EN_SYM_##id,
    EN_WELL_KNOWN_SYMBOLS(EN_WKS_ENUM_)
#undef EN_WKS_ENUM_
        EN_SYM_COUNT
} EnWellKnownSymbol;

EnSymbol *en_well_known_symbol(EnContext *cx, EnWellKnownSymbol id);

#endif
