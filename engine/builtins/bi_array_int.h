// Private interface of the Array builtin family (bi_array.c: helpers,
// constructor, statics, iterator; bi_array_proto.c: the prototype;
// bi_array_sort.c: sort / toSorted). Owner: "arrays" helper.
//
// Element access goes through en_arr_get/has/set/create/delete: each tries
// the object model's fast element storage first (class ARRAY / OBJECT /
// ARGUMENTS with non-dictionary elements: a present element is an own data
// property with default attributes, so reading it needs no prototype walk)
// and falls back to the exact generic internal methods (holes, dictionary
// elements, exotics, proxies, indices >= 2^32 - 1).
#ifndef OCHRE_ENGINE_BI_ARRAY_INT_H
#define OCHRE_ENGINE_BI_ARRAY_INT_H

#include "objmodel_int.h"

#define EN_ARR_MAX_SAFE 9007199254740991.0  // 2^53 - 1
#define EN_ARR_MAX_SAFE_U 9007199254740991ull

// n consecutive fresh handles (initialised to undefined) in the current scope.
EnValue *en_arr_handles(EnContext *cx, uint32_t n);
// The storage of element i when it is a present own data element of fast
// storage (HasProperty is then true and Get returns *slot), else NULL.
EnValue *en_arr_fast_slot(EnValue o, uint64_t i);
// Get(O, ToString(i)). False with an exception pending.
bool en_arr_get(EnContext *cx, EnValue o, uint64_t i, EnValue *out);
// HasProperty(O, ToString(i)).
bool en_arr_has(EnContext *cx, EnValue o, uint64_t i, bool *found);
// Set(O, ToString(i), v, true).
bool en_arr_set(EnContext *cx, EnValue o, uint64_t i, EnValue v);
// CreateDataPropertyOrThrow(O, ToString(i), v).
bool en_arr_create(EnContext *cx, EnValue o, uint64_t i, EnValue v);
// DeletePropertyOrThrow(O, ToString(i)).
bool en_arr_delete(EnContext *cx, EnValue o, uint64_t i);
// Set(O, "length", len, true).
bool en_arr_set_length(EnContext *cx, EnValue o, uint64_t len);
// ArrayCreate(len) with %Array.prototype% (RangeError above 2^32 - 1).
EnObject *en_arr_create_array(EnContext *cx, uint64_t len, EnObject *proto);
// ArraySpeciesCreate(original, len); EN_EXCEPTION on throw.
EnValue en_arr_species_create(EnContext *cx, EnValue original, uint64_t len);
// ToObject(this) + LengthOfArrayLike; *ho receives a handle to O.
bool en_arr_this(EnContext *cx, EnValue this_val, EnValue **ho, uint64_t *len);
// Relative index argument (start/end of slice...): clamps to [0, len].
bool en_arr_rel_index(EnContext *cx, EnValue v, uint64_t len, uint64_t dflt, uint64_t *out);
// True when o is a plain fast array: class ARRAY, fast (non-dictionary)
// elements, no holes in 0..length.
bool en_arr_is_packed(EnObject *o);
// True when no object on o's prototype chain has elements (nor is exotic):
// a Set of a missing index then creates an own data property, so push /
// unshift may append directly.
bool en_arr_proto_chain_plain(EnObject *o);

// Installed by bi_array.c's en_init_array.
bool en_arr_init_proto(EnContext *cx, EnObject *proto);
bool en_arr_init_sort(EnContext *cx, EnObject *proto);
EnValue en_arr_sort(EnContext *cx, const EnArgs *a);
EnValue en_arr_to_sorted(EnContext *cx, const EnArgs *a);

#endif
