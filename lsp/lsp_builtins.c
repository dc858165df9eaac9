// The built-in globals of ECMAScript 2025 (plus console and globalThis
// hosts' common ones) and their static members: for completion after `X.`,
// hover on globals and the defaultLibrary modifier of semantic tokens.
// Hand-written from the specification's tables of properties of the global
// object and of each constructor/namespace; a member ending in `(` is a
// method.
#include <string.h>

#include "lsp_int.h"

static const LspBuiltin builtins[] = {
    {"Array", LSP_BI_CLASS, "Array constructor: lists of values.", "from( fromAsync( isArray( of("},
    {"ArrayBuffer", LSP_BI_CLASS, "Raw binary data buffer.", "isView("},
    {"AsyncDisposableStack", LSP_BI_CLASS, "Stack of async disposers (explicit resource management).", ""},
    {"Atomics", LSP_BI_NAMESPACE, "Atomic operations on shared memory.",
     "add( and( compareExchange( exchange( isLockFree( load( notify( or( pause( store( sub( wait( waitAsync( xor("},
    {"BigInt", LSP_BI_FUNCTION, "Arbitrary-precision integers.", "asIntN( asUintN("},
    {"BigInt64Array", LSP_BI_CLASS, "Typed array of 64-bit signed integers.", "BYTES_PER_ELEMENT from( of("},
    {"BigUint64Array", LSP_BI_CLASS, "Typed array of 64-bit unsigned integers.", "BYTES_PER_ELEMENT from( of("},
    {"Boolean", LSP_BI_CLASS, "Boolean wrapper and conversion.", ""},
    {"DataView", LSP_BI_CLASS, "Typed reads and writes on an ArrayBuffer.", ""},
    {"Date", LSP_BI_CLASS, "Dates and times.", "UTC( now( parse("},
    {"DisposableStack", LSP_BI_CLASS, "Stack of disposers (explicit resource management).", ""},
    {"Error", LSP_BI_CLASS, "Base class of errors.", "captureStackTrace( isError( stackTraceLimit"},
    {"EvalError", LSP_BI_CLASS, "Error thrown about eval.", ""},
    {"FinalizationRegistry", LSP_BI_CLASS, "Callbacks after objects are collected.", ""},
    {"Float16Array", LSP_BI_CLASS, "Typed array of 16-bit floats.", "BYTES_PER_ELEMENT from( of("},
    {"Float32Array", LSP_BI_CLASS, "Typed array of 32-bit floats.", "BYTES_PER_ELEMENT from( of("},
    {"Float64Array", LSP_BI_CLASS, "Typed array of 64-bit floats.", "BYTES_PER_ELEMENT from( of("},
    {"Function", LSP_BI_CLASS, "Function constructor.", ""},
    {"Infinity", LSP_BI_VALUE, "The number Infinity.", ""},
    {"Int16Array", LSP_BI_CLASS, "Typed array of 16-bit signed integers.", "BYTES_PER_ELEMENT from( of("},
    {"Int32Array", LSP_BI_CLASS, "Typed array of 32-bit signed integers.", "BYTES_PER_ELEMENT from( of("},
    {"Int8Array", LSP_BI_CLASS, "Typed array of 8-bit signed integers.", "BYTES_PER_ELEMENT from( of("},
    {"Intl", LSP_BI_NAMESPACE, "Internationalization API.",
     "Collator DateTimeFormat DisplayNames DurationFormat ListFormat Locale NumberFormat PluralRules "
     "RelativeTimeFormat Segmenter getCanonicalLocales( supportedValuesOf("},
    {"Iterator", LSP_BI_CLASS, "Base of iterators, with helpers.", "from("},
    {"JSON", LSP_BI_NAMESPACE, "JSON parsing and serialization.", "isRawJSON( parse( rawJSON( stringify("},
    {"Map", LSP_BI_CLASS, "Keyed collection.", "groupBy("},
    {"Math", LSP_BI_NAMESPACE, "Mathematical constants and functions.",
     "E LN10 LN2 LOG10E LOG2E PI SQRT1_2 SQRT2 abs( acos( acosh( asin( asinh( atan( atan2( atanh( cbrt( "
     "ceil( clz32( cos( cosh( exp( expm1( f16round( floor( fround( hypot( imul( log( log10( log1p( log2( "
     "max( min( pow( random( round( sign( sin( sinh( sqrt( sumPrecise( tan( tanh( trunc("},
    {"NaN", LSP_BI_VALUE, "Not-a-Number.", ""},
    {"Number", LSP_BI_CLASS, "Numbers and conversion.",
     "EPSILON MAX_SAFE_INTEGER MAX_VALUE MIN_SAFE_INTEGER MIN_VALUE NEGATIVE_INFINITY NaN POSITIVE_INFINITY "
     "isFinite( isInteger( isNaN( isSafeInteger( parseFloat( parseInt("},
    {"Object", LSP_BI_CLASS, "Objects and reflection on their properties.",
     "assign( create( defineProperties( defineProperty( entries( freeze( fromEntries( "
     "getOwnPropertyDescriptor( getOwnPropertyDescriptors( getOwnPropertyNames( getOwnPropertySymbols( "
     "getPrototypeOf( groupBy( hasOwn( is( isExtensible( isFrozen( isSealed( keys( preventExtensions( "
     "seal( setPrototypeOf( values("},
    {"Promise", LSP_BI_CLASS, "Eventual results of asynchronous work.",
     "all( allSettled( any( race( reject( resolve( try( withResolvers("},
    {"Proxy", LSP_BI_CLASS, "Objects with custom behaviour.", "revocable("},
    {"RangeError", LSP_BI_CLASS, "Error for a value out of range.", ""},
    {"ReferenceError", LSP_BI_CLASS, "Error for an undeclared name.", ""},
    {"Reflect", LSP_BI_NAMESPACE, "Object internal methods as functions.",
     "apply( construct( defineProperty( deleteProperty( get( getOwnPropertyDescriptor( getPrototypeOf( "
     "has( isExtensible( ownKeys( preventExtensions( set( setPrototypeOf("},
    {"RegExp", LSP_BI_CLASS, "Regular expressions.", "escape("},
    {"Set", LSP_BI_CLASS, "Collection of unique values.", ""},
    {"SharedArrayBuffer", LSP_BI_CLASS, "Binary data buffer shared between agents.", ""},
    {"String", LSP_BI_CLASS, "Strings and conversion.", "fromCharCode( fromCodePoint( raw("},
    {"SuppressedError", LSP_BI_CLASS, "Error raised while disposing after another error.", ""},
    {"Symbol", LSP_BI_FUNCTION, "Unique property keys.",
     "asyncDispose asyncIterator dispose for( hasInstance isConcatSpreadable iterator keyFor( match matchAll "
     "replace search species split toPrimitive toStringTag unscopables"},
    {"SyntaxError", LSP_BI_CLASS, "Error for invalid syntax.", ""},
    {"TypeError", LSP_BI_CLASS, "Error for a value of the wrong type.", ""},
    {"URIError", LSP_BI_CLASS, "Error from URI functions.", ""},
    {"Uint16Array", LSP_BI_CLASS, "Typed array of 16-bit unsigned integers.", "BYTES_PER_ELEMENT from( of("},
    {"Uint32Array", LSP_BI_CLASS, "Typed array of 32-bit unsigned integers.", "BYTES_PER_ELEMENT from( of("},
    {"Uint8Array", LSP_BI_CLASS, "Typed array of 8-bit unsigned integers.", "BYTES_PER_ELEMENT from( fromBase64( fromHex( of("},
    {"Uint8ClampedArray", LSP_BI_CLASS, "Typed array of clamped 8-bit unsigned integers.", "BYTES_PER_ELEMENT from( of("},
    {"WeakMap", LSP_BI_CLASS, "Map with weakly held keys.", ""},
    {"WeakRef", LSP_BI_CLASS, "Weak reference to an object.", ""},
    {"WeakSet", LSP_BI_CLASS, "Set of weakly held objects.", ""},
    {"console", LSP_BI_NAMESPACE, "The console (host).",
     "assert( clear( count( countReset( debug( dir( dirxml( error( group( groupCollapsed( groupEnd( info( "
     "log( table( time( timeEnd( timeLog( trace( warn("},
    {"decodeURI", LSP_BI_FUNCTION, "Decodes a URI.", ""},
    {"decodeURIComponent", LSP_BI_FUNCTION, "Decodes a URI component.", ""},
    {"encodeURI", LSP_BI_FUNCTION, "Encodes a URI.", ""},
    {"encodeURIComponent", LSP_BI_FUNCTION, "Encodes a URI component.", ""},
    {"eval", LSP_BI_FUNCTION, "Evaluates source text.", ""},
    {"globalThis", LSP_BI_VALUE, "The global object.", ""},
    {"isFinite", LSP_BI_FUNCTION, "Whether a value converts to a finite number.", ""},
    {"isNaN", LSP_BI_FUNCTION, "Whether a value converts to NaN.", ""},
    {"parseFloat", LSP_BI_FUNCTION, "Parses a floating-point number.", ""},
    {"parseInt", LSP_BI_FUNCTION, "Parses an integer in a radix.", ""},
    {"queueMicrotask", LSP_BI_FUNCTION, "Queues a microtask (host).", ""},
    {"setTimeout", LSP_BI_FUNCTION, "Runs a function after a delay (host).", ""},
    {"setInterval", LSP_BI_FUNCTION, "Runs a function repeatedly (host).", ""},
    {"clearTimeout", LSP_BI_FUNCTION, "Cancels a setTimeout (host).", ""},
    {"clearInterval", LSP_BI_FUNCTION, "Cancels a setInterval (host).", ""},
    {"structuredClone", LSP_BI_FUNCTION, "Deep-copies a value (host).", ""},
    {"undefined", LSP_BI_VALUE, "The value undefined.", ""},
};

const LspBuiltin *lsp_builtin_find(const char *name, uint32_t len) {
    // Called for every unresolved identifier of a document (semantic
    // tokens): compare the first byte before anything else.
    if (len == 0 || len > 24) return NULL;
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        if (builtins[i].name[0] == name[0] && strncmp(builtins[i].name, name, len) == 0 && builtins[i].name[len] == 0)
            return &builtins[i];
    return NULL;
}

const LspBuiltin *lsp_builtin_at(uint32_t i) {
    return i < sizeof builtins / sizeof builtins[0] ? &builtins[i] : NULL;
}

bool lsp_builtin_describe(const char *name, uint32_t len, OchBuf *out) {
    const LspBuiltin *b = lsp_builtin_find(name, len);
    if (!b) return false;
    och_buf_puts(out, b->summary);
    return true;
}

bool lsp_builtin_member_next(const char **cursor, const char **name, uint32_t *len, bool *method) {
    const char *p = *cursor;
    while (*p == ' ') p++;
    if (!*p) return false;
    const char *e = p;
    while (*e && *e != ' ' && *e != '(') e++;
    *name = p;
    *len = (uint32_t)(e - p);
    *method = *e == '(';
    if (*e == '(') e++;
    *cursor = e;
    return true;
}
