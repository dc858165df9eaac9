// The one table of diagnostic codes: OCH_DIAG(enum id, "Ennnn", "title").
// A code is never reused; a retired code stays listed with a "reserved-"
// title. Ranges: E0001-E0099 lexer, E0100-E0399 parser, E0400-E0499
// regular expressions, E0500-E0999 analyzer (early errors), W1000+ lints.
// Every code is documented in docs/diagnostics.md with a bad and a fixed
// example, and has a fixture under tests/fixtures/diagnostics/.
// No include guard: this file is an X-macro table.
#include "diag_codes_lex.h"
#include "diag_codes_parse.h"
#include "diag_codes_regexp.h"
#include "diag_codes_analyzer.h"
#include "diag_codes_lint.h"
