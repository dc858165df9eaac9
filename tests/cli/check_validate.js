// Validates `ochre check` output files (used by tests/cli/run_check_tests.sh):
//
//   node check_validate.js --nm NODE_MODULES sarif FILE...
//       SARIF 2.1.0: the official schema (sarif-2.1.0-rtm.5, JSON Schema
//       draft-04, as shipped in @microsoft/jest-sarif), plus what GitHub
//       code scanning relies on beyond the schema: every ruleId is declared
//       in tool.driver.rules, regions are 1-based, URIs are relative to
//       %SRCROOT% or absolute file: URIs.
//   node check_validate.js --nm NODE_MODULES json FILE...
//       ochre's JSON format against docs/check-json-format.schema.json
//       (draft-07), plus the summary totals.
//
// Exits 1 listing the problems when a file is invalid.
"use strict";
const fs = require("fs");
const path = require("path");

const args = process.argv.slice(2);
let nm = null;
if (args[0] === "--nm") {
    nm = args[1];
    args.splice(0, 2);
}
const [kind, ...files] = args;
if (!nm || !["sarif", "json"].includes(kind) || !files.length) {
    console.error("usage: node check_validate.js --nm NODE_MODULES sarif|json FILE...");
    process.exit(2);
}
const need = (name) => require(path.join(nm, name));
const addFormats = need("ajv-formats");

function compileSarif() {
    const Ajv04 = need("ajv-draft-04");
    // unicodeRegExp off: the schema's `language` pattern is not a valid Unicode-mode regexp.
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const schema = JSON.parse(
        fs.readFileSync(path.join(nm, "@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
    return ajv.compile(schema);
}

function compileJson() {
    const Ajv = need("ajv");
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    const schema = JSON.parse(
        fs.readFileSync(path.join(__dirname, "../../docs/check-json-format.schema.json"), "utf8"));
    return ajv.compile(schema);
}

function sarifExtra(doc, problems) {
    for (const run of doc.runs) {
        const ids = new Set(run.tool.driver.rules.map((r) => r.id));
        if (ids.size !== run.tool.driver.rules.length) problems.push("duplicate rule ids in tool.driver.rules");
        if (run.columnKind !== "utf16CodeUnits") problems.push("columnKind is not utf16CodeUnits");
        for (const [i, res] of (run.results || []).entries()) {
            if (!ids.has(res.ruleId)) problems.push(`results[${i}].ruleId ${res.ruleId} is not in tool.driver.rules`);
            const locs = [...(res.locations || []), ...(res.relatedLocations || [])];
            for (const loc of locs) {
                const art = loc.physicalLocation.artifactLocation;
                if (art.uriBaseId === undefined && !art.uri.startsWith("file:///"))
                    problems.push(`results[${i}]: uri ${art.uri} is neither relative to %SRCROOT% nor a file URI`);
                if (art.uri.includes("\\")) problems.push(`results[${i}]: backslash in uri ${art.uri}`);
                const r = loc.physicalLocation.region;
                if (!r) continue;
                if (r.startLine < 1 || r.startColumn < 1 || r.endLine < r.startLine ||
                    (r.endLine === r.startLine && r.endColumn < r.startColumn))
                    problems.push(`results[${i}]: bad region ${JSON.stringify(r)}`);
            }
        }
    }
}

function jsonExtra(doc, problems) {
    let errors = 0, warnings = 0;
    for (const f of doc.files) {
        const e = f.diagnostics.filter((d) => d.severity === "error").length;
        const w = f.diagnostics.filter((d) => d.severity === "warning").length;
        if (e !== f.errors || w !== f.warnings) problems.push(`${f.path}: counts do not match its diagnostics`);
        errors += e;
        warnings += w;
    }
    const s = doc.summary;
    if (s.files !== doc.files.length || s.errors !== errors || s.warnings !== warnings)
        problems.push("summary does not match the files");
    const paths = doc.files.map((f) => f.path);
    const sorted = [...paths].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1));
    if (paths.join("\n") !== sorted.join("\n")) problems.push("files are not sorted by path");
}

const validate = kind === "sarif" ? compileSarif() : compileJson();
let bad = 0;
for (const file of files) {
    const problems = [];
    let doc;
    try {
        doc = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        problems.push(`not JSON: ${e.message}`);
    }
    if (doc !== undefined) {
        if (!validate(doc)) {
            for (const e of validate.errors) problems.push(`schema: ${e.instancePath || "/"} ${e.message}`);
        } else if (kind === "sarif") {
            sarifExtra(doc, problems);
        } else {
            jsonExtra(doc, problems);
        }
    }
    if (problems.length) {
        bad++;
        console.error(`${file}: invalid ${kind}:`);
        for (const p of problems.slice(0, 20)) console.error(`  ${p}`);
    }
}
process.exit(bad ? 1 : 0);
