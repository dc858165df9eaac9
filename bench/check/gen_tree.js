// Generates the synthetic project tree of the `ochre check` benchmark:
//
//   node bench/check/gen_tree.js DIR COUNT
//
// COUNT JavaScript files (1-6 KB each: functions, classes, closures,
// destructuring, template literals, regexps, async code; ES modules, a
// share of CommonJS `.cjs` and JSX `.jsx`), about 12 to a directory in
// nested package directories, with a few files holding syntax errors or undeclared
// variables so that every tool has something to report. Deterministic: a
// seeded generator, so the same COUNT gives the same bytes on every
// machine. DIR is emptied first; a marker file records what was generated,
// and an existing tree with the same marker is left alone.
"use strict";
const fs = require("fs");
const path = require("path");

const GENERATOR_VERSION = 2;
const [dir, countArg] = process.argv.slice(2);
const count = Number(countArg);
if (!dir || !Number.isInteger(count) || count < 1) {
    console.error("usage: node gen_tree.js DIR COUNT");
    process.exit(2);
}
const marker = path.join(dir, ".ochre-bench-tree");
const stamp = `gen_tree v${GENERATOR_VERSION} count=${count}\n`;
if (fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === stamp) process.exit(0);

// mulberry32: small, fast, good enough for shaping test data.
let seed = 0x0c4e1234;
function rand() {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const words = ["user", "order", "item", "price", "total", "cache", "queue", "node", "edge", "state",
    "event", "token", "buffer", "record", "config", "result", "value", "index", "count", "name"];
const ident = () => pick(words) + pick(["", "s", "List", "Map", "Id", "Count"]) + int(0, 99);

function fnBody(depth) {
    const a = ident(), b = ident();
    const lines = [
        `const ${a} = ${int(0, 1000)};`,
        `let ${b} = [${int(1, 9)}, ${int(1, 9)}, ${int(1, 9)}].map((x) => x * ${a});`,
        `for (let i = 0; i < ${b}.length; i++) {`,
        `    if (${b}[i] % 2 === 0) ${b}[i] = \`even \${${b}[i]}\`;`,
        `    else ${b}[i] = { value: ${b}[i], tag: "odd" };`,
        `}`,
        `const { length, ...rest } = ${b};`,
        `if (/^[a-z]+\\d*$/i.test(String(length))) return rest;`,
    ];
    if (depth > 0) lines.push(`const inner = (${ident()}) => {`, ...fnBody(depth - 1).map((l) => "    " + l), `};`,
        `return inner(${a});`);
    else lines.push(`return ${b};`);
    return lines;
}

function genFunction(exported) {
    const name = ident();
    const async = rand() < 0.2;
    const body = fnBody(int(0, 2)).map((l) => "    " + l);
    if (async) body.unshift(`    await Promise.resolve(${int(0, 9)});`);
    return [`${exported ? "export " : ""}${async ? "async " : ""}function ${name}(${ident()}, ${ident()} = {}) {`,
        ...body, `}`, ``];
}

function genClass(exported) {
    const name = pick(words).replace(/^./, (c) => c.toUpperCase()) + int(0, 999);
    return [`${exported ? "export " : ""}class ${name} {`,
        `    #${pick(words)} = ${int(0, 100)};`,
        `    static create(options) { return new ${name}(options); }`,
        `    constructor(options = {}) {`,
        `        this.options = { ...options, created: Date.now() };`,
        `        this.items = new Map();`,
        `    }`,
        `    get size() { return this.items.size; }`,
        `    add(key, value) {`,
        `        if (this.items.has(key)) throw new Error(\`duplicate \${key}\`);`,
        `        this.items.set(key, value);`,
        `        return this;`,
        `    }`,
        `    *[Symbol.iterator]() { yield* this.items.values(); }`,
        `}`, ``];
}

function genFile(kind, i) {
    const lines = [`// Generated file ${i} (${kind}).`];
    const module = kind !== "cjs";
    if (module) lines.push(`import { ${ident()} as helper${i} } from "./helpers.js";`, ``);
    else lines.push(`"use strict";`, `const helpers = require("./helpers.cjs");`, ``);
    const parts = int(2, 6);
    for (let p = 0; p < parts; p++) lines.push(...(rand() < 0.7 ? genFunction(module) : genClass(module)));
    if (kind === "jsx") {
        lines.push(`export function View${i}({ title, items }) {`,
            `    return <section className="view">`,
            `        <h1>{title}</h1>`,
            `        <ul>{items.map((it) => <li key={it.id}>{it.name}</li>)}</ul>`,
            `    </section>;`, `}`, ``);
    }
    if (!module) lines.push(`module.exports = { helpers };`, ``);
    // A few files with problems, so that the reporting paths run too.
    const r = rand();
    if (r < 0.02) lines.push(`function broken${i}( {`, `    return 1;`, ``);
    else if (r < 0.07) lines.push(`export const leak${i} = undeclaredThing${i} + 1;`, ``);
    return lines.join("\n");
}

fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "package.json"), '{ "name": "bench-tree", "private": true, "type": "module" }\n');
let bytes = 0;
for (let i = 0; i < count; i++) {
    // About 12 files per directory, three levels deep, as in a real project.
    const d = Math.floor(i / 12);
    const sub = path.join(dir, `pkg${d % 20}`, `src${Math.floor(d / 20) % 7}`, `mod${Math.floor(d / 140)}`);
    fs.mkdirSync(sub, { recursive: true });
    const r = rand();
    const kind = r < 0.1 ? "cjs" : r < 0.15 ? "jsx" : "esm";
    const ext = { cjs: ".cjs", jsx: ".jsx", esm: ".js" }[kind];
    const text = genFile(kind, i);
    bytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(sub, `file${i}${ext}`), text);
}
fs.writeFileSync(marker, stamp);
console.error(`gen_tree: ${count} files, ${(bytes / 1e6).toFixed(1)} MB in ${dir}`);
