// Binary data: Float16 conversions (exhaustive round trip and tie
// rounding), element coercions, buffer memory accounting against the heap
// limit, detach through $262, typed arrays under gc_stress.
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "typed_array_int.h"

// ---------------------------------------------------------------------------
// Conversions (no heap).

Test(typed_array, f16_round_trips_every_finite_half) {
    for (uint32_t h = 0; h < 0x10000u; h++) {
        if ((h & 0x7C00u) == 0x7C00u && (h & 0x3FFu)) continue;  // NaN payloads
        double d = en_f16_to_f64((uint16_t)h);
        cr_assert_eq(en_f64_to_f16(d), h, "half 0x%04x -> %.17g -> 0x%04x", h, d, en_f64_to_f16(d));
    }
    cr_assert(isnan(en_f16_to_f64(0x7E00u)));
    cr_assert_eq(en_f64_to_f16(NAN) & 0x7E00u, 0x7E00u);
}

Test(typed_array, f16_rounds_ties_to_even) {
    // Between consecutive positive finite halves a < b: the midpoint rounds
    // to the one with an even mantissa, anything off the midpoint to the
    // nearer one.
    for (uint32_t h = 0; h < 0x7BFFu; h++) {
        double a = en_f16_to_f64((uint16_t)h), b = en_f16_to_f64((uint16_t)(h + 1));
        double m = (a + b) / 2;
        uint16_t even = (h & 1) ? (uint16_t)(h + 1) : (uint16_t)h;
        cr_assert_eq(en_f64_to_f16(m), even, "tie at 0x%04x", h);
        cr_assert_eq(en_f64_to_f16(nextafter(m, 0)), h);
        cr_assert_eq(en_f64_to_f16(nextafter(m, INFINITY)), h + 1);
        cr_assert_eq(en_f64_to_f16(-m), 0x8000u | even);
    }
    cr_assert_eq(en_f64_to_f16(65504.0), 0x7BFFu);
    cr_assert_eq(en_f64_to_f16(65519.99), 0x7BFFu);
    cr_assert_eq(en_f64_to_f16(65520.0), 0x7C00u);
    cr_assert_eq(en_f64_to_f16(1e300), 0x7C00u);
    cr_assert_eq(en_f64_to_f16(-0.0), 0x8000u);
    cr_assert_eq(en_f64_to_f16(0x1p-25), 0u);           // half the smallest subnormal: tie to 0
    cr_assert_eq(en_f64_to_f16(0x1.0000000000001p-25), 1u);
}

static double store_read(EnTAType t, double d) {
    uint8_t buf[8];
    EnTANum n = {.d = d};
    en_ta_store(buf, t, n);
    return en_ta_read(buf, t).d;
}

Test(typed_array, element_coercions) {
    cr_assert_eq(store_read(EN_TA_INT8, 128), -128);
    cr_assert_eq(store_read(EN_TA_INT8, -129.9), 127);
    cr_assert_eq(store_read(EN_TA_UINT8, -1), 255);
    cr_assert_eq(store_read(EN_TA_UINT8, 1e20), 0);  // 1e20 mod 256 = 0
    cr_assert_eq(store_read(EN_TA_UINT8, INFINITY), 0);
    cr_assert_eq(store_read(EN_TA_UINT8C, 2.5), 2);
    cr_assert_eq(store_read(EN_TA_UINT8C, 3.5), 4);
    cr_assert_eq(store_read(EN_TA_UINT8C, -0.4), 0);
    cr_assert_eq(store_read(EN_TA_UINT8C, 1e9), 255);
    cr_assert_eq(store_read(EN_TA_UINT8C, NAN), 0);
    cr_assert_eq(store_read(EN_TA_INT16, 40000), 40000 - 65536);
    cr_assert_eq(store_read(EN_TA_UINT32, -1), 4294967295.0);
    cr_assert_eq(store_read(EN_TA_INT32, 4294967296.0 + 5), 5);
    cr_assert_eq(store_read(EN_TA_INT32, -1e10), -1410065408);
    cr_assert_eq(store_read(EN_TA_FLOAT32, 0.1), (double)0.1f);
    cr_assert_eq(store_read(EN_TA_FLOAT16, 0.1), 0.0999755859375);
    cr_assert(signbit(store_read(EN_TA_FLOAT64, -0.0)));
}

// ---------------------------------------------------------------------------
// Through the engine.

typedef struct Env {
    EnRuntime *rt;
    EnContext *cx;
} Env;

static void env_open(Env *e, bool stress, size_t max_heap) {
    EnLimits lim;
    en_limits_default(&lim);
    lim.gc_stress = stress;
    lim.max_heap_bytes = max_heap;
    e->rt = en_runtime_new(&lim);
    e->cx = en_context_new(e->rt);
    cr_assert_not_null(e->cx);
    en_context_install_test262(e->cx);
}

