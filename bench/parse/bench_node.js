#!/usr/bin/env node
// Parse throughput of acorn and meriyah in a warm node process, with the
// protocol and output of bench_ochre.c; and the report of bench/parse/run.sh.
//
//   node bench_node.js acorn|meriyah --nm NODE_MODULES [--min-time S]
//        [--script|--module] FILE...
//     Parses every file 3 times to warm up the JIT, then each file
//     repeatedly for --min-time seconds (default 0.5, at least 3 times).
//     Prints `time TOOL FILE BYTES SECONDS_PER_PARSE` and
//     `mem TOOL - - PEAK_RSS_KB` (tab-separated).
//
//   node bench_node.js report RAW.tsv
//     Reads the lines of every round, takes per tool and file the median
//     seconds per parse, and prints Markdown tables: MB/s per file and in
//     aggregate (total bytes / total time), ratios ochre/peer, memory.
'use strict';

const fs = require('fs');
const path = require('path');

function bench(tool, argv) {
  let nm = null, minTime = 0.5, goal = 'script';
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--nm') nm = argv[++i];
    else if (a === '--min-time') minTime = Number(argv[++i]);
    else if (a === '--script' || a === '--module') goal = a.slice(2);
    else files.push({ file: a, goal });
  }
  let parse;
  if (tool === 'acorn') {
    const acorn = require(path.resolve(nm, 'acorn'));
    parse = (src, g) => acorn.parse(src, { ecmaVersion: 'latest', sourceType: g });
  } else if (tool === 'meriyah') {
    const meriyah = require(path.resolve(nm, 'meriyah'));
    // Offsets and raw values, like acorn and ochre; Annex B on.
    const opts = { ranges: true, raw: true, webcompat: true };
    parse = (src, g) => (g === 'module' ? meriyah.parseModule : meriyah.parseScript)(src, opts);
  } else {
    throw new Error(`unknown tool ${tool}`);
  }
  for (const f of files) f.src = fs.readFileSync(f.file, 'utf8');
  for (let r = 0; r < 3; r++) for (const f of files) parse(f.src, f.goal);
  for (const f of files) {
    let n = 0;
    const t0 = process.hrtime.bigint();
    let t;
    do {
      parse(f.src, f.goal);
      n++;
      t = Number(process.hrtime.bigint() - t0) / 1e9;
    } while (t < minTime || n < 3);
    const bytes = Buffer.byteLength(f.src, 'utf8');
    console.log(['time', tool, f.file, bytes, (t / n).toFixed(9)].join('\t'));
  }
  console.log(['mem', tool, '-', '-', process.resourceUsage().maxRSS].join('\t'));
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function report(rawFile) {
  const times = new Map();  // tool -> file -> {bytes, spp: []}
  const mem = new Map();    // tool -> {used: [], reserved: [], rss: []}
  const order = [];
  for (const line of fs.readFileSync(rawFile, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f[0] === 'time') {
      const [, tool, file, bytes, spp] = f;
      if (!times.has(tool)) times.set(tool, new Map());
      const t = times.get(tool);
      if (!t.has(file)) t.set(file, { bytes: Number(bytes), spp: [] });
      t.get(file).spp.push(Number(spp));
      if (!order.includes(file)) order.push(file);
    } else if (f[0] === 'mem') {
      const [, tool, used, reserved, rss] = f;
      if (!mem.has(tool)) mem.set(tool, { used: [], reserved: [], rss: [] });
      const m = mem.get(tool);
      if (used !== '-') m.used.push(Number(used));
      if (reserved !== '-') m.reserved.push(Number(reserved));
      m.rss.push(Number(rss));
    }
  }
  const tools = [...times.keys()];
  const short = (file) => file.replace(/^.*node_modules\//, '');
  const mbps = (tool, file) => {
    const e = times.get(tool).get(file);
    return e ? e.bytes / median(e.spp) / 1e6 : NaN;
  };
  const aggregate = (tool) => {
    let bytes = 0, secs = 0;
    for (const file of order) {
      const e = times.get(tool).get(file);
      if (!e) return NaN;
      bytes += e.bytes;
      secs += median(e.spp);
    }
    return bytes / secs / 1e6;
  };
  const fmt = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');
  const rounds = Math.max(...tools.map((t) => Math.max(...[...times.get(t).values()].map((e) => e.spp.length))));

  console.log(`Throughput in MB/s (median of ${rounds} rounds; higher is better)\n`);
  console.log(`| file | KB | ${tools.join(' | ')} |`);
  console.log(`| --- | ---: | ${tools.map(() => '---:').join(' | ')} |`);
  for (const file of order) {
    const kb = (times.get(tools[0]).get(file) || { bytes: 0 }).bytes / 1024;
    console.log(`| ${short(file)} | ${kb.toFixed(0)} | ${tools.map((t) => fmt(mbps(t, file))).join(' | ')} |`);
  }
  const totalKb = order.reduce((s, f) => s + (times.get(tools[0]).get(f) || { bytes: 0 }).bytes, 0) / 1024;
  console.log(`| **aggregate** | ${totalKb.toFixed(0)} | ${tools.map((t) => `**${fmt(aggregate(t))}**`).join(' | ')} |`);

  const base = tools.find((t) => t === 'ochre');
  if (base) {
    const peers = tools.filter((t) => !t.startsWith('ochre'));
    const mine = tools.filter((t) => t.startsWith('ochre'));
    console.log(`\nRatios ochre / peer (throughput; > 1 means ochre is faster)\n`);
    console.log(`| ochre mode | peer | aggregate | min per file | max per file |`);
    console.log(`| --- | --- | ---: | ---: | ---: |`);
    for (const m of mine) {
      for (const p of peers) {
        const per = order.map((f) => mbps(m, f) / mbps(p, f)).filter(Number.isFinite);
        console.log(`| ${m} | ${p} | **${(aggregate(m) / aggregate(p)).toFixed(2)}x** | ` +
          `${Math.min(...per).toFixed(2)}x | ${Math.max(...per).toFixed(2)}x |`);
      }
    }
  }

  console.log(`\nMemory\n`);
  console.log(`| tool | arena bytes used / source byte | arena bytes reserved / source byte | peak RSS (MB) |`);
  console.log(`| --- | ---: | ---: | ---: |`);
  for (const [tool, m] of mem) {
    const u = m.used.length ? median(m.used).toFixed(2) : '-';
    const r = m.reserved.length ? median(m.reserved).toFixed(2) : '-';
    console.log(`| ${tool} | ${u} | ${r} | ${(median(m.rss) / 1024).toFixed(0)} |`);
  }
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'report') report(rest[0]);
else if (cmd === 'acorn' || cmd === 'meriyah') bench(cmd, rest);
else {
  console.error('usage: bench_node.js acorn|meriyah --nm DIR [--min-time S] [--script|--module] FILE...\n' +
    '       bench_node.js report RAW.tsv');
  process.exit(2);
}
