// Number::toString(10) for doubles: shortest digits that round-trip,
// laid out per ECMA-262 Number::toString. The digits come from printf's
// correctly rounded %.*e at increasing precision (at most 17 tries), which
// yields the shortest round-tripping digit string closest to the value.
#include "base.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Shortest decimal digits of finite positive d: digits in out (no dot),
// returns their count and stores the decimal exponent n such that
// d = 0.digits * 10^n (the spec's k and n).
static int shortest_digits(double d, char digits[20], int *n_out) {
    char tmp[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, d);
        if (strtod(tmp, NULL) == d || prec == 17) {
            // tmp is "D.DDDDe[+-]XX"
            int k = 0;
            char *p = tmp;
            for (; *p && *p != 'e'; p++)
                if (*p >= '0' && *p <= '9') digits[k++] = *p;
            int e = atoi(p + 1);
            while (k > 1 && digits[k - 1] == '0') k--;
            digits[k] = 0;
            *n_out = e + 1;
            return k;
        }
    }
    OCH_UNREACHABLE();
    return 0;
}

uint32_t och_number_to_string(double d, char out[32]) {
    if (isnan(d)) return (uint32_t)snprintf(out, 32, "NaN");
    if (d == 0) return (uint32_t)snprintf(out, 32, "0");
    char *o = out;
    if (d < 0) {
        *o++ = '-';
        d = -d;
    }
    if (isinf(d)) {
        memcpy(o, "Infinity", 9);
        return (uint32_t)(o - out) + 8;
    }
    char digits[20];
    int n;
    int k = shortest_digits(d, digits, &n);
    if (k <= n && n <= 21) {
        memcpy(o, digits, (size_t)k);
        o += k;
        for (int i = 0; i < n - k; i++) *o++ = '0';
    } else if (0 < n && n <= 21) {
        memcpy(o, digits, (size_t)n);
        o += n;
        *o++ = '.';
        memcpy(o, digits + n, (size_t)(k - n));
        o += k - n;
    } else if (-6 < n && n <= 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -n; i++) *o++ = '0';
        memcpy(o, digits, (size_t)k);
        o += k;
    } else {
        *o++ = digits[0];
        if (k > 1) {
            *o++ = '.';
            memcpy(o, digits + 1, (size_t)(k - 1));
            o += k - 1;
        }
        o += snprintf(o, 8, "e%c%d", n - 1 >= 0 ? '+' : '-', abs(n - 1));
    }
    *o = 0;
    return (uint32_t)(o - out);
}
