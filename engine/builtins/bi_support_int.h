// Helpers shared by the numbers helper's builtin families (bi_number.c,
// bi_boolean.c, bi_math.c, bi_global_functions.c, bi_json.c,
// bi_string.c): method tables, constant properties, thisXValue checks.
// Owner: numbers helper (engine/builtins/bi_support.c).
#ifndef OCHRE_ENGINE_BI_SUPPORT_INT_H
#define OCHRE_ENGINE_BI_SUPPORT_INT_H

#include "runtime_int.h"

typedef struct EnBiMethod {
    const char *name;
    EnNativeFn fn;
    uint32_t length;
} EnBiMethod;

// Defines each method on o (writable, configurable, not enumerable). o is
// rooted by the helper. False with an exception pending (heap limit).
bool en_bi_methods(EnContext *cx, EnObject *o, const EnBiMethod *m, size_t n);
// Defines o[name] = v with attrs (EN_PROP_*); o and v rooted by the helper.
bool en_bi_value(EnContext *cx, EnObject *o, const char *name, EnValue v, uint8_t attrs);
// Defines o[@@toStringTag] = tag (configurable only).
bool en_bi_to_string_tag(EnContext *cx, EnObject *o, const char *tag);
// Own data property `name` of o without running code (builtin setup only);
// EN_UNDEFINED when absent.
EnValue en_bi_own_value(EnContext *cx, EnObject *o, const char *name);

// thisNumberValue / thisBooleanValue / thisStringValue: false with a
// TypeError naming `method` pending when `v` is neither the primitive nor
// its wrapper.
bool en_bi_this_number(EnContext *cx, EnValue v, const char *method, double *out);
bool en_bi_this_boolean(EnContext *cx, EnValue v, const char *method, bool *out);
EnString *en_bi_this_string_value(EnContext *cx, EnValue v, const char *method);

// Creates a wrapper object of class cls (NUMBER, BOOLEAN, STRING...) for
// `new X(...)`: prototype from new_target, falling back to the intrinsic.
EnObject *en_bi_new_wrapper(EnContext *cx, EnValue new_target, EnClassId cls,
                            EnIntrinsic fallback, EnValue prim);

// A string from ASCII bytes (NUL-terminated), as a value; EN_EXCEPTION on
// heap limit.
EnValue en_bi_ascii(EnContext *cx, const char *s, size_t len);

// en_sb_string that skips empty strings (en_sb_string on an empty builder
// would memcpy from/to NULL with length 0).
static inline void en_bi_sb_string(EnStrBuilder *sb, EnString *s) {
    if (en_str_length(s) != 0) en_sb_string(sb, s);
}

// Native functions shared between families (global and Number.*).
EnValue en_bi_parse_int(EnContext *cx, const EnArgs *args);
EnValue en_bi_parse_float(EnContext *cx, const EnArgs *args);

#endif
