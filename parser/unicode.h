// Unicode character classes for the lexer and the regexp pattern parser,
// backed by tables that tools/gen_unicode.c generates at build time from
// Debian's unicode-data (/usr/share/unicode). Internal to parser/ and
// engine/ (the regexp compiler).
#ifndef OCHRE_PARSER_UNICODE_H
#define OCHRE_PARSER_UNICODE_H

#include <stdbool.h>
#include <stdint.h>

// ECMAScript IdentifierStart / IdentifierPart code points beyond ASCII:
// ID_Start, and ID_Continue (which includes ZWNJ U+200C and ZWJ U+200D per
// ECMA-262). `$` and `_` are handled too. O(log n) binary search, with an
// ASCII fast path.
bool ps_is_id_start(uint32_t cp);
bool ps_is_id_continue(uint32_t cp);

// White_Space category Zs (plus the ECMAScript WhiteSpace list: TAB, VT, FF,
// ZWNBSP U+FEFF); line terminators are not included.
bool ps_is_js_whitespace(uint32_t cp);

#endif
