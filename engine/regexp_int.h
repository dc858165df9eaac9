// Regular expressions: the compiler from the parser's pattern AST
// (parser/regexp.h) to a compact bytecode, the backtracking matcher, the
// program cache, and the case/character-set helpers they share.
// Owner: the regexp helper (engine/regexp_*.c, builtins/bi_regexp*.c).
//
// A program (EnReProg) is immutable C memory with no heap references, so
// one compiled program is shared by every RegExp object (of any runtime or
// thread) with the same (pattern, flags): a process-wide cache keyed by the
// pattern's code units and flags hands out references (atomic count); a
// RegExp object's finalizer drops its reference.
//
// Bytecode: a uint32_t array. Each instruction is an opcode word (low 8
// bits: EnReOp; bit 8 EN_RE_BACK: matches backwards, inside lookbehind)
// followed by its operands (see the EnReOp list). Jump targets are absolute
// word indices. Registers (int32) hold capture boundaries (2 per group,
// group 0 included; -1 = unset) then loop counters, saved positions and
// lookaround markers.
//
// Matching (regexp_exec.c): a backtracking interpreter with an explicit
// stack of choice points and an undo log of register writes (never C
// recursion). The stack is bounded (EN_RE_STACK_LIMIT bytes): exceeding it
// is a RangeError; the matcher polls en_poll_interrupt every few thousand
// backtracks so time limits and cancellation stop catastrophic patterns.
#ifndef OCHRE_ENGINE_REGEXP_INT_H
#define OCHRE_ENGINE_REGEXP_INT_H

#include <stdatomic.h>

#include "regexp.h"
#include "runtime_int.h"

#define EN_RE_BACK 0x100u
#define EN_RE_OP(w) ((w) & 0xFFu)

// Opcodes and their operands (after the opcode word).
typedef enum EnReOp {
    EN_RE_MATCH,       // success
    EN_RE_CHAR,        // c: one code unit (or BMP non-surrogate code point) equal to c
    EN_RE_CHAR2,       // a b: a unit equal to a or b (case-insensitive pairs)
    EN_RE_CHAR_CP,     // c: one code point (u/v: surrogates, astral) equal to c
    EN_RE_ANY,         // any unit (u/v: any code point)
    EN_RE_DOT,         // any but a line terminator
    EN_RE_CLASS,       // set: the set at pool offset `set` (units; u/v: code points)
    EN_RE_NCLASS,      // set: not in the set
    EN_RE_BOL,         // ^ without m
    EN_RE_EOL,         // $ without m
    EN_RE_BOL_M,       // ^ with m
    EN_RE_EOL_M,       // $ with m
    EN_RE_WORDB,       // uword: \b (uword: u/v + i word characters)
    EN_RE_NWORDB,      // uword: \B
    EN_RE_JMP,         // target
    EN_RE_SPLIT,       // first second: try first, on failure second
    EN_RE_SAVE,        // reg: reg = position
    EN_RE_RESET,       // from to: regs [from, to) = -1
    EN_RE_SETZERO,     // reg: reg = 0
    EN_RE_LOOP,        // cnt min max greedy exit: counted loop head (see compile)
    EN_RE_ENDITER,     // cnt pos min head: empty check, ++cnt, jump head
    EN_RE_CHECKADV,    // pos: fail when position == reg pos (empty iteration)
    EN_RE_BACKREF,     // icase n g1..gn: the first participating group of the list
    EN_RE_LOOK,        // neg reg end: lookaround start (reg: marker index, end: after LOOK_END)
    EN_RE_LOOK_END,    // reg
    EN_RE_REPEAT,      // min max greedy: the next (single-character) instruction repeated
    EN_RE_OP_COUNT
} EnReOp;

// A character set in the program pool: [n, bitmap (8 words: units < 256),
// n ranges as lo hi pairs (sorted, disjoint)].
#define EN_RE_SET_HDR 9u

typedef struct EnReProg {
    atomic_uint refs;
    uint32_t flags;      // PS_RE_FLAG_*
    uint32_t ngroups;    // capturing groups (group 0 not counted)
    uint32_t nregs;      // 2 * (ngroups + 1) + auxiliary registers
    uint32_t ncode;
    uint32_t *code;
    uint32_t *pool;      // character sets
    // Group names (UTF-8; NULL for unnamed), [ngroups + 1].
    char **names;
    bool has_names;
    // Starting positions: when `first_ok`, a match can only start at a
    // unit u < 256 with bit u of first set, or (first_high) at a unit >= 256.
    bool first_ok, first_high;
    uint32_t first[8];
    bool anchored;       // starts with ^ (without m): only position 0 can match
    // Cache key.
    uint32_t hash;
    uint32_t srclen;
    uint16_t *src;
} EnReProg;

