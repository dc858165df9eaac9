// Array.prototype (ES2025 §23.1.3) except sort / toSorted (bi_array_sort.c).
// Every method follows the spec's generic algorithm over en_arr_* element
// helpers, which take the packed-storage fast path when they can.
#include "bi_array_int.h"

#define ARG(i) en_arg(a, i)

EnValue en_arr_iterator_new(EnContext *cx, EnValue obj, uint32_t kind);

static EnValue not_callable(EnContext *cx, const char *m) {
    return en_throw_type_error(cx, "Array.prototype.%s: callback is not a function", m);
}

// ---------------------------------------------------------------------------
// Callback iteration: forEach map filter some every find findIndex
// findLast findLastIndex.
enum { IT_FOREACH, IT_MAP, IT_FILTER, IT_SOME, IT_EVERY, IT_FIND, IT_FINDINDEX, IT_FINDLAST, IT_FINDLASTINDEX };
static const char *const it_names[] = {"forEach", "map", "filter", "some", "every",
                                       "find", "findIndex", "findLast", "findLastIndex"};

static EnValue iterate(EnContext *cx, const EnArgs *a, int kind) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    EnValue fn = ARG(0), this_arg = ARG(1);
    if (!en_is_callable(fn)) {
        not_callable(cx, it_names[kind]);
        goto done;
    }
    EnValue *args = en_arr_handles(cx, 4);  // value, index, O; [3] result array
    args[2] = *ho;
    if (kind == IT_MAP) {
        args[3] = en_arr_species_create(cx, *ho, len);
        if (en_is_exception(args[3])) goto done;
    } else if (kind == IT_FILTER) {
        args[3] = en_arr_species_create(cx, *ho, 0);
        if (en_is_exception(args[3])) goto done;
    }
    bool find = kind >= IT_FIND, backwards = kind >= IT_FINDLAST;
    uint64_t to = 0;
    for (uint64_t n = 0; n < len; n++) {
        uint64_t k = backwards ? len - 1 - n : n;
        EnValue v;
        EnValue *fs = en_arr_fast_slot(*ho, k);
        if (fs) {
            v = *fs;
        } else {
            if (!find) {
                bool present;
                if (!en_arr_has(cx, *ho, k, &present)) goto done;
                if (!present) continue;
            }
            if (!en_arr_get(cx, *ho, k, &v)) goto done;
        }
        args[0] = v;
        args[1] = en_number((double)k);
        EnValue r = en_call(cx, fn, this_arg, 3, args);
        if (en_is_exception(r)) goto done;
        switch (kind) {
        case IT_MAP:
            if (!en_arr_create(cx, args[3], k, r)) goto done;
            break;
        case IT_FILTER:
            if (en_to_boolean(r) && !en_arr_create(cx, args[3], to++, args[0])) goto done;
            break;
        case IT_SOME:
            if (en_to_boolean(r)) { res = EN_TRUE; goto done; }
            break;
        case IT_EVERY:
            if (!en_to_boolean(r)) { res = EN_FALSE; goto done; }
            break;
        case IT_FIND: case IT_FINDLAST:
            if (en_to_boolean(r)) { res = args[0]; goto done; }
            break;
        case IT_FINDINDEX: case IT_FINDLASTINDEX:
            if (en_to_boolean(r)) { res = en_number((double)k); goto done; }
            break;
        default: break;
        }
    }
    switch (kind) {
    case IT_MAP: case IT_FILTER: res = args[3]; break;
    case IT_SOME: res = EN_FALSE; break;
    case IT_EVERY: res = EN_TRUE; break;
    case IT_FINDINDEX: case IT_FINDLASTINDEX: res = en_int32(-1); break;
    default: res = EN_UNDEFINED; break;
    }
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue ap_for_each(EnContext *cx, const EnArgs *a) { return iterate(cx, a, IT_FOREACH); }
static EnValue ap_map(EnContext *cx, const EnArgs *a) { return iterate(cx, a, IT_MAP); }
static EnValue ap_filter(EnContext *cx, const EnArgs *a) { return iterate(cx, a, IT_FILTER); }
static EnValue ap_some(EnContext *cx, const EnArgs *a) { return iterate(cx, a, IT_SOME); }
static EnValue ap_every(EnContext *cx, const EnArgs *a) { return iterate(cx, a, IT_EVERY); }
static EnValue ap_find(EnContext *cx, const EnArgs *a) { return iterate(cx, a, IT_FIND); }
static EnValue ap_find_index(EnContext *cx, const EnArgs *a) { return iterate(cx, a, IT_FINDINDEX); }
static EnValue ap_find_last(EnContext *cx, const EnArgs *a) { return iterate(cx, a, IT_FINDLAST); }
static EnValue ap_find_last_index(EnContext *cx, const EnArgs *a) { return iterate(cx, a, IT_FINDLASTINDEX); }

