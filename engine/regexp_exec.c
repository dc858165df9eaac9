// Regexp matcher: a backtracking interpreter of the bytecode in
// regexp_int.h. The backtrack stack holds choice points, an undo log of
// register writes, single-character repeat states and lookaround markers;
// a failed attempt unwinds it completely, so registers are back to -1 for
// the next starting position without re-initialising them. The core loop
// is instantiated twice (Latin-1 and UTF-16 subjects) through an
// always-inline function with a constant `latin1` argument.
#include <string.h>

#include "regexp_int.h"

enum { BT_CHOICE, BT_UNDO, BT_NOP, BT_LOOK, BT_REP_G, BT_REP_L };

typedef struct Bt {
    int32_t kind;
    int32_t pc;   // CHOICE: resume pc; UNDO: register; LOOK/REP: the instruction
    int32_t pos;  // CHOICE/LOOK/REP: position; UNDO: old value
    int32_t aux;  // REP_G: bound position; REP_L: count
} Bt;

#define STACK_INLINE 256u

typedef struct M {
    EnContext *cx;
    const EnReProg *p;
    const uint32_t *code, *pool;
    const uint8_t *s8;
    const uint16_t *s16;
    int32_t len;
    bool unicode;
    int32_t *regs;
    Bt *st;
    uint32_t sp, cap;
    Bt inline_st[STACK_INLINE];
    uint32_t ticks;
    bool failed;  // exception pending
} M;

static bool is_high(uint32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
static bool is_low(uint32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }
static bool is_lt(uint32_t c) { return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029; }

#define UNIT(i) (latin1 ? (uint32_t)m->s8[i] : (uint32_t)m->s16[i])

static bool grow(M *m) {
    uint32_t ncap = m->cap * 2;
    if ((size_t)ncap * sizeof(Bt) > EN_RE_STACK_LIMIT) {
        en_throw_range_error(m->cx, "Maximum call stack size exceeded (regular expression backtracking)");
        m->failed = true;
        return false;
    }
    Bt *n = och_malloc(sizeof(Bt) * ncap);
    memcpy(n, m->st, sizeof(Bt) * m->sp);
    if (m->st != m->inline_st) och_free(m->st);
    m->st = n;
    m->cap = ncap;
    return true;
}

static inline bool push(M *m, int32_t kind, int32_t pc, int32_t pos, int32_t aux) {
    if (__builtin_expect(m->sp == m->cap, 0) && !grow(m)) return false;
    m->st[m->sp++] = (Bt){kind, pc, pos, aux};
    return true;
}

static inline bool set_reg(M *m, uint32_t r, int32_t v) {
    if (m->regs[r] == v) return true;
    if (!push(m, BT_UNDO, (int32_t)r, m->regs[r], 0)) return false;
    m->regs[r] = v;
    return true;
}

static inline bool in_set(const uint32_t *set, uint32_t c) {
    if (c < 256) return (set[1 + c / 32] >> (c % 32)) & 1u;
    uint32_t lo = 0, hi = set[0];
    const uint32_t *r = set + EN_RE_SET_HDR;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (r[2 * mid + 1] < c)
            lo = mid + 1;
        else if (r[2 * mid] > c)
            hi = mid;
        else
            return true;
    }
    return false;
}

static inline bool is_word(uint32_t c, bool uword) {
    if (c < 128) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    return uword && (c == 0x17F || c == 0x212A);
}

// Reads the character at pos forwards (or before pos backwards); returns
// the new position or -1 at the end of input.
static inline __attribute__((always_inline)) int32_t rd(const M *m, int32_t pos, bool back, bool cp,
                                                        uint32_t *c, const bool latin1) {
    if (!back) {
        if (pos >= m->len) return -1;
        uint32_t u = UNIT(pos);
        if (!latin1 && cp && is_high(u) && pos + 1 < m->len && is_low(UNIT(pos + 1))) {
            *c = 0x10000 + ((u - 0xD800) << 10) + (UNIT(pos + 1) - 0xDC00);
            return pos + 2;
        }
        *c = u;
        return pos + 1;
    }
    if (pos <= 0) return -1;
    uint32_t u = UNIT(pos - 1);
    if (!latin1 && cp && is_low(u) && pos - 2 >= 0 && is_high(UNIT(pos - 2))) {
        *c = 0x10000 + ((UNIT(pos - 2) - 0xD800) << 10) + (u - 0xDC00);
        return pos - 2;
    }
    *c = u;
    return pos - 1;
}

static inline uint32_t atom_len(uint32_t op) {
    switch (EN_RE_OP(op)) {
    case EN_RE_CHAR2: return 3;
    case EN_RE_ANY:
    case EN_RE_DOT: return 1;
    default: return 2;
    }
}

