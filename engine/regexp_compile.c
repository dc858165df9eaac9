// Regexp compiler: the parser's pattern AST (parser/regexp.h) to the
// bytecode of regexp_int.h, plus the process-wide program cache.
//
// Case-insensitive matching is resolved here: a character becomes the set
// of its case-equivalents and every class is closed under Canonicalize, so
// the matcher only compares units and tests sets (backreferences excepted).
// Modifiers `(?i-ms:...)` only change which instructions are emitted.
#include <pthread.h>
#include <string.h>

#include "regexp_int.h"
#include "unicode.h"

typedef struct Strs {  // v-flag strings of a class (code points each)
    OCH_VEC(uint32_t *) s;  // each: [len, cp...]
} Strs;

typedef struct Cg {
    OCH_VEC(uint32_t) code;
    OCH_VEC(uint32_t) pool;
    uint32_t nregs;
    bool unicode, vmode;
    const PsRegexp *re;
} Cg;

static void emit(Cg *cg, uint32_t w) { och_vec_push(&cg->code, w); }
static uint32_t here(const Cg *cg) { return cg->code.len; }
static uint32_t new_reg(Cg *cg) { return cg->nregs++; }

// --- character sets -----------------------------------------------------------------

static uint32_t set_max(const Cg *cg) { return cg->unicode ? 0x10FFFF : 0xFFFF; }

static void add_escape(Cg *cg, EnReSet *s, char esc, bool negated, uint32_t fl) {
    EnReSet t = {0};
    if (esc == 'd') {
        en_re_set_add(&t, '0', '9');
    } else if (esc == 'w') {
        en_re_set_add(&t, '0', '9');
        en_re_set_add(&t, 'A', 'Z');
        en_re_set_add(&t, '_', '_');
        en_re_set_add(&t, 'a', 'z');
        if (cg->unicode && (fl & PS_RE_FLAG_I)) {
            en_re_set_add(&t, 0x17F, 0x17F);
            en_re_set_add(&t, 0x212A, 0x212A);
        }
    } else {  // s: WhiteSpace and LineTerminator
        static const uint32_t ws[][2] = {{9, 13},         {32, 32},         {0xA0, 0xA0},
                                         {0x1680, 0x1680}, {0x2000, 0x200A}, {0x2028, 0x2029},
                                         {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000},
                                         {0xFEFF, 0xFEFF}};
        for (size_t i = 0; i < sizeof ws / sizeof ws[0]; i++) en_re_set_add(&t, ws[i][0], ws[i][1]);
    }
    en_re_set_normalize(&t);
    if (cg->vmode && (fl & PS_RE_FLAG_I)) en_re_set_case_close(&t, true);
    if (negated) en_re_set_invert(&t, set_max(cg));
    en_re_set_union(s, &t);
    en_re_set_free(&t);
}

static uint32_t *str_new(const uint32_t *cps, uint32_t n) {
    uint32_t *s = och_malloc(sizeof(uint32_t) * (n + 1));
    s[0] = n;
    memcpy(s + 1, cps, sizeof(uint32_t) * n);
    return s;
}

static void strs_free(Strs *ss) {
    for (uint32_t i = 0; i < ss->s.len; i++) och_free(ss->s.items[i]);
    och_vec_free(&ss->s);
}

static bool str_eq(const uint32_t *a, const uint32_t *b, bool icase) {
    if (a[0] != b[0]) return false;
    for (uint32_t i = 1; i <= a[0]; i++)
        if (a[i] != b[i] && !(icase && en_re_canonicalize(a[i], true) == en_re_canonicalize(b[i], true)))
            return false;
    return true;
}

static bool strs_has(const Strs *ss, const uint32_t *s, bool icase) {
    for (uint32_t i = 0; i < ss->s.len; i++)
        if (str_eq(ss->s.items[i], s, icase)) return true;
    return false;
}

static void strs_add(Strs *ss, uint32_t *s, bool icase) {
    if (strs_has(ss, s, icase)) {
        och_free(s);
        return;
    }
    och_vec_push(&ss->s, s);
}

static void class_to_set(Cg *cg, const PsReNode *n, uint32_t fl, EnReSet *set, Strs *strs);