static EnValue reduce(EnContext *cx, const EnArgs *a, bool right) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    EnValue fn = ARG(0);
    if (!en_is_callable(fn)) {
        not_callable(cx, right ? "reduceRight" : "reduce");
        goto done;
    }
    EnValue *args = en_arr_handles(cx, 4);  // acc, value, index, O
    args[3] = *ho;
    uint64_t n = 0;
    if (a->argc >= 2) {
        args[0] = ARG(1);
    } else {
        bool present = false;
        for (; n < len && !present; n++) {
            uint64_t k = right ? len - 1 - n : n;
            if (!en_arr_has(cx, *ho, k, &present)) goto done;
            if (present && !en_arr_get(cx, *ho, k, &args[0])) goto done;
        }
        if (!present) {
            en_throw_type_error(cx, "Reduce of empty array with no initial value");
            goto done;
        }
    }
    for (; n < len; n++) {
        uint64_t k = right ? len - 1 - n : n;
        bool present;
        if (!en_arr_has(cx, *ho, k, &present)) goto done;
        if (!present) continue;
        EnValue v;
        if (!en_arr_get(cx, *ho, k, &v)) goto done;
        args[1] = v;
        args[2] = en_number((double)k);
        EnValue r = en_call(cx, fn, EN_UNDEFINED, 4, args);
        if (en_is_exception(r)) goto done;
        args[0] = r;
    }
    res = args[0];
done:
    en_handle_scope_close(&hs);
    return res;
}
static EnValue ap_reduce(EnContext *cx, const EnArgs *a) { return reduce(cx, a, false); }
static EnValue ap_reduce_right(EnContext *cx, const EnArgs *a) { return reduce(cx, a, true); }

// ---------------------------------------------------------------------------
// Searching.