// One single-character instruction at pc from pos: new position or -1.
static inline __attribute__((always_inline)) int32_t step(const M *m, uint32_t pc, int32_t pos,
                                                          const bool latin1) {
    uint32_t w = m->code[pc];
    bool back = (w & EN_RE_BACK) != 0;
    uint32_t c;
    int32_t np;
    switch (EN_RE_OP(w)) {
    case EN_RE_CHAR:
        np = rd(m, pos, back, false, &c, latin1);
        return np >= 0 && c == m->code[pc + 1] ? np : -1;
    case EN_RE_CHAR2:
        np = rd(m, pos, back, false, &c, latin1);
        return np >= 0 && (c == m->code[pc + 1] || c == m->code[pc + 2]) ? np : -1;
    case EN_RE_CHAR_CP:
        np = rd(m, pos, back, true, &c, latin1);
        return np >= 0 && c == m->code[pc + 1] ? np : -1;
    case EN_RE_ANY: return rd(m, pos, back, m->unicode, &c, latin1);
    case EN_RE_DOT:
        np = rd(m, pos, back, m->unicode, &c, latin1);
        return np >= 0 && !is_lt(c) ? np : -1;
    case EN_RE_CLASS:
        np = rd(m, pos, back, m->unicode, &c, latin1);
        return np >= 0 && in_set(m->pool + m->code[pc + 1], c) ? np : -1;
    case EN_RE_NCLASS:
        np = rd(m, pos, back, m->unicode, &c, latin1);
        return np >= 0 && !in_set(m->pool + m->code[pc + 1], c) ? np : -1;
    default: return -1;
    }
}

static inline uint32_t fold(uint32_t c, bool unicode) { return en_re_canonicalize(c, unicode); }

// Backreference to the substring [s, e) at pos: new position or -1.
static inline __attribute__((always_inline)) int32_t backref(const M *m, int32_t pos, int32_t s, int32_t e,
                                                             bool back, bool icase, const bool latin1) {
    int32_t n = e - s;
    int32_t at = back ? pos - n : pos;
    if (at < 0 || at + n > m->len) return -1;
    if (!icase) {
        for (int32_t i = 0; i < n; i++)
            if (UNIT(s + i) != UNIT(at + i)) return -1;
    } else {
        int32_t i = 0;
        while (i < n) {
            uint32_t a = 0, b = 0;
            int32_t na = rd(m, s + i, false, m->unicode, &a, latin1);
            int32_t nb = rd(m, at + i, false, m->unicode, &b, latin1);
            if (na - (s + i) != nb - (at + i) || na > e) return -1;
            if (a != b && fold(a, m->unicode) != fold(b, m->unicode)) return -1;
            i = na - s;
        }
    }
    return back ? at : at + n;
}