// One operand of a v-mode class (or an item of a union) into (set, strs).
static void item_to_set(Cg *cg, const PsReNode *it, uint32_t fl, EnReSet *set, Strs *strs) {
    bool icase = (fl & PS_RE_FLAG_I) != 0;
    switch (it->kind) {
    case PS_RE_CHAR: en_re_set_add(set, it->cp, it->cp); break;
    case PS_RE_CLASS_RANGE: en_re_set_add(set, it->range.from, it->range.to); break;
    case PS_RE_CLASS_ESCAPE: add_escape(cg, set, (char)it->esc, it->flags & PS_RE_NF_NEGATED, fl); break;
    case PS_RE_PROPERTY: {
        uint32_t cnt;
        const PsUniRange *r = ps_unicode_prop_ranges(it->prop, &cnt);
        EnReSet t = {0};
        for (uint32_t i = 0; i < cnt; i++) en_re_set_add(&t, r[i].lo, r[i].hi);
        en_re_set_normalize(&t);
        if (cg->vmode && icase) en_re_set_case_close(&t, true);
        if (it->flags & PS_RE_NF_NEGATED) en_re_set_invert(&t, set_max(cg));
        en_re_set_union(set, &t);
        en_re_set_free(&t);
        if (it->prop->kind == PS_UNI_KIND_STRINGS && strs) {
            const uint32_t *q = ps_unicode_prop_seqs(it->prop);
            for (uint32_t i = 0; i < it->prop->seq_count; i++) {
                strs_add(strs, str_new(q + 1, q[0]), icase);
                q += 1 + q[0];
            }
        }
        break;
    }
    case PS_RE_CLASS_STRINGS:
        for (const PsReNode *s = it->list.first; s; s = s->next) {
            if (s->str.len == 1)
                en_re_set_add(set, s->str.cps[0], s->str.cps[0]);
            else if (strs)
                strs_add(strs, str_new(s->str.cps, s->str.len), icase);
        }
        break;
    case PS_RE_CLASS: {
        EnReSet t = {0};
        Strs ts = {0};
        class_to_set(cg, it, fl, &t, &ts);
        en_re_set_union(set, &t);
        for (uint32_t i = 0; i < ts.s.len; i++) {
            if (strs) strs_add(strs, ts.s.items[i], icase);
            else och_free(ts.s.items[i]);
        }
        och_vec_free(&ts.s);
        en_re_set_free(&t);
        break;
    }
    default: break;
    }
}

// The set of a CLASS node. Non-v: the raw union (closure and complement
// are applied by the caller, as CharacterSetMatcher does). v: leaves are
// closed under case folding when ignoring case, and a nested [^...] is the
// complement of its closed set.
static void class_to_set(Cg *cg, const PsReNode *n, uint32_t fl, EnReSet *set, Strs *strs) {
    bool icase = (fl & PS_RE_FLAG_I) != 0;
    if (n->op == PS_RE_CLASS_UNION) {
        for (const PsReNode *it = n->list.first; it; it = it->next) item_to_set(cg, it, fl, set, strs);
        en_re_set_normalize(set);
    } else {
        bool first = true;
        for (const PsReNode *it = n->list.first; it; it = it->next) {
            EnReSet t = {0};
            Strs ts = {0};
            item_to_set(cg, it, fl, &t, &ts);
            en_re_set_normalize(&t);
            if (cg->vmode && icase) en_re_set_case_close(&t, true);
            if (first) {
                en_re_set_union(set, &t);
                for (uint32_t i = 0; i < ts.s.len; i++) strs_add(strs, ts.s.items[i], icase);
                och_vec_free(&ts.s);
                first = false;
            } else if (n->op == PS_RE_CLASS_INTERSECTION) {
                en_re_set_intersect(set, &t);
                Strs keep = {0};
                for (uint32_t i = 0; i < strs->s.len; i++) {
                    if (strs_has(&ts, strs->s.items[i], icase))
                        och_vec_push(&keep.s, strs->s.items[i]);
                    else
                        och_free(strs->s.items[i]);
                }
                och_vec_free(&strs->s);
                *strs = keep;
                strs_free(&ts);
            } else {
                en_re_set_subtract(set, &t);
                Strs keep = {0};
                for (uint32_t i = 0; i < strs->s.len; i++) {
                    if (!strs_has(&ts, strs->s.items[i], icase))
                        och_vec_push(&keep.s, strs->s.items[i]);
                    else
                        och_free(strs->s.items[i]);
                }
                och_vec_free(&strs->s);
                *strs = keep;
                strs_free(&ts);
            }
            en_re_set_free(&t);
        }
    }
    if (cg->vmode) {
        if (icase) en_re_set_case_close(set, true);
        if (n->flags & PS_RE_NF_NEGATED) en_re_set_invert(set, set_max(cg));
    }
}

