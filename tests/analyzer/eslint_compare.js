// Compares ochre's lint findings with ESLint's (JSON lines from
// tool_lint_json and eslint_run.js) by (file, rule, line, column) and
// prints, per rule, the findings of each side and the agreement
// |both| / |either| (1.0 when neither reports anything). Findings listed in
// the differences file (intentional, with a reason) are left out of the
// comparison. Exits 1 when a rule's agreement is below --min (default
// 0.995) or when a listed difference no longer occurs (stale entry).
//
//   node eslint_compare.js --ochre O.jsonl --eslint E.jsonl --rules R.json
//        [--differences FILE] [--min 0.995] [--show N]
//
// Differences file: one per line, `side rule file-suffix:line:column  reason`
// (side `ochre-only` or `eslint-only`; the file matches when its path ends
// with file-suffix); `#` comments.
"use strict";
const fs = require("fs");

const args = process.argv.slice(2);
const opt = { min: 0.995, show: 20 };
for (let i = 0; i < args.length; i += 2) opt[args[i].replace(/^--/, "")] = args[i + 1];
const load = f => fs.readFileSync(f, "utf8").split("\n").filter(Boolean).map(l => JSON.parse(l));
const rules = Object.keys(JSON.parse(fs.readFileSync(opt.rules, "utf8")));
const ruleSet = new Set(rules);
const key = o => `${o.file}\t${o.rule}\t${o.line}:${o.column}`;

const diffs = [];
if (opt.differences && fs.existsSync(opt.differences)) {
    for (const raw of fs.readFileSync(opt.differences, "utf8").split("\n")) {
        const line = raw.replace(/#.*/, "").trim();
        if (!line) continue;
        const m = /^(ochre-only|eslint-only)\s+(\S+)\s+(\S+):(\d+):(\d+)\s+(.+)$/.exec(line);
        if (!m) throw new Error("bad differences line: " + raw);
        diffs.push({ side: m[1], rule: m[2], suffix: m[3], line: +m[4], column: +m[5], used: false });
    }
}
const listed = (side, o) => {
    for (const d of diffs)
        if (d.side === side && d.rule === o.rule && o.file.endsWith(d.suffix) &&
            d.line === o.line && d.column === o.column) {
            d.used = true;
            return true;
        }
    return false;
};

const ochre = load(opt.ochre), eslint = load(opt.eslint);
const parseErrors = eslint.filter(o => o.rule === "parse-error").concat(ochre.filter(o => o.rule === "parse-error"));
const badFiles = new Set(parseErrors.map(o => o.file));
const keep = o => ruleSet.has(o.rule) && !badFiles.has(o.file);
const O = new Map(ochre.filter(keep).map(o => [key(o), o]));
const E = new Map(eslint.filter(keep).map(o => [key(o), o]));

const per = {};
for (const r of rules) per[r] = { ochre: 0, eslint: 0, both: 0, onlyO: [], onlyE: [] };
for (const [k, o] of O) {
    const p = per[o.rule];
    p.ochre++;
    if (E.has(k)) p.both++;
    else if (!listed("ochre-only", o)) p.onlyO.push(o);
}
for (const [k, o] of E) {
    const p = per[o.rule];
    p.eslint++;
    if (!O.has(k) && !listed("eslint-only", o)) p.onlyE.push(o);
}
let failed = false;
console.log("rule".padEnd(34) + "ochre".padStart(7) + "eslint".padStart(8) + "both".padStart(7) + "  agreement");
for (const r of rules) {
    const p = per[r];
    const union = p.both + p.onlyO.length + p.onlyE.length;
    const agree = union ? p.both / union : 1;
    if (agree < +opt.min) failed = true;
    console.log(r.padEnd(34) + String(p.ochre).padStart(7) + String(p.eslint).padStart(8) +
        String(p.both).padStart(7) + "  " + (100 * agree).toFixed(2) + "%");
}
let shown = 0;
for (const r of rules)
    for (const [side, list] of [["ochre-only", per[r].onlyO], ["eslint-only", per[r].onlyE]])
        for (const o of list)
            if (shown++ < +opt.show) console.log(`  ${side} ${o.rule} ${o.file}:${o.line}:${o.column}  ${o.message}`);
for (const d of diffs)
    if (!d.used) {
        console.log(`  stale difference (no longer occurs): ${d.side} ${d.rule} ${d.suffix}:${d.line}:${d.column}`);
        failed = true;
    }
if (parseErrors.length)
    console.log(`  ${badFiles.size} file(s) left out for syntax errors: ${[...badFiles].join(", ")}`);
process.exit(failed ? 1 : 0);