// Runs from `start`. Returns EN_RE_MATCHED, EN_RE_NOMATCH or EN_RE_FAILED.
static inline __attribute__((always_inline)) int run(M *m, int32_t start, int32_t *caps, const bool latin1) {
    const uint32_t *code = m->code;
    uint32_t pc = 0;
    int32_t pos = start;
    uint32_t base = m->sp;
    for (;;) {
        uint32_t w = code[pc];
        switch (EN_RE_OP(w)) {
        case EN_RE_MATCH:
            memcpy(caps, m->regs, sizeof(int32_t) * 2 * (m->p->ngroups + 1));
            m->sp = base;
            return EN_RE_MATCHED;
        case EN_RE_CHAR:
        case EN_RE_CHAR2:
        case EN_RE_CHAR_CP:
        case EN_RE_ANY:
        case EN_RE_DOT:
        case EN_RE_CLASS:
        case EN_RE_NCLASS: {
            int32_t np = step(m, pc, pos, latin1);
            if (np < 0) goto fail;
            pos = np;
            pc += atom_len(w);
            continue;
        }
        case EN_RE_BOL:
            if (pos != 0) goto fail;
            pc++;
            continue;
        case EN_RE_EOL:
            if (pos != m->len) goto fail;
            pc++;
            continue;
        case EN_RE_BOL_M:
            if (pos != 0 && !is_lt(UNIT(pos - 1))) goto fail;
            pc++;
            continue;
        case EN_RE_EOL_M:
            if (pos != m->len && !is_lt(UNIT(pos))) goto fail;
            pc++;
            continue;
        case EN_RE_WORDB:
        case EN_RE_NWORDB: {
            bool uw = code[pc + 1] != 0;
            bool a = pos > 0 && is_word(UNIT(pos - 1), uw);
            bool b = pos < m->len && is_word(UNIT(pos), uw);
            if ((a != b) != (EN_RE_OP(w) == EN_RE_WORDB)) goto fail;
            pc += 2;
            continue;
        }
        case EN_RE_JMP: pc = code[pc + 1]; continue;
        case EN_RE_SPLIT:
            if (!push(m, BT_CHOICE, (int32_t)code[pc + 2], pos, 0)) return EN_RE_FAILED;
            pc = code[pc + 1];
            continue;
        case EN_RE_SAVE:
            if (!set_reg(m, code[pc + 1], pos)) return EN_RE_FAILED;
            pc += 2;
            continue;
        case EN_RE_RESET:
            for (uint32_t r = code[pc + 1]; r < code[pc + 2]; r++)
                if (!set_reg(m, r, -1)) return EN_RE_FAILED;
            pc += 3;
            continue;
        case EN_RE_SETZERO:
            if (!set_reg(m, code[pc + 1], 0)) return EN_RE_FAILED;
            pc += 2;
            continue;
        case EN_RE_CHECKADV:
            if (pos == m->regs[code[pc + 1]]) goto fail;
            pc += 2;
            continue;
        case EN_RE_LOOP: {
            uint32_t n = (uint32_t)m->regs[code[pc + 1]];
            uint32_t min = code[pc + 2], max = code[pc + 3];
            if (n < min) {
                pc += 6;
            } else if (n >= max) {
                pc = code[pc + 5];
            } else if (code[pc + 4]) {
                if (!push(m, BT_CHOICE, (int32_t)code[pc + 5], pos, 0)) return EN_RE_FAILED;
                pc += 6;
            } else {
                if (!push(m, BT_CHOICE, (int32_t)(pc + 6), pos, 0)) return EN_RE_FAILED;
                pc = code[pc + 5];
            }
            continue;
        }
        case EN_RE_ENDITER: {
            uint32_t cnt = code[pc + 1], rp = code[pc + 2];
            uint32_t n = (uint32_t)m->regs[cnt];
            if (rp != UINT32_MAX && n >= code[pc + 3] && pos == m->regs[rp]) goto fail;
            if (!set_reg(m, cnt, (int32_t)(n + 1))) return EN_RE_FAILED;
            pc = code[pc + 4];
            continue;
        }
        case EN_RE_BACKREF: {
            bool icase = code[pc + 1] != 0;
            uint32_t n = code[pc + 2];
            int32_t s = -1, e = -1;
            for (uint32_t i = 0; i < n; i++) {
                uint32_t g = code[pc + 3 + i];
                if (m->regs[2 * g] >= 0 && m->regs[2 * g + 1] >= 0) {
                    s = m->regs[2 * g];
                    e = m->regs[2 * g + 1];
                    break;
                }
            }
            if (s >= 0 && e > s) {
                int32_t np = backref(m, pos, s, e, (w & EN_RE_BACK) != 0, icase, latin1);
                if (np < 0) goto fail;
                pos = np;
            }
            pc += 3 + n;
            continue;
        }
        case EN_RE_LOOK:
            if (!push(m, BT_LOOK, (int32_t)pc, pos, 0)) return EN_RE_FAILED;
            if (!set_reg(m, code[pc + 2], (int32_t)(m->sp - 1))) return EN_RE_FAILED;
            pc += 4;
            continue;
        case EN_RE_LOOK_END: {
            uint32_t mi = (uint32_t)m->regs[code[pc + 1]];
            Bt mk = m->st[mi];
            uint32_t lpc = (uint32_t)mk.pc;
            if (!code[lpc + 1]) {
                // Positive: keep the register writes, drop the choice points.
                uint32_t wr = mi + 1;
                for (uint32_t i = mi + 1; i < m->sp; i++)
                    if (m->st[i].kind == BT_UNDO) m->st[wr++] = m->st[i];
                m->sp = wr;
                m->st[mi].kind = BT_NOP;
                pos = mk.pos;
                pc = code[lpc + 3];
                continue;
            }
            // Negative: the body matched, so the assertion fails.
            while (m->sp > mi + 1) {
                Bt e = m->st[--m->sp];
                if (e.kind == BT_UNDO) m->regs[e.pc] = e.pos;
            }
            m->sp = mi;
            goto fail;
        }
        case EN_RE_REPEAT: {
            uint32_t min = code[pc + 1], max = code[pc + 2];
            uint32_t apc = pc + 4, next = apc + atom_len(code[apc]);
            uint32_t count = 0;
            int32_t p = pos;
            while (count < min) {
                int32_t np = step(m, apc, p, latin1);
                if (np < 0) goto fail;
                p = np;
                count++;
            }
            if (code[pc + 3]) {
                int32_t bound = p;
                while (count < max) {
                    int32_t np = step(m, apc, p, latin1);
                    if (np < 0) break;
                    p = np;
                    count++;
                }
                if (p != bound && !push(m, BT_REP_G, (int32_t)pc, p, bound)) return EN_RE_FAILED;
            } else if (count < max) {
                if (!push(m, BT_REP_L, (int32_t)pc, p, (int32_t)count)) return EN_RE_FAILED;
            }
            pos = p;
            pc = next;
            continue;
        }
        default: OCH_UNREACHABLE();
        }
    fail:
        for (;;) {
            if (m->sp == base) return EN_RE_NOMATCH;
            Bt e = m->st[--m->sp];
            switch (e.kind) {
            case BT_UNDO: m->regs[e.pc] = e.pos; continue;
            case BT_NOP: continue;
            case BT_CHOICE:
                pc = (uint32_t)e.pc;
                pos = e.pos;
                break;
            case BT_LOOK:
                if (!code[e.pc + 1]) continue;
                pos = e.pos;
                pc = code[e.pc + 3];
                break;
            case BT_REP_G: {
                uint32_t apc = (uint32_t)e.pc + 4;
                bool back = (code[apc] & EN_RE_BACK) != 0;
                int32_t p = e.pos;
                if (!back) {
                    p = (!latin1 && m->unicode && p - 2 >= e.aux && is_low(UNIT(p - 1)) && is_high(UNIT(p - 2)))
                            ? p - 2
                            : p - 1;
                } else {
                    p = (!latin1 && m->unicode && p + 2 <= e.aux && is_high(UNIT(p)) && is_low(UNIT(p + 1)))
                            ? p + 2
                            : p + 1;
                }
                if (p != e.aux) m->st[m->sp++] = (Bt){BT_REP_G, e.pc, p, e.aux};
                pos = p;
                pc = apc + atom_len(code[apc]);
                break;
            }
            case BT_REP_L: {
                uint32_t apc = (uint32_t)e.pc + 4;
                int32_t np = step(m, apc, e.pos, latin1);
                if (np < 0) continue;
                uint32_t count = (uint32_t)e.aux + 1;
                if (count < code[e.pc + 2]) m->st[m->sp++] = (Bt){BT_REP_L, e.pc, np, (int32_t)count};
                pos = np;
                pc = apc + atom_len(code[apc]);
                break;
            }
            default: OCH_UNREACHABLE();
            }
            if (__builtin_expect((++m->ticks & 0xFFF) == 0, 0) && !en_poll_interrupt(m->cx)) {
                m->failed = true;
                return EN_RE_FAILED;
            }
            break;
        }
    }
}

