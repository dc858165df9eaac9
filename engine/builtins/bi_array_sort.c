// Array.prototype.sort / toSorted (ES2025 §23.1.3.30, SortIndexedProperties).
// Items are collected into a rooted scratch array (holes skipped,
// undefined counted and put last), sorted with a stable bottom-up merge
// sort over an index permutation, then written back. Without a comparator
// every item is converted to a string once up front (as engines do); a
// comparator's exception aborts before anything is written.
#include "bi_array_int.h"

typedef struct SortCtx {
    EnContext *cx;
    EnValue *items;  // rooted: the scratch array's storage (stable: never resized)
    EnValue *keys;   // rooted: string keys when there is no comparator
    EnValue cmp;     // comparator (rooted by the caller's args) or undefined
    EnValue *args;   // 2 handles
    bool failed;
} SortCtx;

// a <= b in the sort order ("a does not go after b"): stable merge.
static bool le(SortCtx *s, uint32_t a, uint32_t b, bool *out) {
    if (en_is_undefined(s->cmp)) {
        *out = en_str_compare(s->cx, en_as_string(s->keys[a]), en_as_string(s->keys[b])) <= 0;
        return true;
    }
    EnValue x = s->items[a], y = s->items[b];
    s->args[0] = x;
    s->args[1] = y;
    EnValue r = en_call(s->cx, s->cmp, EN_UNDEFINED, 2, s->args);
    if (en_is_exception(r)) return false;
    double d;
    if (en_is_int32(r)) d = en_as_int32(r);
    else if (!en_to_number(s->cx, r, &d)) return false;
    *out = !(d > 0);
    return true;
}

static bool merge_sort(SortCtx *s, uint32_t *idx, uint32_t *tmp, uint32_t n) {
    // Insertion sort on runs of 8, then bottom-up merges.
    const uint32_t RUN = 8;
    for (uint32_t lo = 0; lo < n; lo += RUN) {
        uint32_t hi = lo + RUN < n ? lo + RUN : n;
        for (uint32_t i = lo + 1; i < hi; i++) {
            uint32_t v = idx[i], j = i;
            while (j > lo) {
                bool ok;
                if (!le(s, idx[j - 1], v, &ok)) return false;
                if (ok) break;
                idx[j] = idx[j - 1];
                j--;
            }
            idx[j] = v;
        }
    }
    for (uint32_t w = RUN; w < n; w *= 2) {
        for (uint32_t lo = 0; lo < n; lo += 2 * w) {
            uint32_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            uint32_t i = lo, j = mid, k = lo;
            if (mid < hi) {
                bool sorted;
                if (!le(s, idx[mid - 1], idx[mid], &sorted)) return false;
                if (sorted) continue;
            }
            while (i < mid && j < hi) {
                bool ok;
                if (!le(s, idx[i], idx[j], &ok)) return false;
                tmp[k++] = ok ? idx[i++] : idx[j++];
            }
            while (i < mid) tmp[k++] = idx[i++];
            while (j < hi) tmp[k++] = idx[j++];
            memcpy(idx + lo, tmp + lo, (hi - lo) * sizeof(uint32_t));
        }
        if (!en_poll_interrupt(s->cx)) return false;
    }
    return true;
}

