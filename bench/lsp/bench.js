#!/usr/bin/env node
// Editing latency of language servers: the time from each
// textDocument/didChange to the publishDiagnostics of that version, over a
// fixed sequence of edits that mixes harmless edits with ones that create
// and fix syntax errors; plus the servers' peak RSS. The servers run side by
// side and take turns edit by edit (the order alternates), so that machine
// noise hits them alike.
//
// Usage: node bench/lsp/bench.js --edits N --server NAME=CMD... FILE...
// (CMD is a command line split on spaces.) Prints one JSON object per
// (file, server) on stdout.
'use strict';
const fs = require('fs');
const path = require('path');
const { Client } = require('../../tests/lsp/lsp_client');

const args = process.argv.slice(2);
let edits = 200;
const servers = [];
const files = [];
for (let i = 0; i < args.length; i++) {
    if (args[i] === '--edits') edits = Number(args[++i]);
    else if (args[i] === '--server') { const [name, cmd] = args[++i].split(/=(.*)/s); servers.push({ name, cmd: cmd.split(' ') }); }
    else files.push(args[i]);
}

// Deterministic pseudo-random numbers.
let seed = 20240601;
const rand = (n) => { seed = (seed * 1103515245 + 12345) >>> 0; return (seed >>> 8) % n; };

// The edit script for a text: cycles of four edits on a random line: insert
// a comment (harmless), remove it, insert `((` (usually an error), remove it
// (fix). Positions in UTF-16 (the default encoding both servers use).
function script(text, n) {
    const lines = text.split(/\r\n|\r|\n/);
    const out = [];
    while (out.length < n) {
        let line = rand(lines.length);
        for (let k = 0; k < 20 && lines[line].trim() === ''; k++) line = rand(lines.length);
        const at = { line, character: 0 };
        const ins = (t) => ({ range: { start: at, end: at }, text: t });
        const del = (len) => ({ range: { start: at, end: { line, character: len } }, text: '' });
        out.push(ins('/* ok */'), del(8), ins('(('), del(2));
    }
    return out.slice(0, n);
}

function rssPeakKb(pid) {
    try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
        return m ? Number(m[1]) : null;
    } catch (e) { return null; }
}

function stats(xs) {
    const s = [...xs].sort((a, b) => a - b);
    const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
    return { n: s.length, median: q(0.5), p90: q(0.9), max: s[s.length - 1] };
}

async function waitPublish(c, uri, version, from, timeout) {
    // A server that omits the version: the first publish for the URI after the change.
    return c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri &&
        (m.params.version === undefined || m.params.version === null || m.params.version === version), timeout, from);
}

async function benchFile(file) {
    const text = fs.readFileSync(file, 'utf8');
    const uri = 'file://' + path.resolve(file);
    const steps = script(text, edits);
    const run = [];
    for (const s of servers) {
        const c = new Client(s.cmd);
        await c.initialize({ textDocument: { publishDiagnostics: { versionSupport: true } } });
        const t0 = process.hrtime.bigint();
        const from = c.messages.length;
        c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 0, text } });
        const p = await waitPublish(c, uri, 0, from, 120000);
        run.push({ s, c, open: Number(p._t - t0) / 1e6, lat: [], errs: [] });
    }
    for (let i = 0; i < steps.length; i++) {
        const order = i % 2 ? [...run].reverse() : run;
        for (const r of order) {
            const from = r.c.messages.length;
            const t0 = process.hrtime.bigint();
            r.c.notify('textDocument/didChange', { textDocument: { uri, version: i + 1 }, contentChanges: [steps[i]] });
            const p = await waitPublish(r.c, uri, i + 1, from, 120000);
            r.lat.push(Number(p._t - t0) / 1e6);
            r.errs.push(p.params.diagnostics.length);
        }
    }
    const out = [];
    for (const r of run) {
        const rss = rssPeakKb(r.c.proc.pid);
        await r.c.shutdown().catch(() => r.c.kill());
        const withErrors = r.errs.filter((n) => n > 0).length;
        out.push({ file: path.basename(file), bytes: Buffer.byteLength(text), server: r.s.name, open_ms: r.open,
            ...stats(r.lat), peak_rss_kb: rss, publishes_with_errors: withErrors });
    }
    return out;
}

(async () => {
    for (const f of files) for (const r of await benchFile(f)) console.log(JSON.stringify(r));
})().catch((e) => { console.error(e); process.exit(1); });