static int run_latin1(M *m, int32_t start, int32_t *caps) { return run(m, start, caps, true); }
static int run_utf16(M *m, int32_t start, int32_t *caps) { return run(m, start, caps, false); }

int en_re_exec(EnContext *cx, const EnReProg *p, const EnString *s, uint32_t start, bool sticky,
               int32_t *caps) {
    M m;
    m.cx = cx;
    m.p = p;
    m.code = p->code;
    m.pool = p->pool;
    bool latin1 = en_str_is_latin1(s);
    m.s8 = latin1 ? en_str_latin1(s) : NULL;
    m.s16 = latin1 ? NULL : en_str_utf16(s);
    m.len = (int32_t)en_str_length(s);
    m.unicode = (p->flags & (PS_RE_FLAG_U | PS_RE_FLAG_V)) != 0;
    int32_t regs_inline[64];
    m.regs = p->nregs <= 64 ? regs_inline : och_malloc(sizeof(int32_t) * p->nregs);
    for (uint32_t i = 0; i < p->nregs; i++) m.regs[i] = -1;
    m.st = m.inline_st;
    m.sp = 0;
    m.cap = STACK_INLINE;
    m.ticks = 0;
    m.failed = false;
    int res = EN_RE_NOMATCH;
    int32_t i = (int32_t)start;
    while (i <= m.len) {
        if (p->anchored && i > 0) break;
        if (p->first_ok && !sticky) {
            while (i < m.len) {
                uint32_t u = latin1 ? m.s8[i] : m.s16[i];
                if (u < 256 ? (p->first[u / 32] >> (u % 32)) & 1u : p->first_high) break;
                i++;
            }
            if (i >= m.len) break;
            if (!latin1 && m.unicode && i > (int32_t)start && is_low(m.s16[i]) && is_high(m.s16[i - 1])) {
                i++;
                continue;
            }
        }
        res = latin1 ? run_latin1(&m, i, caps) : run_utf16(&m, i, caps);
        if (res != EN_RE_NOMATCH || sticky) break;
        if (!latin1 && m.unicode && i + 1 < m.len && is_high(m.s16[i]) && is_low(m.s16[i + 1]))
            i += 2;
        else
            i++;
        if ((++m.ticks & 0xFFF) == 0 && !en_poll_interrupt(cx)) {
            res = EN_RE_FAILED;
            break;
        }
    }
    if (m.st != m.inline_st) och_free(m.st);
    if (m.regs != regs_inline) och_free(m.regs);
    return res;
}