// Final set of a class/escape/property atom as the matcher tests it.
static void atom_set(Cg *cg, const PsReNode *n, uint32_t fl, EnReSet *set, Strs *strs) {
    bool icase = (fl & PS_RE_FLAG_I) != 0;
    if (n->kind == PS_RE_CLASS) {
        class_to_set(cg, n, fl, set, strs);
        if (!cg->vmode) {
            if (icase) en_re_set_case_close(set, cg->unicode);
            if (n->flags & PS_RE_NF_NEGATED) en_re_set_invert(set, set_max(cg));
        }
    } else {
        item_to_set(cg, n, fl, set, strs);
        en_re_set_normalize(set);
        if (icase) en_re_set_case_close(set, cg->unicode);
    }
}

static uint32_t pool_set(Cg *cg, const EnReSet *s) {
    uint32_t off = cg->pool.len;
    och_vec_push(&cg->pool, s->n);
    for (int i = 0; i < 8; i++) och_vec_push(&cg->pool, 0);
    for (uint32_t i = 0; i < s->n; i++) {
        uint32_t lo = s->r[2 * i], hi = s->r[2 * i + 1];
        for (uint32_t c = lo; c <= hi && c < 256; c++) cg->pool.items[off + 1 + c / 32] |= 1u << (c % 32);
        och_vec_push(&cg->pool, lo);
        och_vec_push(&cg->pool, hi);
    }
    return off;
}

