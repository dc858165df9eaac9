// Report of bench/engine/run.sh: medians per engine and workload, ratios of
// ochre to node --jitless and to duktape with their geometric means over
// the es5 workloads, and startup time and RSS of an empty script.
//
//   node bench/engine/report.js RAW.tsv STARTUP.tsv STARTUP.json ENGINE...
//
// TSV rows: engine, file, ms, rss_kb, status ("ok", "skip:...",
// "error:...", "wrong-output:...", "timeout-..."; words joined by '_').
'use strict';
const fs = require('fs');

const [rawPath, startupPath, startupJson, ...engines] = process.argv.slice(2);

function readRows(p) {
    if (!fs.existsSync(p)) return [];
    return fs.readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => {
        const [engine, file, ms, rss, status] = l.split('\t');
        return { engine, file, ms: Number(ms), rss: Number(rss), status: status || 'ok' };
    });
}

const median = (xs) => {
    const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
    if (!s.length) return NaN;
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const geomean = (xs) => (xs.length ? Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length) : NaN);
const md = (s) => s.replace(/_/g, ' ').replace(/\|/g, '\\|');
const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const fmtMb = (kb) => (Number.isFinite(kb) ? (kb / 1024).toFixed(1) : '?');

// Summarises the rows of one engine and file: {ok, ms, rss, text}.
function cell(rows) {
    if (!rows.length) return null;
    const bad = rows.find((r) => r.status !== 'ok');
    if (bad) return { ok: false, text: md(bad.status) };
    const ms = median(rows.map((r) => r.ms));
    const rss = median(rows.map((r) => r.rss));
    return { ok: true, ms, rss, text: `${fmtMs(ms)} ms, ${fmtMb(rss)} MB` };
}

const raw = readRows(rawPath);
const files = [...new Set(raw.map((r) => r.file))];
const label = { 'node-jitless': 'node --jitless' };
const lines = [];
lines.push(`| workload | ${engines.map((e) => label[e] || e).join(' | ')} | ochre/node --jitless | ochre/duktape |`);
lines.push(`|---|${engines.map(() => '---:').join('|')}|---:|---:|`);
const ratios = { 'node-jitless': [], duktape: [], node: [], mujs: [] };
for (const f of files) {
    const name = f.replace(/^bench\/engine\//, '').replace(/\.js$/, '');
    const cells = {};
    for (const e of engines) cells[e] = cell(raw.filter((r) => r.engine === e && r.file === f));
    const ratio = (peer) => {
        const a = cells.ochre, b = cells[peer];
        if (!a || !b || !a.ok || !b.ok) return '-';
        const x = a.ms / b.ms;
        if (name.startsWith('es5/') && ratios[peer]) ratios[peer].push(x);
        return x.toFixed(2);
    };
    for (const peer of ['node', 'mujs']) ratio(peer);
    lines.push(`| ${name} | ${engines.map((e) => (cells[e] ? cells[e].text : 'n/a')).join(' | ')} | ${ratio('node-jitless')} | ${ratio('duktape')} |`);
}
lines.push('');
const gm = (peer) => {
    const xs = ratios[peer];
    return xs.length ? `${geomean(xs).toFixed(2)} over ${xs.length} workloads` : 'n/a (no workload ran on both)';
};
lines.push(`Geometric mean of ochre/node --jitless (es5 workloads): ${gm('node-jitless')}.`);
lines.push(`Geometric mean of ochre/duktape (es5 workloads): ${gm('duktape')}.`);
lines.push(`Also: ochre/node (JIT) ${gm('node')}; ochre/mujs ${gm('mujs')}.`);
lines.push('');

// Startup.
const st = readRows(startupPath);
let hf = {};
try {
    const j = JSON.parse(fs.readFileSync(startupJson, 'utf8'));
    for (const r of j.results) hf[r.command] = r.median * 1000;
} catch (_) {
    hf = {};
}
lines.push('| empty script | ' + engines.map((e) => label[e] || e).join(' | ') + ' |');
lines.push('|---|' + engines.map(() => '---:').join('|') + '|');
const tcells = [], rcells = [];
for (const e of engines) {
    const rows = st.filter((r) => r.engine === e);
    const c = cell(rows);
    const hkey = Object.keys(hf).find((k) => {
        const w = k.split(' ');
        return e === 'node-jitless' ? w[0] === 'node' && w[1] === '--jitless'
            : e === 'node' ? w[0] === 'node' && w[1] !== '--jitless'
                : e === 'duktape' ? w[0] === 'duk' : w[0].endsWith(e);
    });
    if (!c || !c.ok) {
        tcells.push(c ? c.text : 'n/a');
        rcells.push('-');
    } else {
        tcells.push(`${fmtMs(hkey !== undefined ? hf[hkey] : c.ms)} ms`);
        rcells.push(`${fmtMb(c.rss)} MB`);
    }
}
lines.push(`| startup time | ${tcells.join(' | ')} |`);
lines.push(`| peak RSS | ${rcells.join(' | ')} |`);
console.log(lines.join('\n'));
