// Runs ESLint (the pinned version, through its Linter API: no config files,
// no file system lookups) on JavaScript files and prints its findings as
// JSON lines {"file","rule","line","column"} (1-based line; 1-based column
// in UTF-16 code units, as ESLint reports them), sorted by file, line,
// column, rule. Used by tests/analyzer/eslint_diff.sh.
//
//   node eslint_run.js --eslint DIR --rules RULES.json [--env a,b] [--cache DIR] FILE...
//
// --eslint: the node_modules directory holding eslint and globals.
// --rules: a JSON object {ruleId: options-array} (ochre's `tool_lint_json
// --rules` prints it): each rule is enabled at "error" with those options.
// Files: `path` (script goal, unless it ends in .mjs or starts with a
// `// module` line), or `module:path` / `script:path`; .jsx enables JSX.
// Fatal parse errors are printed as {"file","rule":"parse-error",...}.
// --cache DIR keeps each file's findings in DIR under a key made of
// everything that decides them (ESLint's and globals' versions, this
// script, the rules and their options, environments, goal, JSX, file name
// and text), so that unchanged files are not linted again (the fast mode
// of eslint_diff.sh: ESLint takes over a minute on the corpus).
// Findings suppressed by `eslint-disable` comments are printed too (the
// rules are compared, not the suppression); `/* global */` comments apply.
"use strict";
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");

const args = process.argv.slice(2);
let nm = null, rulesPath = null, envs = ["es2025"], cacheDir = null;
const files = [];
for (let i = 0; i < args.length; i++) {
    if (args[i] === "--eslint") nm = args[++i];
    else if (args[i] === "--rules") rulesPath = args[++i];
    else if (args[i] === "--env") envs = args[++i].split(",").filter(Boolean);
    else if (args[i] === "--cache") cacheDir = args[++i];
    else files.push(args[i]);
}
if (!nm || !rulesPath) {
    console.error("usage: node eslint_run.js --eslint DIR --rules RULES.json [--env a,b] [--cache DIR] FILE...");
    process.exit(2);
}
const { Linter } = require(path.join(nm, "eslint"));
const globalsPkg = require(path.join(nm, "globals"));
const ruleOptions = JSON.parse(fs.readFileSync(rulesPath, "utf8"));

const rules = {};
for (const [id, opts] of Object.entries(ruleOptions)) rules[id] = ["error", ...opts];

// Environments as ochre names them; es2025 is implied by ecmaVersion.
function globalsFor(list) {
    const g = {};
    for (const e of list) {
        if (e === "es2025") continue;
        const src = e === "worker" ? globalsPkg.worker : globalsPkg[e];
        if (!src) throw new Error("unknown env " + e);
        Object.assign(g, src);
    }
    return g;
}
const globals = globalsFor(envs);
// The part of the cache key shared by every file of this run.
const runKey = cacheDir && JSON.stringify([
    require(path.join(nm, "eslint", "package.json")).version,
    require(path.join(nm, "globals", "package.json")).version,
    crypto.createHash("sha256").update(fs.readFileSync(__filename)).digest("hex"),
    ruleOptions, envs,
]);
if (cacheDir) fs.mkdirSync(cacheDir, { recursive: true });
const linter = new Linter({ configType: "flat" });
const out = [];
for (const spec of files) {
    let file = spec, goal = null;
    const m = /^(module|script):(.*)$/.exec(spec);
    if (m) { goal = m[1]; file = m[2]; }
    // Rule configuration comments (`/* eslint no-x: "off" */`) change which
    // rules ESLint runs on a file; ochre has no such comments, so they are
    // blanked out (same length, newlines kept) to compare the rules alone.
    const code = fs.readFileSync(file, "utf8").replace(
        /\/\*\s*eslint\s[\s\S]*?\*\//g,
        c => "/*" + c.slice(2, -2).replace(/[^\n\r\u2028\u2029]/g, " ") + "*/");
    if (!goal) goal = file.endsWith(".mjs") || code.startsWith("// module") ? "module" : "script";
    let cachePath = null;
    if (cacheDir) {
        const key = crypto.createHash("sha256")
            .update(JSON.stringify([runKey, goal, file.endsWith(".jsx"), path.basename(file)]))
            .update("\0").update(code).digest("hex");
        cachePath = path.join(cacheDir, key + ".json");
        let hit = null;
        try { hit = JSON.parse(fs.readFileSync(cachePath, "utf8")); } catch (e) { hit = null; }
        if (hit) {
            for (const o of hit) out.push({ file: spec, ...o });
            continue;
        }
    }
    const config = [{
        files: ["**/*"],
        languageOptions: {
            ecmaVersion: 2025,
            sourceType: goal,
            globals,
            parserOptions: { ecmaFeatures: { jsx: file.endsWith(".jsx"), globalReturn: false } },
        },
        linterOptions: { reportUnusedDisableDirectives: "off" },
        rules,
    }];
    // Findings that `eslint-disable` comments suppressed count too: ochre's
    // suppression is `ochre check`'s business, not the rules'. Messages
    // that belong to no rule (configuration comments) are left out.
    const msgs = linter.verify(code, config, { filename: path.basename(file) })
        .concat(linter.getSuppressedMessages())
        .filter(m => m.ruleId || m.fatal);
    const found = msgs.map(msg => ({ rule: msg.ruleId || (msg.fatal ? "parse-error" : "eslint"), line: msg.line, column: msg.column, message: msg.message }));
    for (const o of found) out.push({ file: spec, ...o });
    if (cachePath) {
        // Written whole then renamed: a concurrent run never reads half a file.
        const tmp = cachePath + "." + process.pid + ".tmp";
        fs.writeFileSync(tmp, JSON.stringify(found));
        fs.renameSync(tmp, cachePath);
    }
}
out.sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
for (const o of out) process.stdout.write(JSON.stringify(o) + "\n");