// Collects and sorts; *hsorted receives a fresh dense array of the sorted
// items followed by `*nundef` undefineds; returns the count of non-hole items.
static bool sort_items(EnContext *cx, EnValue o, uint64_t len, bool skip_holes, EnValue cmp, EnValue *hsorted,
                       uint64_t *count) {
    if (len > 0xFFFFFFFFull) {
        en_throw_range_error(cx, "Invalid array length");
        return false;
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    uint32_t *idx = NULL, *tmp = NULL;
    EnObject *it = en_array_new(cx, len < 4096 ? (uint32_t)len : 4096);
    if (!it) goto done;
    EnValue *hit = en_handle(cx, en_object_value(it));
    EnValue *hkeys = en_handle(cx, EN_UNDEFINED);
    uint32_t n = 0, nundef = 0;
    for (uint64_t k = 0; k < len; k++) {
        if (skip_holes) {
            bool present;
            if (!en_arr_has(cx, o, k, &present)) goto done;
            if (!present) continue;
        }
        EnValue v;
        if (!en_arr_get(cx, o, k, &v)) goto done;
        if (en_is_undefined(v)) { nundef++; continue; }
        if (!en_array_push(cx, en_as_object(*hit), v)) goto done;
        n++;
    }
    EnValueArray *items = n ? en_as_object(*hit)->el.elements : NULL;
    SortCtx s = {cx, items ? items->v : NULL, NULL, cmp, en_arr_handles(cx, 2), false};
    if (en_is_undefined(cmp) && n) {
        EnObject *ks = en_array_new(cx, n);
        if (!ks) goto done;
        *hkeys = en_object_value(ks);
        EnValueArray *kv = ks->el.elements;
        for (uint32_t i = 0; i < n; i++) {
            EnValue v = s.items[i];
            EnString *str = en_is_string(v) ? en_as_string(v) : en_to_string(cx, v);
            if (!str) goto done;
            en_store(cx, kv, &kv->v[i], en_string_value(str));
            kv->length = i + 1;
        }
        s.keys = kv->v;
    }
    idx = och_malloc((n ? n : 1) * sizeof(uint32_t));
    tmp = och_malloc((n ? n : 1) * sizeof(uint32_t));
    for (uint32_t i = 0; i < n; i++) idx[i] = i;
    if (!merge_sort(&s, idx, tmp, n)) goto done;
    EnObject *out = en_array_new(cx, n + nundef);
    if (!out) goto done;
    EnValueArray *ov = out->el.elements, *iv = en_as_object(*hit)->el.elements;
    for (uint32_t i = 0; i < n; i++) en_store(cx, ov, &ov->v[i], iv->v[idx[i]]);
    for (uint32_t i = 0; i < nundef; i++) ov->v[n + i] = EN_UNDEFINED;
    if (ov) ov->length = n + nundef;
    ((EnArray *)out)->length = n + nundef;
    *hsorted = en_object_value(out);
    *count = (uint64_t)n + nundef;
    ok = true;
done:
    och_free(idx);
    och_free(tmp);
    en_handle_scope_close(&hs);
    return ok;
}

EnValue en_arr_sort(EnContext *cx, const EnArgs *a) {
    EnValue cmp = en_arg(a, 0);
    if (!en_is_undefined(cmp) && !en_is_callable(cmp))
        return en_throw_type_error(cx, "The comparison function must be either a function or undefined");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len, count;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    EnValue *hs_ = en_handle(cx, EN_UNDEFINED);
    if (!sort_items(cx, *ho, len, true, cmp, hs_, &count)) goto done;
    for (uint64_t k = 0; k < count; k++)
        if (!en_arr_set(cx, *ho, k, en_as_object(*hs_)->el.elements->v[k])) goto done;
    for (uint64_t k = count; k < len; k++) {
        // Holes move to the end: delete what is left there.
        if (!en_arr_delete(cx, *ho, k)) goto done;
        if ((k & 4095) == 4095 && !en_poll_interrupt(cx)) goto done;
    }
    res = *ho;
done:
    en_handle_scope_close(&hs);
    return res;
}

EnValue en_arr_to_sorted(EnContext *cx, const EnArgs *a) {
    EnValue cmp = en_arg(a, 0);
    if (!en_is_undefined(cmp) && !en_is_callable(cmp))
        return en_throw_type_error(cx, "The comparison function must be either a function or undefined");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *ho;
    uint64_t len, count;
    if (!en_arr_this(cx, a->this_val, &ho, &len)) goto done;
    if (len > 0xFFFFFFFFull) { en_throw_range_error(cx, "Invalid array length"); goto done; }
    EnValue *hs_ = en_handle(cx, EN_UNDEFINED);
    if (!sort_items(cx, *ho, len, false, cmp, hs_, &count)) goto done;
    res = *hs_;
done:
    en_handle_scope_close(&hs);
    return res;
}

bool en_arr_init_sort(EnContext *cx, EnObject *proto) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hp = en_handle(cx, en_object_value(proto));
    bool ok = en_define_method(cx, en_as_object(*hp), "sort", en_arr_sort, 1) &&
              en_define_method(cx, en_as_object(*hp), "toSorted", en_arr_to_sorted, 1);
    en_handle_scope_close(&hs);
    return ok;
}
