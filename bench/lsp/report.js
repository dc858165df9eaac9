#!/usr/bin/env node
// Renders the JSON lines of bench.js as the Markdown table of
// bench/lsp/RESULTS.part.md. Usage: report.js RAW EDITS CPU PEER_VERSION
'use strict';
const fs = require('fs');
const os = require('os');
const [raw, edits, cpu, qv] = process.argv.slice(2);
const rows = fs.readFileSync(raw, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const f = (x) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const out = [];
out.push('## Language server: edit-to-diagnostics latency (bench/lsp)', '');
out.push(`Command: \`bench/lsp/run.sh --edits ${edits}\` (${edits} edits per file). The edits come in cycles of four on a ` +
    'random line: insert a comment, remove it, insert `((` (a syntax error), remove it (the fix). Each is one ' +
    '`didChange`; the latency runs until the `publishDiagnostics` of that version arrives. Both servers run in ' +
    'the same run and take turns edit by edit (the order alternates). Peak RSS is the server\'s VmHWM at the end. ' +
    `Machine: ${cpu}, ${os.cpus().length} cores. Peer: ${qv} (\`--lsp-server\`). ` +
    'ochre re-parses incrementally and publishes scope analysis and lint findings with each version; documents ' +
    'of 1 MiB or more publish the syntax errors first and the analysis when the server is idle (docs/lsp.md), ' +
    'so the typescript.js latency is the first publish. quick-lint-js also lints, in one pass.', '');
out.push('| file | size | server | open (ms) | median (ms) | p90 (ms) | max (ms) | peak RSS (MB) | ochre ÷ peer, median |');
out.push('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
    const ochre = rows.find((x) => x.file === r.file && x.server === 'ochre');
    const ratio = r.server === 'ochre' || !ochre ? '' : f(ochre.median / r.median);
    const rss = r.peak_rss_kb ? (r.peak_rss_kb / 1024).toFixed(0) : '?';
    out.push(`| ${r.file} | ${(r.bytes / 1024).toFixed(0)} kB | ${r.server} | ${f(r.open_ms)} | ${f(r.median)} | ` +
        `${f(r.p90)} | ${f(r.max)} | ${rss} | ${ratio} |`);
}
out.push('', 'A ratio below 1 means ochre answers faster.', '');
console.log(out.join('\n'));