static void env_close(Env *e) {
    en_context_free(e->cx);
    en_runtime_free(e->rt);
}

// Evaluates src; the result must be the string `want`.
static void expect_str(Env *e, const char *src, const char *want) {
    EnEvalOptions opts;
    en_eval_options_default(&opts);
    EnValue v;
    EnStatus st = en_eval(e->cx, src, strlen(src), &opts, &v);
    if (st != EN_STATUS_OK) {
        OchBuf b = {0};
        en_exception_report(e->cx, en_exception_take(e->cx), &b);
        cr_assert_fail("%s threw: %.*s", src, (int)b.len, b.data ? b.data : "");
    }
    cr_assert(en_is_string(v), "%s: not a string", src);
    OchBuf b = {0};
    en_str_to_utf8(e->cx, en_as_string(v), &b);
    cr_expect(b.len == strlen(want) && memcmp(b.data, want, b.len) == 0, "%s: got '%.*s', want '%s'", src,
              (int)b.len, b.data, want);
    och_buf_free(&b);
}

Test(typed_array, buffer_bytes_count_against_the_heap) {
    Env e;
    env_open(&e, false, 0);
    EnHeapStats before, mid, after;
    en_gc_collect(e.rt);
    en_gc_stats(e.rt, &before);
    expect_str(&e, "globalThis.b = new ArrayBuffer(8 << 20); 'ok'", "ok");
    en_gc_stats(e.rt, &mid);
    cr_assert_geq(mid.allocated_bytes, before.allocated_bytes + (8u << 20));
    expect_str(&e, "b = null; $262.gc(); 'ok'", "ok");
    en_gc_stats(e.rt, &after);
    cr_assert_lt(after.allocated_bytes, before.allocated_bytes + (1u << 20));
    // resize / transfer keep the accounting exact.
    expect_str(&e, "globalThis.r = new ArrayBuffer(1024, {maxByteLength: 4 << 20}); r.resize(4 << 20);"
                   "globalThis.t = r.transfer(2 << 20); 'ok'", "ok");
    en_gc_stats(e.rt, &mid);
    cr_assert_geq(mid.allocated_bytes, before.allocated_bytes + (2u << 20));
    cr_assert_lt(mid.allocated_bytes, before.allocated_bytes + (3u << 20));
    env_close(&e);
}

Test(typed_array, heap_limit_refuses_big_buffers_with_range_error) {
    Env e;
    env_open(&e, false, 32u << 20);
    expect_str(&e, "try { new ArrayBuffer(64 << 20); 'no' } catch (x) { x.name }", "RangeError");
    expect_str(&e, "try { new Float64Array(16 << 20); 'no' } catch (x) { x.name }", "RangeError");
    // Garbage buffers are collected to make room.
    expect_str(&e, "let n = 0; for (let i = 0; i < 40; i++) n += new Uint8Array(4 << 20).length; String(n)",
               "167772160");
    env_close(&e);
}

Test(typed_array, detach_through_test262_host) {
    Env e;
    env_open(&e, false, 0);
    expect_str(&e,
               "const b = new ArrayBuffer(8); const a = new Int32Array(b); a[1] = 5;"
               "$262.detachArrayBuffer(b);"
               "[b.detached, b.byteLength, a.length, a[1], a.byteOffset, 1 in a].join()",
               "true,0,0,,0,false");
    expect_str(&e,
               "const c = new Uint8Array(4); let r; try { c.fill(1, { valueOf() { $262.detachArrayBuffer(c.buffer); return 0; } }); }"
               " catch (x) { r = x.name } r",
               "TypeError");
    expect_str(&e,
               "const d = new Uint8Array([1, 2, 3]); d[0] = { valueOf() { $262.detachArrayBuffer(d.buffer); return 7; } };"
               "String(d[0])",
               "undefined");
    env_close(&e);
}

static void stress_ops(bool stress) {
    Env e;
    env_open(&e, stress, 0);
    expect_str(&e,
               "const a = Float64Array.from([3, 1, 2], x => x * 1.5);"
               "const b = new BigInt64Array([5n, -3n, 9n]).sort();"
               "const m = a.map(x => x + 1).filter(x => x > 2).toSorted((x, y) => y - x);"
               "const dv = new DataView(new ArrayBuffer(16)); dv.setBigUint64(8, 2n ** 64n - 1n); dv.setFloat16(0, 1.5);"
               "[a.join(), b.join(), m.join(), dv.getBigInt64(8), dv.getFloat16(0), [...a.entries()].join(';')].join('|')",
               "4.5,1.5,3|-3,5,9|5.5,4,2.5|-1|1.5|0,4.5;1,1.5;2,3");
    env_close(&e);
}

Test(typed_array, operations) { stress_ops(false); }
Test(typed_array, operations_gc_stress) { stress_ops(true); }
