// Analyzer early errors, E0500-E0999 (filled by analyzer/). X-macro entries
// as in diag_codes.h. Documented in docs/diagnostics.md; fixtures in
// tests/fixtures/diagnostics/E05nn.js. No include guard: X-macro table.
OCH_DIAG(AN_E_REDECLARATION, "E0500", "redeclaration")
OCH_DIAG(AN_E_VAR_LEXICAL_CONFLICT, "E0501", "var-conflicts-with-lexical-declaration")
OCH_DIAG(AN_E_PARAM_REDECLARATION, "E0502", "parameter-redeclared-in-body")
OCH_DIAG(AN_E_CATCH_REDECLARATION, "E0503", "catch-parameter-redeclared")
OCH_DIAG(AN_E_DUPLICATE_EXPORT, "E0504", "duplicate-export")
OCH_DIAG(AN_E_UNDECLARED_EXPORT, "E0505", "export-of-undeclared-name")
