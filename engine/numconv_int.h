// Number <-> string conversion internals beyond runtime_int.h's
// "Numbers <-> strings" API (engine/numconv.c, owner: numbers helper):
// shortest digits, buffer sizes, the StrWhiteSpaceChar predicate and
// parsers over raw unit arrays (JSON, parseInt/parseFloat on any string).
// Pure C: no heap, no context.
#ifndef OCHRE_ENGINE_NUMCONV_INT_H
#define OCHRE_ENGINE_NUMCONV_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Buffer sizes for the writers (NUL included). Radix 2 of Number.MAX_VALUE
// has 1024 integer digits; of 5e-324, 1074 fraction digits.
#define EN_NUM_RADIX_BUF 2200
// toFixed(100) of 1e20, toPrecision(100) of 1e-6, toExponential(100).
#define EN_NUM_FIXED_BUF 128

// Shortest decimal digits of a finite positive double d (Schubfach):
// d ~ f * 10^e with the fewest digits that round-trip (the nearest to d on
// ties of length; even f on exact ties). f has no trailing zeros.
void en_num_shortest(double d, uint64_t *f, int *e);

// StrWhiteSpaceChar: WhiteSpace (TAB VT FF SP NBSP ZWNBSP and Unicode Zs)
// or LineTerminator (LF CR LS PS). Also what String.prototype.trim removes.
bool en_num_is_space(uint32_t unit);

// Parsers on unit arrays: exactly one of l1 (Latin-1 bytes) / u16 is
// non-NULL (or both NULL with len 0). Same grammars as the EnString forms in
// runtime_int.h. O(len).
double en_num_parse_str(const uint8_t *l1, const uint16_t *u16, size_t len);
double en_num_parse_float_str(const uint8_t *l1, const uint16_t *u16, size_t len);
double en_num_parse_int_str(const uint8_t *l1, const uint16_t *u16, size_t len, int radix);

// Correctly rounded value of the decimal digits dig[0..nd) (ASCII '0'..'9',
// any count) times 10^exp10. Used by JSON after its own grammar check.
double en_num_from_decimal(const char *dig, size_t nd, int64_t exp10);

#endif
