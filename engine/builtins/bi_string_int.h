// Internals shared by the String builtin files (bi_string.c: constructor,
// statics, most of the prototype, the iterator; bi_string_pattern.c:
// match/matchAll/replace/replaceAll/search/split; bi_string_case.c:
// toLowerCase/toUpperCase). Owner: numbers helper.
#ifndef OCHRE_ENGINE_BI_STRING_INT_H
#define OCHRE_ENGINE_BI_STRING_INT_H

#include "bi_support_int.h"

// RequireObjectCoercible(this) + ToString, rooted in the caller's open
// handle scope (*slot) and flattened. NULL with an exception pending.
EnString *en_bi_this_str(EnContext *cx, const EnArgs *args, const char *method, EnValue **slot);
// ToString(v) rooted in the caller's scope and flattened.
EnString *en_bi_flat_string(EnContext *cx, EnValue v, EnValue **slot);
// StringIndexOf(s, search, from): first index >= from, or -1. Both flat.
int64_t en_bi_str_index_of(const EnString *s, const EnString *search, uint32_t from);
// IsRegExp(v): false with *out false for non-objects; may run getters.
bool en_bi_is_regexp(EnContext *cx, EnValue v, bool *out);
// GetSubstitution(matched, str, position, captures, namedCaptures,
// replacementTemplate) of ECMA-262 22.1.3.19.1; captures are strings or
// undefined (rooted by the caller). NULL on throw.
EnString *en_bi_get_substitution(EnContext *cx, EnString *matched, EnString *str, uint32_t position,
                                 const EnValue *captures, uint32_t ncaptures, EnValue named,
                                 EnString *replacement);
// Full case mapping of a flat string (SpecialCasing unconditional rules
// plus Final_Sigma). NULL on heap limit.
EnString *en_bi_str_to_case(EnContext *cx, EnString *s, bool upper);

EnValue en_bi_string_match(EnContext *cx, const EnArgs *args);
EnValue en_bi_string_match_all(EnContext *cx, const EnArgs *args);
EnValue en_bi_string_replace(EnContext *cx, const EnArgs *args);
EnValue en_bi_string_replace_all(EnContext *cx, const EnArgs *args);
EnValue en_bi_string_search(EnContext *cx, const EnArgs *args);
EnValue en_bi_string_split(EnContext *cx, const EnArgs *args);

#endif