static bool is_surrogate(uint32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

static void emit_set(Cg *cg, const EnReSet *s, uint32_t dir) {
    if (s->n == 1 && s->r[0] == s->r[1] && (!cg->unicode || (s->r[0] < 0x10000 && !is_surrogate(s->r[0])))) {
        emit(cg, EN_RE_CHAR | dir);
        emit(cg, s->r[0]);
        return;
    }
    if (s->n == 1 && s->r[0] == s->r[1]) {
        emit(cg, EN_RE_CHAR_CP | dir);
        emit(cg, s->r[0]);
        return;
    }
    if (s->n == 2 && s->r[0] == s->r[1] && s->r[2] == s->r[3] && s->r[2] < 0x10000 &&
        (!cg->unicode || (!is_surrogate(s->r[0]) && !is_surrogate(s->r[2])))) {
        emit(cg, EN_RE_CHAR2 | dir);
        emit(cg, s->r[0]);
        emit(cg, s->r[2]);
        return;
    }
    emit(cg, EN_RE_CLASS | dir);
    emit(cg, pool_set(cg, s));
}

static void emit_char(Cg *cg, uint32_t cp, uint32_t fl, uint32_t dir) {
    EnReSet s = {0};
    en_re_set_add(&s, cp, cp);
    if (fl & PS_RE_FLAG_I) en_re_set_case_close(&s, cg->unicode);
    emit_set(cg, &s, dir);
    en_re_set_free(&s);
}

// --- analysis -----------------------------------------------------------------------

static bool can_be_empty(const PsReNode *n) {
    switch (n->kind) {
    case PS_RE_CHAR:
    case PS_RE_DOT:
    case PS_RE_CLASS_ESCAPE: return false;
    case PS_RE_PROPERTY: return n->prop->kind == PS_UNI_KIND_STRINGS;
    case PS_RE_CLASS: return (n->flags & PS_RE_NF_MAY_STRINGS) != 0;
    case PS_RE_GROUP:
    case PS_RE_NONCAPTURE: return can_be_empty(n->group.body);
    case PS_RE_QUANT: return n->quant.min == 0 || can_be_empty(n->quant.body);
    case PS_RE_ALTERNATIVE:
        for (const PsReNode *t = n->list.first; t; t = t->next)
            if (!can_be_empty(t)) return false;
        return true;
    case PS_RE_DISJUNCTION:
        for (const PsReNode *t = n->list.first; t; t = t->next)
            if (can_be_empty(t)) return true;
        return false;
    default: return true;
    }
}

// Capture groups inside n: [*lo, *hi] (lo > hi when none).
static void group_span(const PsReNode *n, uint32_t *lo, uint32_t *hi) {
    switch (n->kind) {
    case PS_RE_GROUP:
        if (n->group.index < *lo) *lo = n->group.index;
        if (n->group.index > *hi) *hi = n->group.index;
        group_span(n->group.body, lo, hi);
        break;
    case PS_RE_NONCAPTURE:
    case PS_RE_LOOKAHEAD:
    case PS_RE_LOOKBEHIND: group_span(n->group.body, lo, hi); break;
    case PS_RE_QUANT: group_span(n->quant.body, lo, hi); break;
    case PS_RE_ALTERNATIVE:
    case PS_RE_DISJUNCTION:
        for (const PsReNode *t = n->list.first; t; t = t->next) group_span(t, lo, hi);
        break;
    default: break;
    }
}

static bool has_backref(const PsReNode *n) {
    switch (n->kind) {
    case PS_RE_BACKREF: return true;
    case PS_RE_GROUP:
    case PS_RE_NONCAPTURE:
    case PS_RE_LOOKAHEAD:
    case PS_RE_LOOKBEHIND: return has_backref(n->group.body);
    case PS_RE_QUANT: return has_backref(n->quant.body);
    case PS_RE_ALTERNATIVE:
    case PS_RE_DISJUNCTION:
        for (const PsReNode *t = n->list.first; t; t = t->next)
            if (has_backref(t)) return true;
        return false;
    default: return false;
    }
}

static bool is_single_char(const Cg *cg, const PsReNode *n) {
    switch (n->kind) {
    case PS_RE_CHAR:
    case PS_RE_DOT:
    case PS_RE_CLASS_ESCAPE: return true;
    case PS_RE_PROPERTY: return n->prop->kind != PS_UNI_KIND_STRINGS;
    case PS_RE_CLASS: return !(n->flags & PS_RE_NF_MAY_STRINGS);
    default: (void)cg; return false;
    }
}

// --- code generation ----------------------------------------------------------------

static void compile(Cg *cg, const PsReNode *n, uint32_t fl, bool back);

static void patch(Cg *cg, uint32_t at, uint32_t v) { cg->code.items[at] = v; }

static void compile_class(Cg *cg, const PsReNode *n, uint32_t fl, uint32_t dir) {
    EnReSet s = {0};
    Strs strs = {0};
    atom_set(cg, n, fl, &s, &strs);
    if (!strs.s.len) {
        emit_set(cg, &s, dir);
        en_re_set_free(&s);
        return;
    }
    // Strings first, longest first, then the single characters.
    for (uint32_t i = 1; i < strs.s.len; i++)
        for (uint32_t j = i; j > 0 && strs.s.items[j][0] > strs.s.items[j - 1][0]; j--) {
            uint32_t *t = strs.s.items[j];
            strs.s.items[j] = strs.s.items[j - 1];
            strs.s.items[j - 1] = t;
        }
    OCH_VEC(uint32_t) ends = {0};
    uint32_t nalt = strs.s.len + (s.n ? 1 : 0);
    for (uint32_t i = 0; i < nalt; i++) {
        uint32_t split = 0;
        if (i + 1 < nalt) {
            emit(cg, EN_RE_SPLIT);
            emit(cg, here(cg) + 2);
            split = here(cg);
            emit(cg, 0);
        }
        if (i < strs.s.len) {
            const uint32_t *str = strs.s.items[i];
            for (uint32_t k = 0; k < str[0]; k++) emit_char(cg, str[1 + (dir ? str[0] - 1 - k : k)], fl, dir);
        } else {
            emit_set(cg, &s, dir);
        }
        if (i + 1 < nalt) {
            emit(cg, EN_RE_JMP);
            och_vec_push(&ends, here(cg));
            emit(cg, 0);
            patch(cg, split, here(cg));
        }
    }
    for (uint32_t i = 0; i < ends.len; i++) patch(cg, ends.items[i], here(cg));
    och_vec_free(&ends);
    strs_free(&strs);
    en_re_set_free(&s);
}

static void compile_atom(Cg *cg, const PsReNode *n, uint32_t fl, uint32_t dir) {
    if (n->kind == PS_RE_CHAR) {
        emit_char(cg, n->cp, fl, dir);
    } else if (n->kind == PS_RE_DOT) {
        emit(cg, ((fl & PS_RE_FLAG_S) ? EN_RE_ANY : EN_RE_DOT) | dir);
    } else {
        compile_class(cg, n, fl, dir);
    }
}

static void compile_quant(Cg *cg, const PsReNode *n, uint32_t fl, bool back) {
    uint32_t min = n->quant.min, max = n->quant.max;
    bool greedy = !(n->flags & PS_RE_NF_LAZY);
    const PsReNode *body = n->quant.body;
    uint32_t dir = back ? EN_RE_BACK : 0;
    if (max == 0) return;
    if (min == 1 && max == 1) {
        compile(cg, body, fl, back);
        return;
    }
    if (is_single_char(cg, body)) {
        emit(cg, EN_RE_REPEAT);
        emit(cg, min);
        emit(cg, max);
        emit(cg, greedy);
        compile_atom(cg, body, fl, dir);
        return;
    }
    uint32_t glo = UINT32_MAX, ghi = 0;
    group_span(body, &glo, &ghi);
    // A quantified capturing group without backreferences inside sets its
    // own registers at the start and end of every iteration, and nothing
    // can read them in between: resetting them is unobservable, and
    // skipping it saves two undo entries per iteration (long `(a|b)*`).
    if (body->kind == PS_RE_GROUP && glo == body->group.index && !has_backref(body)) glo++;
    bool caps = glo <= ghi;
    bool empty = can_be_empty(body);
    uint32_t rp = empty ? new_reg(cg) : UINT32_MAX;
#define BODY()                                    \
    do {                                          \
        if (empty) {                              \
            emit(cg, EN_RE_SAVE);                 \
            emit(cg, rp);                         \
        }                                         \
        if (caps) {                               \
            emit(cg, EN_RE_RESET);                \
            emit(cg, 2 * glo);                    \
            emit(cg, 2 * ghi + 2);                \
        }                                         \
        compile(cg, body, fl, back);              \
    } while (0)
    if (min == 0 && (max == 1 || max == PS_RE_INFINITY)) {
        uint32_t head = here(cg);
        emit(cg, EN_RE_SPLIT);
        uint32_t a = here(cg);
        emit(cg, 0);
        emit(cg, 0);
        uint32_t start = here(cg);
        BODY();
        if (empty) {
            emit(cg, EN_RE_CHECKADV);
            emit(cg, rp);
        }
        if (max != 1) {
            emit(cg, EN_RE_JMP);
            emit(cg, head);
        }
        uint32_t exit = here(cg);
        patch(cg, a, greedy ? start : exit);
        patch(cg, a + 1, greedy ? exit : start);
        return;
    }
    if (min == 1 && max == PS_RE_INFINITY && !empty) {
        uint32_t start = here(cg);
        BODY();
        emit(cg, EN_RE_SPLIT);
        emit(cg, greedy ? start : here(cg) + 2);
        emit(cg, greedy ? here(cg) + 1 : start);
        return;
    }
    uint32_t rc = new_reg(cg);
    emit(cg, EN_RE_SETZERO);
    emit(cg, rc);
    uint32_t head = here(cg);
    emit(cg, EN_RE_LOOP);
    emit(cg, rc);
    emit(cg, min);
    emit(cg, max);
    emit(cg, greedy);
    uint32_t exit_at = here(cg);
    emit(cg, 0);
    BODY();
    emit(cg, EN_RE_ENDITER);
    emit(cg, rc);
    emit(cg, rp);
    emit(cg, min);
    emit(cg, head);
    patch(cg, exit_at, here(cg));
#undef BODY
}

static void compile(Cg *cg, const PsReNode *n, uint32_t fl, bool back) {
    uint32_t dir = back ? EN_RE_BACK : 0;
    switch (n->kind) {
    case PS_RE_DISJUNCTION: {
        if (n->list.count == 1) {
            compile(cg, n->list.first, fl, back);
            break;
        }
        OCH_VEC(uint32_t) ends = {0};
        for (const PsReNode *a = n->list.first; a; a = a->next) {
            uint32_t split = 0;
            if (a->next) {
                emit(cg, EN_RE_SPLIT);
                emit(cg, here(cg) + 2);
                split = here(cg);
                emit(cg, 0);
            }
            compile(cg, a, fl, back);
            if (a->next) {
                emit(cg, EN_RE_JMP);
                och_vec_push(&ends, here(cg));
                emit(cg, 0);
                patch(cg, split, here(cg));
            }
        }
        for (uint32_t i = 0; i < ends.len; i++) patch(cg, ends.items[i], here(cg));
        och_vec_free(&ends);
        break;
    }
    case PS_RE_ALTERNATIVE:
        if (!back) {
            for (const PsReNode *t = n->list.first; t; t = t->next) compile(cg, t, fl, back);
        } else {
            OCH_VEC(const PsReNode *) terms = {0};
            for (const PsReNode *t = n->list.first; t; t = t->next) och_vec_push(&terms, t);
            for (uint32_t i = terms.len; i-- > 0;) compile(cg, terms.items[i], fl, back);
            och_vec_free(&terms);
        }
        break;
    case PS_RE_CHAR:
    case PS_RE_DOT:
    case PS_RE_CLASS:
    case PS_RE_CLASS_ESCAPE:
    case PS_RE_PROPERTY: compile_atom(cg, n, fl, dir); break;
    case PS_RE_LINE_START: emit(cg, (fl & PS_RE_FLAG_M) ? EN_RE_BOL_M : EN_RE_BOL); break;
    case PS_RE_LINE_END: emit(cg, (fl & PS_RE_FLAG_M) ? EN_RE_EOL_M : EN_RE_EOL); break;
    case PS_RE_WORD_BOUNDARY:
        emit(cg, (n->flags & PS_RE_NF_NEGATED) ? EN_RE_NWORDB : EN_RE_WORDB);
        emit(cg, cg->unicode && (fl & PS_RE_FLAG_I));
        break;
    case PS_RE_GROUP: {
        uint32_t g = n->group.index;
        emit(cg, EN_RE_SAVE);
        emit(cg, back ? 2 * g + 1 : 2 * g);
        compile(cg, n->group.body, fl, back);
        emit(cg, EN_RE_SAVE);
        emit(cg, back ? 2 * g : 2 * g + 1);
        break;
    }
    case PS_RE_NONCAPTURE:
        compile(cg, n->group.body, (fl | n->group.add) & ~(uint32_t)n->group.remove, back);
        break;
    case PS_RE_LOOKAHEAD:
    case PS_RE_LOOKBEHIND: {
        uint32_t r = new_reg(cg);
        emit(cg, EN_RE_LOOK);
        emit(cg, (n->flags & PS_RE_NF_NEGATED) ? 1 : 0);
        emit(cg, r);
        uint32_t end_at = here(cg);
        emit(cg, 0);
        compile(cg, n->group.body, fl, n->kind == PS_RE_LOOKBEHIND);
        emit(cg, EN_RE_LOOK_END);
        emit(cg, r);
        patch(cg, end_at, here(cg));
        break;
    }
    case PS_RE_BACKREF: {
        OCH_VEC(uint32_t) gs = {0};
        if (n->backref.name) {
            for (uint32_t i = 1; i <= cg->re->ngroups; i++)
                if (cg->re->group_names[i] && strcmp(cg->re->group_names[i], n->backref.name) == 0)
                    och_vec_push(&gs, i);
        } else {
            och_vec_push(&gs, n->backref.index);
        }
        emit(cg, EN_RE_BACKREF | dir);
        emit(cg, (fl & PS_RE_FLAG_I) ? 1 : 0);
        emit(cg, gs.len);
        for (uint32_t i = 0; i < gs.len; i++) emit(cg, gs.items[i]);
        och_vec_free(&gs);
        break;
    }
    case PS_RE_QUANT: compile_quant(cg, n, fl, back); break;
    default: break;
    }
}

// --- first-character filter ---------------------------------------------------------

// Adds the possible first units of n to bits/high. Returns 0 when n always
// consumes a character, 1 when it may match empty, 2 when unknown.
static int first_chars(Cg *cg, const PsReNode *n, uint32_t fl, uint32_t *bits, bool *high) {
    switch (n->kind) {
    case PS_RE_CHAR:
    case PS_RE_DOT:
    case PS_RE_CLASS:
    case PS_RE_CLASS_ESCAPE:
    case PS_RE_PROPERTY: {
        if (!is_single_char(cg, n)) return 2;
        EnReSet s = {0};
        if (n->kind == PS_RE_CHAR) {
            en_re_set_add(&s, n->cp, n->cp);
            if (fl & PS_RE_FLAG_I) en_re_set_case_close(&s, cg->unicode);
        } else if (n->kind == PS_RE_DOT) {
            en_re_set_add(&s, 0, 0x10FFFF);
        } else {
            Strs strs = {0};
            atom_set(cg, n, fl, &s, &strs);
            strs_free(&strs);
        }
        for (uint32_t i = 0; i < s.n; i++) {
            uint32_t lo = s.r[2 * i], hi = s.r[2 * i + 1];
            for (uint32_t c = lo; c <= hi && c < 256; c++) bits[c / 32] |= 1u << (c % 32);
            if (hi >= 256) *high = true;
        }
        en_re_set_free(&s);
        return 0;
    }
    case PS_RE_GROUP: return first_chars(cg, n->group.body, fl, bits, high);
    case PS_RE_NONCAPTURE:
        return first_chars(cg, n->group.body, (fl | n->group.add) & ~(uint32_t)n->group.remove, bits, high);
    case PS_RE_QUANT: {
        if (n->quant.max == 0) return 1;
        int r = first_chars(cg, n->quant.body, fl, bits, high);
        if (r == 2) return 2;
        return n->quant.min == 0 ? 1 : r;
    }
    case PS_RE_ALTERNATIVE:
        for (const PsReNode *t = n->list.first; t; t = t->next) {
            int r = first_chars(cg, t, fl, bits, high);
            if (r != 1) return r;
        }
        return 1;
    case PS_RE_DISJUNCTION: {
        int res = 0;
        for (const PsReNode *t = n->list.first; t; t = t->next) {
            int r = first_chars(cg, t, fl, bits, high);
            if (r == 2) return 2;
            if (r == 1) res = 1;
        }
        return res;
    }
    default: return 2;
    }
}

// --- entry points -------------------------------------------------------------------

static EnReProg *compile_parsed(const PsRegexp *re, uint32_t flags) {
    Cg cg = {0};
    cg.unicode = (flags & (PS_RE_FLAG_U | PS_RE_FLAG_V)) != 0;
    cg.vmode = (flags & PS_RE_FLAG_V) != 0;
    cg.re = re;
    cg.nregs = 2 * (re->ngroups + 1);
    uint32_t fl = flags & (PS_RE_FLAG_I | PS_RE_FLAG_M | PS_RE_FLAG_S);
    emit(&cg, EN_RE_SAVE);
    emit(&cg, 0);
    compile(&cg, re->root, fl, false);
    emit(&cg, EN_RE_SAVE);
    emit(&cg, 1);
    emit(&cg, EN_RE_MATCH);
    EnReProg *p = och_malloc(sizeof *p);
    memset(p, 0, sizeof *p);
    atomic_init(&p->refs, 1);
    p->flags = flags;
    p->ngroups = re->ngroups;
    p->nregs = cg.nregs;
    p->ncode = cg.code.len;
    p->code = cg.code.items;
    p->pool = cg.pool.items ? cg.pool.items : och_malloc(sizeof(uint32_t));
    p->names = och_malloc(sizeof(char *) * (re->ngroups + 1));
    for (uint32_t i = 0; i <= re->ngroups; i++) {
        const char *nm = re->group_names ? re->group_names[i] : NULL;
        p->names[i] = NULL;
        if (nm) {
            size_t l = strlen(nm);
            p->names[i] = och_malloc(l + 1);
            memcpy(p->names[i], nm, l + 1);
            p->has_names = true;
        }
    }
    bool high = false;
    uint32_t bits[8] = {0};
    if (first_chars(&cg, re->root, fl, bits, &high) == 0) {
        p->first_ok = true;
        p->first_high = high;
        memcpy(p->first, bits, sizeof bits);
    }
    // ^ first in every alternative of a non-multiline pattern anchors it.
    const PsReNode *root = re->root;
    if (!(flags & PS_RE_FLAG_M) && root->kind == PS_RE_DISJUNCTION && root->list.count == 1) {
        const PsReNode *alt = root->list.first;
        if (alt->list.first && alt->list.first->kind == PS_RE_LINE_START) p->anchored = true;
    }
    return p;
}

EnReProg *en_re_compile_utf8(const char *pattern, uint32_t len, uint32_t flags, char **err) {
    OchArena arena;
    och_arena_init(&arena);
    OchDiagList diags = {0};
    diags.arena = &arena;
    PsRegexp re;
    EnReProg *p = NULL;
    *err = NULL;
    if (!ps_regexp_parse(pattern, len, flags, 0, &arena, &diags, &re)) {
        const char *m = diags.v.len ? diags.v.items[0].message : "invalid pattern";
        size_t l = strlen(m);
        *err = och_malloc(l + 1);
        memcpy(*err, m, l + 1);
    } else {
        p = compile_parsed(&re, flags);
    }
    och_diag_list_free(&diags);
    och_arena_free(&arena);
    return p;
}

void en_re_prog_retain(EnReProg *p) { atomic_fetch_add(&p->refs, 1); }

void en_re_prog_release(EnReProg *p) {
    if (!p || atomic_fetch_sub(&p->refs, 1) != 1) return;
    for (uint32_t i = 0; i <= p->ngroups; i++) och_free(p->names[i]);
    och_free(p->names);
    och_free(p->code);
    och_free(p->pool);
    och_free(p->src);
    och_free(p);
}

// The cache: direct-mapped by hash of (units, flags); a colliding compile
// replaces the slot (the old program lives on in the RegExp objects that
// hold it). Patterns longer than CACHE_MAX_SRC units are not cached.
#define CACHE_SLOTS 512u
#define CACHE_MAX_SRC 4096u
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static EnReProg *cache[CACHE_SLOTS];

static uint32_t key_hash(const EnString *s, uint32_t flags) {
    uint32_t h = 2166136261u ^ flags, n = en_str_length(s);
    for (uint32_t i = 0; i < n; i++) h = (h ^ en_str_at(s, i)) * 16777619u;
    return h;
}

static bool key_eq(const EnReProg *p, const EnString *s, uint32_t flags, uint32_t h) {
    if (p->hash != h || p->flags != flags || p->srclen != en_str_length(s)) return false;
    for (uint32_t i = 0; i < p->srclen; i++)
        if (p->src[i] != en_str_at(s, i)) return false;
    return true;
}

EnReProg *en_re_compile(EnContext *cx, EnString *pattern, uint32_t flags) {
    uint32_t n = en_str_length(pattern);
    uint32_t h = key_hash(pattern, flags);
    bool cacheable = n <= CACHE_MAX_SRC;
    if (cacheable) {
        pthread_mutex_lock(&cache_lock);
        EnReProg *c = cache[h % CACHE_SLOTS];
        if (c && key_eq(c, pattern, flags, h)) {
            en_re_prog_retain(c);
            pthread_mutex_unlock(&cache_lock);
            return c;
        }
        pthread_mutex_unlock(&cache_lock);
    }
    OchBuf utf8 = {0};
    en_str_to_utf8(cx, pattern, &utf8);
    char *err = NULL;
    EnReProg *p = en_re_compile_utf8(utf8.data ? utf8.data : "", (uint32_t)utf8.len, flags, &err);
    if (!p) {
        static const char fl[] = "dgimsuvy";
        char fbuf[9];
        int k = 0;
        for (int i = 0; i < 8; i++)
            if (flags & (1u << i)) fbuf[k++] = fl[i];
        fbuf[k] = 0;
        en_throw_syntax_error(cx, "Invalid regular expression: /%.200s/%s: %s", utf8.data ? utf8.data : "",
                              fbuf, err);
        och_free(err);
        och_buf_free(&utf8);
        return NULL;
    }
    och_buf_free(&utf8);
    p->hash = h;
    p->srclen = n;
    p->src = och_malloc(sizeof(uint16_t) * (n ? n : 1));
    for (uint32_t i = 0; i < n; i++) p->src[i] = en_str_at(pattern, i);
    if (cacheable) {
        en_re_prog_retain(p);
        pthread_mutex_lock(&cache_lock);
        EnReProg *old = cache[h % CACHE_SLOTS];
        cache[h % CACHE_SLOTS] = p;
        pthread_mutex_unlock(&cache_lock);
        en_re_prog_release(old);
    }
    return p;
}
