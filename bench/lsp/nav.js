#!/usr/bin/env node
// Latency of the navigation requests of `ochre lsp` on a large file: for
// each method, the time from sending the request to receiving its answer
// (client side: includes JSON encoding and the pipe), at N identifier
// positions picked deterministically, on an unchanged document (steady
// state: the analysis exists). codeAction is also measured as the first
// request after an edit (it then runs the lint rules once for the new
// version). Prints a Markdown table: median, p90, max in ms.
//
// Usage: node bench/lsp/nav.js [--n N] [--ochre BIN] FILE
// Default FILE: three/build/three.module.js from the npm cache
// (tests/fetch_npm.sh). No peer server implements these requests on the
// same terms, so only ochre is measured.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { Client } = require('../../tests/lsp/lsp_client');

const args = process.argv.slice(2);
let n = 200, bin = process.env.OCHRE, file = null;
for (let i = 0; i < args.length; i++) {
    if (args[i] === '--n') n = Number(args[++i]);
    else if (args[i] === '--ochre') bin = args[++i];
    else file = args[i];
}
const repo = path.resolve(__dirname, '..', '..');
if (!file) {
    const nm = execFileSync(path.join(repo, 'tests', 'fetch_npm.sh'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').pop();
    file = path.join(nm, 'three', 'build', 'three.module.js');
}
bin = path.resolve(bin || path.join(repo, 'build', 'ochre'));

let seed = 424242;
const rand = (k) => { seed = (seed * 1103515245 + 12345) >>> 0; return (seed >>> 8) % k; };

const text = fs.readFileSync(file, 'utf8');
const lines = text.split('\n');
// Identifier positions (UTF-16 columns: the file is ASCII, but be exact).
const idents = [];
for (let l = 0; l < lines.length; l++) {
    const re = /[A-Za-z_$][\w$]*/g;
    let m;
    while ((m = re.exec(lines[l]))) {
        if (lines[l].trimStart().startsWith('//') || lines[l].trimStart().startsWith('*')) break;
        idents.push({ line: l, character: m.index + 1, end: m.index + m[0].length });
    }
}
const picks = Array.from({ length: n }, () => idents[rand(idents.length)]);

function stats(xs) {
    const s = [...xs].sort((a, b) => a - b);
    const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
    return { n: s.length, median: q(0.5), p90: q(0.9), max: s[s.length - 1] };
}

async function main() {
    const c = new Client([bin, 'lsp']);
    await c.initialize({});
    const uri = 'file://' + path.resolve(file);
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text } });
    await c.diagnostics(uri, 1, 60000);
    const td = { uri };
    const methods = {
        'textDocument/definition': (p) => ({ textDocument: td, position: p }),
        'textDocument/references': (p) => ({ textDocument: td, position: p, context: { includeDeclaration: true } }),
        'textDocument/documentHighlight': (p) => ({ textDocument: td, position: p }),
        'textDocument/prepareRename': (p) => ({ textDocument: td, position: p }),
        'textDocument/rename': (p) => ({ textDocument: td, position: p, newName: 'renamedByBench' }),
        'textDocument/hover': (p) => ({ textDocument: td, position: p }),
        'textDocument/completion': (p) => ({ textDocument: td, position: { line: p.line, character: p.end } }),
        'textDocument/codeAction': (p) => ({ textDocument: td, range: { start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } }, context: { diagnostics: [] } }),
        'textDocument/semanticTokens/range': (p) => ({ textDocument: td, range: { start: { line: p.line, character: 0 }, end: { line: p.line + 60, character: 0 } } }),
        'textDocument/semanticTokens/full': () => ({ textDocument: td }),
    };
    const rows = [];
    for (const [method, mk] of Object.entries(methods)) {
        const times = [];
        const count = method.endsWith('/full') ? Math.min(n, 30) : n;
        for (let i = 0; i < count; i++) {
            const t0 = process.hrtime.bigint();
            const r = await c.call(method, mk(picks[i]), 60000);
            const t1 = process.hrtime.bigint();
            if (r.error && r.error.code !== -32803) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
            times.push(Number(t1 - t0) / 1e6);
        }
        rows.push([method.replace('textDocument/', ''), stats(times)]);
    }
    // codeAction as the first request after an edit (lint runs once).
    const first = [];
    for (let i = 0, v = 2; i < Math.min(n, 30); i++, v++) {
        const p = picks[i];
        c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [
            { range: { start: { line: p.line, character: 0 }, end: { line: p.line, character: 0 } }, text: i % 2 ? '' : ' ' }] });
        await c.diagnostics(uri, v, 60000);
        const t0 = process.hrtime.bigint();
        await c.call('textDocument/codeAction', methods['textDocument/codeAction'](p), 60000);
        first.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    rows.push(['codeAction (first after an edit)', stats(first)]);
    await c.shutdown();
    const f = (x) => x.toFixed(2);
    console.log(`Navigation latency of \`ochre lsp\` on ${path.basename(file)} (${(text.length / 1024).toFixed(0)} kB), ms per request (client round trip):\n`);
    console.log('| request | n | median | p90 | max |');
    console.log('|---|---:|---:|---:|---:|');
    for (const [name, s] of rows) console.log(`| ${name} | ${s.n} | ${f(s.median)} | ${f(s.p90)} | ${f(s.max)} |`);
}
main().catch((e) => { console.error(e); process.exit(1); });