static EnValue ap_index_of(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    res = en_int32(-1);
    if (len == 0) goto done;
    double n = 0;
    if (!en_to_integer_or_infinity(cx, ARG(1), &n)) { res = EN_EXCEPTION; goto done; }
    if (n >= (double)len) goto done;
    uint64_t k = n >= 0 ? (uint64_t)n : (n + (double)len < 0 ? 0 : (uint64_t)(n + (double)len));
    EnValue target = ARG(0);
    for (; k < len; k++) {
        bool present;
        if (!en_arr_has(cx, *ho, k, &present)) { res = EN_EXCEPTION; goto done; }
        if (!present) continue;
        EnValue v;
        if (!en_arr_get(cx, *ho, k, &v)) { res = EN_EXCEPTION; goto done; }
        if (en_strict_equals(v, target)) { res = en_number((double)k); goto done; }
    }
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue ap_last_index_of(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    res = en_int32(-1);
    if (len == 0) goto done;
    double n = (double)len - 1;
    if (a->argc > 1 && !en_to_integer_or_infinity(cx, ARG(1), &n)) { res = EN_EXCEPTION; goto done; }
    double kd = n >= 0 ? (n < (double)len - 1 ? n : (double)len - 1) : (double)len + n;
    if (kd < 0) goto done;
    EnValue target = ARG(0);
    for (int64_t k = (int64_t)kd; k >= 0; k--) {
        bool present;
        if (!en_arr_has(cx, *ho, (uint64_t)k, &present)) { res = EN_EXCEPTION; goto done; }
        if (!present) continue;
        EnValue v;
        if (!en_arr_get(cx, *ho, (uint64_t)k, &v)) { res = EN_EXCEPTION; goto done; }
        if (en_strict_equals(v, target)) { res = en_number((double)k); goto done; }
    }
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue ap_includes(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    res = EN_FALSE;
    if (len == 0) goto done;
    double n = 0;
    if (!en_to_integer_or_infinity(cx, ARG(1), &n)) { res = EN_EXCEPTION; goto done; }
    if (n >= (double)len) goto done;
    uint64_t k = n >= 0 ? (uint64_t)n : (n + (double)len < 0 ? 0 : (uint64_t)(n + (double)len));
    EnValue target = ARG(0);
    for (; k < len; k++) {
        EnValue v;
        if (!en_arr_get(cx, *ho, k, &v)) { res = EN_EXCEPTION; goto done; }
        if (en_same_value_zero(v, target)) { res = EN_TRUE; goto done; }
        if ((k & 65535) == 65535 && !en_poll_interrupt(cx)) { res = EN_EXCEPTION; goto done; }
    }
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue ap_at(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len;
    double rel;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    if (!en_to_integer_or_infinity(cx, ARG(0), &rel)) goto done;
    double k = rel >= 0 ? rel : (double)len + rel;
    if (k < 0 || k >= (double)len) { res = EN_UNDEFINED; goto done; }
    if (!en_arr_get(cx, *ho, (uint64_t)k, &res)) res = EN_EXCEPTION;
done:
    en_handle_scope_close(&hs);
    return res;
}

// ---------------------------------------------------------------------------
// Stack / queue mutators.

static EnValue ap_push(EnContext *cx, const EnArgs *a) {
    EnValue t = a->this_val;
    if (en_is_object(t) && en_obj_class(en_as_object(t)) == EN_CLASS_ARRAY) {
        // Fast path: appending to a fast array with a writable length.
        EnObject *o = en_as_object(t);
        EnArray *arr = (EnArray *)o;
        if (!(arr->flags & EN_ARRAY_LENGTH_READONLY) && !(o->hdr.flags & (EN_OBJ_ELEM_DICT | EN_OBJ_ELEM_FROZEN)) &&
            en_obj_extensible_raw(o) && en_elem_storage_length(o) == arr->length &&
            (uint64_t)arr->length + a->argc <= 0xFFFFFFFFull && en_arr_proto_chain_plain(o)) {
            for (uint32_t i = 0; i < a->argc; i++)
                if (!en_array_push(cx, en_as_object(t), a->argv[i])) return EN_EXCEPTION;
            return en_number((double)((EnArray *)en_as_object(t))->length);
        }
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len;
    if (!en_arr_this(cx, t, &ho, &len)) goto done;
    if (len + a->argc > EN_ARR_MAX_SAFE_U) {
        en_throw_type_error(cx, "Pushing %u elements on an array-like of length %llu is disallowed",
                            a->argc, (unsigned long long)len);
        goto done;
    }
    for (uint32_t i = 0; i < a->argc; i++)
        if (!en_arr_set(cx, *ho, len + i, a->argv[i])) goto done;
    if (!en_arr_set_length(cx, *ho, len + a->argc)) goto done;
    res = en_number((double)(len + a->argc));
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue ap_pop(EnContext *cx, const EnArgs *a) {
    EnValue t = a->this_val;
    if (en_is_object(t) && en_arr_is_packed(en_as_object(t))) {
        EnObject *o = en_as_object(t);
        EnArray *arr = (EnArray *)o;
        if (arr->length == 0 && !(arr->flags & EN_ARRAY_LENGTH_READONLY)) return EN_UNDEFINED;
        if (arr->length && !(arr->flags & EN_ARRAY_LENGTH_READONLY) && !(o->hdr.flags & EN_OBJ_ELEM_FROZEN)) {
            EnValueArray *e = o->el.elements;
            EnValue v = e->v[arr->length - 1];
            e->v[arr->length - 1] = EN_HOLE;
            e->length--;
            arr->length--;
            return v;
        }
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len;
    if (!en_arr_this(cx, t, &ho, &len)) goto done;
    if (len == 0) {
        if (en_arr_set_length(cx, *ho, 0)) res = EN_UNDEFINED;
        goto done;
    }
    EnValue *hv = en_handle(cx, EN_UNDEFINED);
    if (!en_arr_get(cx, *ho, len - 1, hv) || !en_arr_delete(cx, *ho, len - 1) ||
        !en_arr_set_length(cx, *ho, len - 1))
        goto done;
    res = *hv;
done:
    en_handle_scope_close(&hs);
    return res;
}

// Moves [from, from+count) to [to, to+count) per the spec's shift loops
// (HasProperty / Get / Set / DeletePropertyOrThrow), in the safe direction.
static bool move_range(EnContext *cx, EnValue o, uint64_t from, uint64_t to, uint64_t count) {
    for (uint64_t n = 0; n < count; n++) {
        uint64_t i = to > from ? count - 1 - n : n;
        bool present;
        if (!en_arr_has(cx, o, from + i, &present)) return false;
        if (present) {
            EnValue v;
            if (!en_arr_get(cx, o, from + i, &v) || !en_arr_set(cx, o, to + i, v)) return false;
        } else if (!en_arr_delete(cx, o, to + i)) {
            return false;
        }
        if ((n & 4095) == 4095 && !en_poll_interrupt(cx)) return false;
    }
    return true;
}

static EnValue ap_shift(EnContext *cx, const EnArgs *a) {
    EnValue t = a->this_val;
    if (en_is_object(t) && en_arr_is_packed(en_as_object(t))) {
        EnObject *o = en_as_object(t);
        EnArray *arr = (EnArray *)o;
        if (arr->length && !(arr->flags & EN_ARRAY_LENGTH_READONLY) && !(o->hdr.flags & EN_OBJ_ELEM_FROZEN) &&
            en_obj_extensible_raw(o)) {
            EnValueArray *e = o->el.elements;
            EnValue v = e->v[0];
            memmove(&e->v[0], &e->v[1], (arr->length - 1) * sizeof(EnValue));
            e->v[arr->length - 1] = EN_HOLE;
            e->length--;
            arr->length--;
            return v;
        }
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len;
    if (!en_arr_this(cx, t, &ho, &len)) goto done;
    if (len == 0) {
        if (en_arr_set_length(cx, *ho, 0)) res = EN_UNDEFINED;
        goto done;
    }
    EnValue *hv = en_handle(cx, EN_UNDEFINED);
    if (!en_arr_get(cx, *ho, 0, hv) || !move_range(cx, *ho, 1, 0, len - 1) ||
        !en_arr_delete(cx, *ho, len - 1) || !en_arr_set_length(cx, *ho, len - 1))
        goto done;
    res = *hv;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue ap_unshift(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    uint32_t n = a->argc;
    if (n) {
        if (len + n > EN_ARR_MAX_SAFE_U) {
            en_throw_type_error(cx, "Unshift would exceed the maximum array length");
            goto done;
        }
        EnObject *o = en_as_object(*ho);
        if (en_arr_is_packed(o) && !(o->hdr.flags & EN_OBJ_ELEM_FROZEN) && en_obj_extensible_raw(o) &&
            !(((EnArray *)o)->flags & EN_ARRAY_LENGTH_READONLY) && len + n <= 0xFFFFFFFFull &&
            en_arr_proto_chain_plain(o)) {
            if (!en_elem_reserve(cx, o, (uint32_t)(len + n))) goto done;
            o = en_as_object(*ho);
            EnValueArray *e = o->el.elements;
            memmove(&e->v[n], &e->v[0], len * sizeof(EnValue));
            for (uint32_t i = 0; i < n; i++) en_store(cx, e, &e->v[i], a->argv[i]);
            e->length = (uint32_t)(len + n);
            ((EnArray *)o)->length = (uint32_t)(len + n);
            res = en_number((double)(len + n));
            goto done;
        }
        if (!move_range(cx, *ho, 0, n, len)) goto done;
        for (uint32_t i = 0; i < n; i++)
            if (!en_arr_set(cx, *ho, i, a->argv[i])) goto done;
    }
    if (!en_arr_set_length(cx, *ho, len + n)) goto done;
    res = en_number((double)(len + n));
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue ap_reverse(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    EnObject *o = en_as_object(*ho);
    if (en_arr_is_packed(o) && !(o->hdr.flags & EN_OBJ_ELEM_FROZEN)) {
        EnValueArray *e = o->el.elements;
        for (uint64_t lo = 0, hi = len ? len - 1 : 0; lo < hi; lo++, hi--) {
            EnValue t = e->v[lo];
            e->v[lo] = e->v[hi];
            e->v[hi] = t;
        }
        res = *ho;
        goto done;
    }
    EnValue *hv = en_arr_handles(cx, 2);
    for (uint64_t lower = 0; lower < len / 2; lower++) {
        uint64_t upper = len - 1 - lower;
        bool le, ue;
        if (!en_arr_has(cx, *ho, lower, &le)) goto done;
        if (le && !en_arr_get(cx, *ho, lower, &hv[0])) goto done;
        if (!en_arr_has(cx, *ho, upper, &ue)) goto done;
        if (ue && !en_arr_get(cx, *ho, upper, &hv[1])) goto done;
        if (le && ue) {
            if (!en_arr_set(cx, *ho, lower, hv[1]) || !en_arr_set(cx, *ho, upper, hv[0])) goto done;
        } else if (ue) {
            if (!en_arr_set(cx, *ho, lower, hv[1]) || !en_arr_delete(cx, *ho, upper)) goto done;
        } else if (le) {
            if (!en_arr_delete(cx, *ho, lower) || !en_arr_set(cx, *ho, upper, hv[0])) goto done;
        }
    }
    res = *ho;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue ap_fill(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len, k, fin;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    if (!en_arr_rel_index(cx, ARG(1), len, 0, &k) || !en_arr_rel_index(cx, ARG(2), len, len, &fin)) goto done;
    for (; k < fin; k++) {
        if (!en_arr_set(cx, *ho, k, ARG(0))) goto done;
        if ((k & 65535) == 65535 && !en_poll_interrupt(cx)) goto done;
    }
    res = *ho;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue ap_copy_within(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len, to, from, fin;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    if (!en_arr_rel_index(cx, ARG(0), len, 0, &to) || !en_arr_rel_index(cx, ARG(1), len, 0, &from) ||
        !en_arr_rel_index(cx, ARG(2), len, len, &fin))
        goto done;
    uint64_t count = fin > from ? fin - from : 0;
    if (count > len - to) count = len - to;
    if (count && !move_range(cx, *ho, from, to, count)) goto done;
    res = *ho;
done:
    en_handle_scope_close(&hs);
    return res;
}

// ---------------------------------------------------------------------------
// Copying methods.

static EnValue ap_slice(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len, k, fin;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    if (!en_arr_rel_index(cx, ARG(0), len, 0, &k) || !en_arr_rel_index(cx, ARG(1), len, len, &fin)) goto done;
    uint64_t count = fin > k ? fin - k : 0;
    EnValue *hr = en_handle(cx, en_arr_species_create(cx, *ho, count));
    if (en_is_exception(*hr)) goto done;
    EnObject *src = en_as_object(*ho), *dst = en_as_object(*hr);
    if (en_arr_is_packed(src) && en_obj_class(dst) == EN_CLASS_ARRAY && en_elem_storage_length(dst) == 0 &&
        !(dst->hdr.flags & EN_OBJ_ELEM_DICT) && dst->shape->proto == en_intrinsic(cx, EN_INTRINSIC_ArrayPrototype) &&
        fin <= ((EnArray *)src)->length) {
        if (count && !en_elem_reserve(cx, dst, (uint32_t)count)) goto done;
        src = en_as_object(*ho);
        dst = en_as_object(*hr);
        EnValueArray *d = dst->el.elements, *s = src->el.elements;
        for (uint64_t i = 0; i < count; i++) en_store(cx, d, &d->v[i], s->v[k + i]);
        if (d) d->length = (uint32_t)count;
        ((EnArray *)dst)->length = (uint32_t)count;
        res = *hr;
        goto done;
    }
    uint64_t n = 0;
    for (; k < fin; k++, n++) {
        bool present;
        if (!en_arr_has(cx, *ho, k, &present)) goto done;
        if (!present) continue;
        EnValue v;
        if (!en_arr_get(cx, *ho, k, &v) || !en_arr_create(cx, *hr, n, v)) goto done;
    }
    if (!en_arr_set_length(cx, *hr, n)) goto done;
    res = *hr;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue ap_splice(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len, start, del;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    if (!en_arr_rel_index(cx, ARG(0), len, 0, &start)) goto done;
    uint32_t items = a->argc > 2 ? a->argc - 2 : 0;
    if (a->argc == 0) del = 0;
    else if (a->argc == 1) del = len - start;
    else {
        double dc;
        if (!en_to_integer_or_infinity(cx, ARG(1), &dc)) goto done;
        dc = dc < 0 ? 0 : dc;
        del = dc > (double)(len - start) ? len - start : (uint64_t)dc;
    }
    if (len + items - del > EN_ARR_MAX_SAFE_U) {
        en_throw_type_error(cx, "Splice would exceed the maximum array length");
        goto done;
    }
    EnValue *hr = en_handle(cx, en_arr_species_create(cx, *ho, del));
    if (en_is_exception(*hr)) goto done;
    for (uint64_t k = 0; k < del; k++) {
        bool present;
        if (!en_arr_has(cx, *ho, start + k, &present)) goto done;
        if (!present) continue;
        EnValue v;
        if (!en_arr_get(cx, *ho, start + k, &v) || !en_arr_create(cx, *hr, k, v)) goto done;
    }
    if (!en_arr_set_length(cx, *hr, del)) goto done;
    if (items < del) {
        if (!move_range(cx, *ho, start + del, start + items, len - start - del)) goto done;
        for (uint64_t k = len; k > len - del + items; k--)
            if (!en_arr_delete(cx, *ho, k - 1)) goto done;
    } else if (items > del) {
        if (!move_range(cx, *ho, start + del, start + items, len - start - del)) goto done;
    }
    for (uint32_t i = 0; i < items; i++)
        if (!en_arr_set(cx, *ho, start + i, a->argv[i + 2])) goto done;
    if (!en_arr_set_length(cx, *ho, len - del + items)) goto done;
    res = *hr;
done:
    en_handle_scope_close(&hs);
    return res;
}

static bool is_concat_spreadable(EnContext *cx, EnValue o, bool *out) {
    if (!en_is_object(o)) return *out = false, true;
    EnValue s = en_get(cx, o, en_symbol_value(en_well_known_symbol(cx, EN_SYM_isConcatSpreadable)));
    if (en_is_exception(s)) return false;
    if (!en_is_undefined(s)) return *out = en_to_boolean(s), true;
    return en_is_array(cx, o, out);
}

static EnValue ap_concat(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnObject *o = en_to_object(cx, a->this_val);
    if (!o) goto done;
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnValue *hr = en_handle(cx, en_arr_species_create(cx, *ho, 0));
    if (en_is_exception(*hr)) goto done;
    EnValue *he = en_handle(cx, EN_UNDEFINED);
    uint64_t n = 0;
    for (uint32_t i = 0; i <= a->argc; i++) {
        *he = i == 0 ? *ho : a->argv[i - 1];
        bool spread;
        if (!is_concat_spreadable(cx, *he, &spread)) goto done;
        if (!spread) {
            if (n >= EN_ARR_MAX_SAFE_U) { en_throw_type_error(cx, "Array too long"); goto done; }
            if (!en_arr_create(cx, *hr, n++, *he)) goto done;
            continue;
        }
        uint64_t len;
        if (!en_length_of_array_like(cx, *he, &len)) goto done;
        if (n + len > EN_ARR_MAX_SAFE_U) { en_throw_type_error(cx, "Array too long"); goto done; }
        for (uint64_t k = 0; k < len; k++, n++) {
            bool present;
            if (!en_arr_has(cx, *he, k, &present)) goto done;
            if (!present) continue;
            EnValue v;
            if (!en_arr_get(cx, *he, k, &v) || !en_arr_create(cx, *hr, n, v)) goto done;
        }
    }
    if (!en_arr_set_length(cx, *hr, n)) goto done;
    res = *hr;
done:
    en_handle_scope_close(&hs);
    return res;
}

// FlattenIntoArray; returns the next target index or -1 on throw.
static int64_t flatten(EnContext *cx, EnValue target, EnValue source, uint64_t slen, uint64_t start, double depth,
                       EnValue mapper, EnValue this_arg) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *h = en_arr_handles(cx, 4);  // element, index, source; [3] target
    h[2] = source;
    h[3] = target;
    int64_t ti = (int64_t)start;
    for (uint64_t si = 0; si < slen; si++) {
        bool present;
        if (!en_arr_has(cx, h[2], si, &present)) goto fail;
        if (!present) continue;
        if (!en_arr_get(cx, h[2], si, &h[0])) goto fail;
        if (!en_is_undefined(mapper)) {
            h[1] = en_number((double)si);
            EnValue r = en_call(cx, mapper, this_arg, 3, h);
            if (en_is_exception(r)) goto fail;
            h[0] = r;
        }
        bool flat = false;
        if (depth > 0 && !en_is_array(cx, h[0], &flat)) goto fail;
        if (flat) {
            uint64_t el;
            if (!en_length_of_array_like(cx, h[0], &el)) goto fail;
            EnValue *hel = en_handle(cx, h[0]);
            ti = flatten(cx, h[3], *hel, el, (uint64_t)ti, depth - 1, EN_UNDEFINED, EN_UNDEFINED);
            if (ti < 0) goto fail;
        } else {
            if ((uint64_t)ti >= EN_ARR_MAX_SAFE_U) { en_throw_type_error(cx, "Array too long"); goto fail; }
            if (!en_arr_create(cx, h[3], (uint64_t)ti++, h[0])) goto fail;
        }
    }
    en_handle_scope_close(&hs);
    return ti;
fail:
    en_handle_scope_close(&hs);
    return -1;
}

static EnValue ap_flat(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len;
    double depth = 1;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    if (!en_is_undefined(ARG(0))) {
        if (!en_to_integer_or_infinity(cx, ARG(0), &depth)) goto done;
        if (depth < 0) depth = 0;
    }
    EnValue *hr = en_handle(cx, en_arr_species_create(cx, *ho, 0));
    if (en_is_exception(*hr)) goto done;
    if (flatten(cx, *hr, *ho, len, 0, depth, EN_UNDEFINED, EN_UNDEFINED) < 0) goto done;
    res = *hr;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue ap_flat_map(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    if (!en_is_callable(ARG(0))) { not_callable(cx, "flatMap"); goto done; }
    EnValue *hr = en_handle(cx, en_arr_species_create(cx, *ho, 0));
    if (en_is_exception(*hr)) goto done;
    if (flatten(cx, *hr, *ho, len, 0, 1, ARG(0), ARG(1)) < 0) goto done;
    res = *hr;
done:
    en_handle_scope_close(&hs);
    return res;
}

// ---------------------------------------------------------------------------
// Change-array-by-copy (ES2023): toReversed toSpliced with.

static EnValue ap_to_reversed(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    EnObject *r = en_arr_create_array(cx, len, NULL);
    if (!r) goto done;
    EnValue *hr = en_handle(cx, en_object_value(r));
    for (uint64_t k = 0; k < len; k++) {
        EnValue v;
        if (!en_arr_get(cx, *ho, len - 1 - k, &v) || !en_arr_create(cx, *hr, k, v)) goto done;
    }
    res = *hr;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue ap_with(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len;
    double rel;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    if (!en_to_integer_or_infinity(cx, ARG(0), &rel)) goto done;
    double idx = rel >= 0 ? rel : (double)len + rel;
    if (idx >= (double)len || idx < 0) { en_throw_range_error(cx, "Invalid index : %g", rel); goto done; }
    EnObject *r = en_arr_create_array(cx, len, NULL);
    if (!r) goto done;
    EnValue *hr = en_handle(cx, en_object_value(r));
    for (uint64_t k = 0; k < len; k++) {
        EnValue v = ARG(1);
        if (k != (uint64_t)idx && !en_arr_get(cx, *ho, k, &v)) goto done;
        if (!en_arr_create(cx, *hr, k, v)) goto done;
    }
    res = *hr;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue ap_to_spliced(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len, start, skip;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    if (!en_arr_rel_index(cx, ARG(0), len, 0, &start)) goto done;
    uint32_t items = a->argc > 2 ? a->argc - 2 : 0;
    if (a->argc == 0) skip = 0;
    else if (a->argc == 1) skip = len - start;
    else {
        double dc;
        if (!en_to_integer_or_infinity(cx, ARG(1), &dc)) goto done;
        dc = dc < 0 ? 0 : dc;
        skip = dc > (double)(len - start) ? len - start : (uint64_t)dc;
    }
    uint64_t nlen = len + items - skip;
    if (nlen > EN_ARR_MAX_SAFE_U) { en_throw_type_error(cx, "Array too long"); goto done; }
    EnObject *r = en_arr_create_array(cx, nlen, NULL);
    if (!r) goto done;
    EnValue *hr = en_handle(cx, en_object_value(r));
    uint64_t i = 0;
    for (; i < start; i++) {
        EnValue v;
        if (!en_arr_get(cx, *ho, i, &v) || !en_arr_create(cx, *hr, i, v)) goto done;
    }
    for (uint32_t j = 0; j < items; j++, i++)
        if (!en_arr_create(cx, *hr, i, a->argv[j + 2])) goto done;
    for (uint64_t rd = start + skip; i < nlen; i++, rd++) {
        EnValue v;
        if (!en_arr_get(cx, *ho, rd, &v) || !en_arr_create(cx, *hr, i, v)) goto done;
    }
    res = *hr;
done:
    en_handle_scope_close(&hs);
    return res;
}

// ---------------------------------------------------------------------------
// join / toString / toLocaleString. Cycle detection like engines: an array
// already being joined further up the C stack contributes "".

static _Thread_local EnObject *join_stack[256];
static _Thread_local uint32_t join_depth;

static bool join_enter(EnObject *o, bool *cycle) {
    for (uint32_t i = 0; i < join_depth; i++)
        if (join_stack[i] == o) return *cycle = true, true;
    *cycle = false;
    if (join_depth == 256) return false;
    join_stack[join_depth++] = o;
    return true;
}

static EnValue join_impl(EnContext *cx, EnValue this_val, EnValue sep_v, bool locale) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len;
    if (!en_arr_this(cx, this_val, &ho, &len)) goto done;
    bool cycle;
    if (!join_enter(en_as_object(*ho), &cycle)) {
        en_throw_range_error(cx, "Maximum call stack size exceeded");
        goto done;
    }
    if (cycle) { res = en_string_value(en_str_empty(cx)); goto done; }
    EnString *sep;
    if (locale || en_is_undefined(sep_v)) sep = en_str_from_cstr(cx, ",");
    else sep = en_to_string(cx, sep_v);
    if (!sep) goto out;
    EnValue *hsep = en_handle(cx, en_string_value(sep));
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    bool ok = true;
    for (uint64_t k = 0; k < len && ok; k++) {
        // (Empty strings skipped: the builder's first append must not be empty.)
        if (k && en_str_length(en_as_string(*hsep))) en_sb_string(&sb, en_as_string(*hsep));
        EnValue v;
        if (!(ok = en_arr_get(cx, *ho, k, &v))) break;
        if (en_is_nullish(v)) continue;
        if (locale) {
            EnValue *hv = en_handle(cx, v);
            EnValue f = en_get(cx, *hv, en_key_atom(en_atom_from_cstr(cx, "toLocaleString")));
            if (!(ok = !en_is_exception(f))) break;
            if (!en_is_callable(f)) {
                en_throw_type_error(cx, "toLocaleString is not a function");
                ok = false;
                break;
            }
            v = en_call(cx, f, *hv, 0, NULL);
            if (!(ok = !en_is_exception(v))) break;
        }
        if (en_is_string(v)) {
            if (en_str_length(en_as_string(v))) en_sb_string(&sb, en_as_string(v));
            continue;
        }
        EnString *s = en_to_string(cx, v);
        if (!(ok = s != NULL)) break;
        if (en_str_length(s)) en_sb_string(&sb, s);
        if ((k & 4095) == 4095 && !(ok = en_poll_interrupt(cx))) break;
    }
    if (!ok) {
        en_sb_free(&sb);
        goto out;
    }
    EnString *r = en_sb_finish(&sb);
    if (r) res = en_string_value(r);
out:
    join_depth--;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue ap_join(EnContext *cx, const EnArgs *a) { return join_impl(cx, a->this_val, ARG(0), false); }
static EnValue ap_to_locale_string(EnContext *cx, const EnArgs *a) {
    return join_impl(cx, a->this_val, EN_UNDEFINED, true);
}

static EnValue ap_to_string(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnObject *o = en_to_object(cx, a->this_val);
    if (!o) goto done;
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnValue f = en_get_atom(cx, *ho, EN_ATOM_join);
    if (en_is_exception(f)) goto done;
    if (!en_is_callable(f)) f = en_object_value(en_intrinsic(cx, EN_INTRINSIC_ObjectProtoToString));
    res = en_call(cx, f, *ho, 0, NULL);
done:
    en_handle_scope_close(&hs);
    return res;
}

// ---------------------------------------------------------------------------
// Iterators.

static EnValue iter_of_this(EnContext *cx, EnValue t, uint32_t kind) {
    EnObject *o = en_to_object(cx, t);
    if (!o) return EN_EXCEPTION;
    return en_arr_iterator_new(cx, en_object_value(o), kind);
}
static EnValue ap_keys(EnContext *cx, const EnArgs *a) { return iter_of_this(cx, a->this_val, 0); }
static EnValue ap_values(EnContext *cx, const EnArgs *a) { return iter_of_this(cx, a->this_val, 1); }
static EnValue ap_entries(EnContext *cx, const EnArgs *a) { return iter_of_this(cx, a->this_val, 2); }

// ---------------------------------------------------------------------------

static const struct { const char *name; EnNativeFn fn; uint32_t length; } proto_methods[] = {
    {"at", ap_at, 1}, {"concat", ap_concat, 1}, {"copyWithin", ap_copy_within, 2},
    {"entries", ap_entries, 0}, {"every", ap_every, 1}, {"fill", ap_fill, 1},
    {"filter", ap_filter, 1}, {"find", ap_find, 1}, {"findIndex", ap_find_index, 1},
    {"findLast", ap_find_last, 1}, {"findLastIndex", ap_find_last_index, 1}, {"flat", ap_flat, 0},
    {"flatMap", ap_flat_map, 1}, {"forEach", ap_for_each, 1}, {"includes", ap_includes, 1},
    {"indexOf", ap_index_of, 1}, {"join", ap_join, 1}, {"keys", ap_keys, 0},
    {"lastIndexOf", ap_last_index_of, 1}, {"map", ap_map, 1}, {"pop", ap_pop, 0},
    {"push", ap_push, 1}, {"reduce", ap_reduce, 1}, {"reduceRight", ap_reduce_right, 1},
    {"reverse", ap_reverse, 0}, {"shift", ap_shift, 0}, {"slice", ap_slice, 2},
    {"some", ap_some, 1}, {"splice", ap_splice, 2}, {"toLocaleString", ap_to_locale_string, 0},
    {"toReversed", ap_to_reversed, 0}, {"toSpliced", ap_to_spliced, 2},
    {"toString", ap_to_string, 0}, {"unshift", ap_unshift, 1}, {"with", ap_with, 2},
};

static const char *const unscopables[] = {
    "at", "copyWithin", "entries", "fill", "find", "findIndex", "findLast", "findLastIndex", "flat",
    "flatMap", "includes", "keys", "toReversed", "toSorted", "toSpliced", "values",
};

bool en_arr_init_proto(EnContext *cx, EnObject *proto) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hp = en_handle(cx, en_object_value(proto));
    bool ok = false;
    for (size_t i = 0; i < sizeof proto_methods / sizeof proto_methods[0]; i++)
        if (!en_define_method(cx, en_as_object(*hp), proto_methods[i].name, proto_methods[i].fn,
                              proto_methods[i].length))
            goto done;
    EnObject *values = en_define_method(cx, en_as_object(*hp), "values", ap_values, 0);
    if (!values) goto done;
    cx->intrinsics[EN_INTRINSIC_ArrayProtoValues] = values;
    if (!en_define_value(cx, en_as_object(*hp), en_symbol_value(en_well_known_symbol(cx, EN_SYM_iterator)),
                         en_object_value(values), EN_PROP_HIDDEN))
        goto done;
    EnObject *u = en_obj_new(cx, EN_CLASS_OBJECT, NULL, 0);
    if (!u) goto done;
    EnValue *hu = en_handle(cx, en_object_value(u));
    for (size_t i = 0; i < sizeof unscopables / sizeof unscopables[0]; i++) {
        EnString *at = en_atom_from_cstr(cx, unscopables[i]);
        if (!at || !en_define_value(cx, en_as_object(*hu), en_key_atom(at), EN_TRUE, EN_PROP_DEFAULT)) goto done;
    }
    ok = en_define_value(cx, en_as_object(*hp), en_symbol_value(en_well_known_symbol(cx, EN_SYM_unscopables)), *hu,
                         EN_PROP_CONFIGURABLE);
done:
    en_handle_scope_close(&hs);
    return ok;
}
