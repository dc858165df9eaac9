// Lint rule ids as `ochre check` knows them.
//
// Rule ids are ESLint's (so that users know them and `eslint-disable`
// comments carry over). Two sets matter:
// - known rules: every ESLint rule id the analyzer plans to implement
//   (issue "Analyzer: ... lint rules"); ochre.json may configure them
//   before they land, and an id outside this set is a configuration error;
// - implemented rules: rules the analyzer reports today. A lint diagnostic
//   is a warning-range code (W1000+) of parser/diag_codes.h whose title is
//   the rule id, so the implemented set is read from that table.
#ifndef OCHRE_CLI_CHECK_RULES_H
#define OCHRE_CLI_CHECK_RULES_H

#include "base.h"

typedef struct ChkRuleInfo {
    const char *id;           // "no-undef"
    const char *description;  // one sentence, for SARIF shortDescription
} ChkRuleInfo;

// The known rule with this id, or NULL. O(log rules).
const ChkRuleInfo *chk_rule_find(const char *id);

// Number of known rules and the i-th in id order (for listings and tests).
uint32_t chk_rule_count(void);
const ChkRuleInfo *chk_rule_at(uint32_t i);  // NULL past the end

// The rule id a diagnostic code reports for (its title, for lint codes
// W1000+), or NULL for syntax and early errors, which belong to no rule and
// can be neither configured nor suppressed.
const char *chk_rule_of_code(OchDiagCode code);

#endif