// Compiles `pattern` (a flat string) with flags (PS_RE_FLAG_*). Returns a
// new reference, or NULL with a SyntaxError pending (invalid pattern; the
// message comes from the parser's diagnostic). Cached per (pattern, flags):
// a hit costs one hash of the pattern. Thread-safe.
EnReProg *en_re_compile(EnContext *cx, EnString *pattern, uint32_t flags);
void en_re_prog_retain(EnReProg *p);
void en_re_prog_release(EnReProg *p);
// Compiles without the cache (tests). NULL with *err (och_malloc'd
// message, caller frees) on a syntax error.
EnReProg *en_re_compile_utf8(const char *pattern, uint32_t len, uint32_t flags, char **err);

// Match results.
#define EN_RE_NOMATCH 0
#define EN_RE_MATCHED 1
#define EN_RE_FAILED (-1)  // exception pending (stack limit, interrupt)

#define EN_RE_STACK_LIMIT (128u << 20)

// Runs the program on the flat string s from index `start` (searching
// forward unless sticky). On a match fills caps[0 .. 2 * (ngroups + 1))
// with unit indices (-1: group did not participate). O(backtracks).
int en_re_exec(EnContext *cx, const EnReProg *p, const EnString *s, uint32_t start, bool sticky,
               int32_t *caps);

// --- Unicode helpers (regexp_unicode.c)
// Canonicalize(ch) of 22.2.2.7.3: simple case folding with u/v, the
// toUppercase rule without.
uint32_t en_re_canonicalize(uint32_t ch, bool unicode);

// A growable set of code point ranges (compiler scratch, och_malloc'd).
typedef struct EnReSet {
    uint32_t *r;  // lo, hi pairs
    uint32_t n, cap;  // ranges
} EnReSet;
void en_re_set_add(EnReSet *s, uint32_t lo, uint32_t hi);
void en_re_set_normalize(EnReSet *s);  // sort and merge
void en_re_set_union(EnReSet *s, const EnReSet *b);
void en_re_set_intersect(EnReSet *s, const EnReSet *b);  // both normalized
void en_re_set_subtract(EnReSet *s, const EnReSet *b);   // both normalized
void en_re_set_invert(EnReSet *s, uint32_t max);          // normalized
bool en_re_set_has(const EnReSet *s, uint32_t c);         // normalized
// Adds every character case-equivalent (under Canonicalize) to a member.
void en_re_set_case_close(EnReSet *s, bool unicode);  // normalized in and out
void en_re_set_free(EnReSet *s);

// --- RegExp objects (builtins/bi_regexp.c, bi_regexp_symbols.c)
typedef struct EnRegExp {
    EnObject base;
    EnReProg *prog;    // [[RegExpMatcher]]; NULL until RegExpInitialize
    EnValue source;    // [[OriginalSource]] (string) or undefined
    EnValue flags;     // [[OriginalFlags]] (string) or undefined
} EnRegExp;

// The object as a RegExp with [[RegExpMatcher]], or NULL.
EnRegExp *en_regexp_of(EnValue v);
// r when it is a RegExp whose exec is the builtin one (own shape without
// `exec`, prototype %RegExp.prototype% with the original data property) and
// whose lastIndex is a writable number: the symbol methods may then run the
// matcher directly, which is unobservable. NULL otherwise.
EnRegExp *en_regexp_pristine(EnContext *cx, EnValue r);
// RegExpExec(R, S): the result object, EN_NULL, or EN_EXCEPTION. S rooted.
EnValue en_regexp_exec(EnContext *cx, EnValue r, EnValue s);
// AdvanceStringIndex(S, index, unicode).
uint64_t en_regexp_advance(const EnString *s, uint64_t index, bool unicode);
// ToLength(Get(r, "lastIndex")) / Set(r, "lastIndex", v, true).
bool en_regexp_get_last_index(EnContext *cx, EnValue r, uint64_t *out);
bool en_regexp_set_last_index(EnContext *cx, EnValue r, double v);
// ToString(Get(r, "flags")) flattened; NULL on throw.
EnString *en_regexp_flags_string(EnContext *cx, EnValue r);
bool en_init_regexp_symbols(EnContext *cx, EnObject *proto);

#endif
