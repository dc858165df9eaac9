#!/usr/bin/env node
// Compares `ochre parse --json` with acorn's AST (ecmaVersion "latest") on
// the real-world corpus and on test262-parser-tests pass/.
//
//   node tests/parser/acorn_compare.js --ochre build/ochre --nm NODE_MODULES
//        [--corpus tests/parser/corpus.txt] [--jobs 2] [--no-pass] [-v]
//
// The comparison is structural (key order does not matter). acorn's values
// that JSON cannot carry become null, as ochre prints them: RegExp and
// BigInt literal values (the `regex` and `bigint` fields carry them), and
// non-finite numbers. Keys whose value is undefined count as absent.
// On a mismatch it prints the file and the first differing path with both
// values. Every corpus file must be identical (else exit 1); for pass/ the
// count of identical files is reported. One ochre process per file, two at
// a time (--jobs); pass/ files go 100 per process when `ochre parse` takes
// several files and prints one JSON document per line.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

function usage() {
  console.error('usage: acorn_compare.js --ochre BIN --nm NODE_MODULES [--corpus FILE] ' +
    '[--jobs N] [--no-pass] [-v]');
  process.exit(2);
}

const args = { corpus: path.join(__dirname, 'corpus.txt'), jobs: 2, pass: true, verbose: false };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--ochre') args.ochre = process.argv[++i];
  else if (a === '--nm') args.nm = process.argv[++i];
  else if (a === '--corpus') args.corpus = process.argv[++i];
  else if (a === '--jobs') args.jobs = Number(process.argv[++i]) || 1;
  else if (a === '--no-pass') args.pass = false;
  else if (a === '-v') args.verbose = true;
  else usage();
}
if (!args.ochre || !args.nm) usage();

const acorn = require(path.resolve(args.nm, 'acorn'));

// acorn's value as JSON would carry it.
function norm(v) {
  if (v instanceof RegExp || typeof v === 'bigint') return null;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

function show(v) {
  let s;
  try { s = JSON.stringify(norm(v), (k, x) => norm(x)); } catch (e) { s = String(v); }
  if (s === undefined) s = 'undefined';
  return s.length > 160 ? s.slice(0, 157) + '...' : s;
}

// Returns null when equal, else {path, expected, actual} for the first
// difference in depth-first, acorn key order.
function diff(exp, act, where) {
  exp = norm(exp);
  if (exp === null || typeof exp !== 'object') {
    if (Object.is(exp, act) || (exp === act)) return null;
    return { path: where, expected: exp, actual: act };
  }
  if (act === null || typeof act !== 'object' || Array.isArray(exp) !== Array.isArray(act)) {
    return { path: where, expected: exp, actual: act };
  }
  if (Array.isArray(exp)) {
    const n = Math.min(exp.length, act.length);
    for (let i = 0; i < n; i++) {
      const d = diff(exp[i], act[i], `${where}[${i}]`);
      if (d) return d;
    }
    if (exp.length !== act.length) {
      return { path: `${where}.length`, expected: exp.length, actual: act.length };
    }
    return null;
  }
  for (const k of Object.keys(exp)) {
    if (exp[k] === undefined) continue;
    if (!(k in act)) return { path: `${where}.${k}`, expected: exp[k], actual: undefined };
    const d = diff(exp[k], act[k], `${where}.${k}`);
    if (d) return d;
  }
  for (const k of Object.keys(act)) {
    if (!(k in exp) || exp[k] === undefined) {
      return { path: `${where}.${k}`, expected: undefined, actual: act[k] };
    }
  }
  return null;
}

// Runs ochre; resolves to {code, stdout (Buffer), stderr}.
function runOchre(argv) {
  return new Promise((resolve) => {
    const child = spawn(args.ochre, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [], err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', (e) => resolve({ code: -1, stdout: Buffer.alloc(0), stderr: String(e) }));
    child.on('close', (code) => resolve({
      code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'),
    }));
  });
}

// Compares acorn's tree of `file` with ochre's JSON text; returns null when
// identical, else a message.
function compareJson(file, goal, json) {
  const src = fs.readFileSync(file, 'utf8');
  let expected;
  try {
    expected = acorn.parse(src, { ecmaVersion: 'latest', sourceType: goal });
  } catch (e) {
    return `acorn rejects it: ${e.message}`;
  }
  let actual;
  try {
    actual = JSON.parse(json);
  } catch (e) {
    return `ochre printed invalid JSON: ${e.message}`;
  }
  const d = diff(expected, actual, '$');
  if (!d) return null;
  return `first difference at ${d.path}: acorn ${show(d.expected)}, ochre ${show(d.actual)}`;
}

const goalFlag = (goal) => (goal === 'module' ? '--module' : '--script');

// Compares one file, one ochre process.
async function compareFile(file, goal) {
  const r = await runOchre(['parse', '--json', goalFlag(goal), file]);
  if (r.code !== 0) {
    return `ochre parse exited ${r.code}: ${r.stderr.split('\n').slice(0, 3).join(' | ')}`;
  }
  return compareJson(file, goal, r.stdout.toString('utf8'));
}

// Does this `ochre parse` take several files and print one JSON document
// per line, in order? Then small files go in batches (far fewer processes,
// which matters most in sanitizer builds).
async function cliTakesSeveralFiles(sample) {
  if (sample.length < 2) return false;
  const r = await runOchre(['parse', '--json', '--script', sample[0], sample[1]]);
  if (r.code !== 0) return false;
  const lines = r.stdout.toString('utf8').split('\n').filter((l) => l.length);
  if (lines.length !== 2) return false;
  try {
    lines.forEach((l) => JSON.parse(l));
  } catch (e) {
    return false;
  }
  return true;
}

// Compares a batch of files of one goal with one ochre process; falls back
// to one process per file when the batch does not come out line by line.
async function compareBatch(files, goal) {
  const r = await runOchre(['parse', '--json', goalFlag(goal), ...files]);
  const lines = r.stdout.toString('utf8').split('\n').filter((l) => l.length);
  if (r.code !== 0 || lines.length !== files.length) {
    return Promise.all(files.map((f) => compareFile(f, goal)));
  }
  return files.map((f, i) => compareJson(f, goal, lines[i]));
}

// Runs fn over items with at most `jobs` in flight; returns results in order.
async function pool(items, jobs, fn) {
  const results = new Array(items.length);
  let next = 0;
  async function lane() {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, lane));
  return results;
}

async function main() {
  const corpus = fs.readFileSync(args.corpus, 'utf8').split('\n')
    .map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
    .map((l) => { const [goal, rel] = l.split(/\s+/); return { goal, rel }; });

  // pass/ first: spawning is cheaper while node's heap is small (before the
  // corpus's big trees).
  let passLine = null;
  if (args.pass) {
    const dir = path.join(args.nm, 'test262-parser-tests', 'pass');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
    const t1 = Date.now();
    const goalOf = (f) => (f.endsWith('.module.js') ? 'module' : 'script');
    let res;
    if (await cliTakesSeveralFiles(files.filter((f) => goalOf(f) === 'script')
      .slice(0, 2).map((f) => path.join(dir, f)))) {
      const batches = [];
      for (const goal of ['script', 'module']) {
        const mine = files.map((f, i) => ({ f, i })).filter((x) => goalOf(x.f) === goal);
        for (let k = 0; k < mine.length; k += 100) batches.push({ goal, items: mine.slice(k, k + 100) });
      }
      res = new Array(files.length);
      await pool(batches, args.jobs, async (b) => {
        const out = await compareBatch(b.items.map((x) => path.join(dir, x.f)), b.goal);
        b.items.forEach((x, k) => { res[x.i] = out[k]; });
      });
    } else {
      res = await pool(files, args.jobs, (f) => compareFile(path.join(dir, f), goalOf(f)));
    }
    let n = 0, shown = 0;
    files.forEach((f, i) => {
      if (res[i] === null) n++;
      else if (args.verbose || shown++ < 20) console.log(`diff pass/${f}: ${res[i]}`);
    });
    if (shown > 20) console.log(`... ${shown - 20} more (-v lists all)`);
    passLine = (`acorn equality: test262-parser-tests pass/ ${n}/${files.length} files identical ` +
      `(${((Date.now() - t1) / 1000).toFixed(1)} s)`);
  }
  let failed = false;
  const t0 = Date.now();
  const corpusRes = await pool(corpus, args.jobs, (c) =>
    compareFile(path.join(args.nm, c.rel), c.goal));
  let same = 0;
  corpus.forEach((c, i) => {
    if (corpusRes[i] === null) {
      same++;
      if (args.verbose) console.log(`same ${c.rel}`);
    } else {
      failed = true;
      console.log(`DIFF ${c.rel}: ${corpusRes[i]}`);
    }
  });
  console.log(`acorn equality: corpus ${same}/${corpus.length} files identical ` +
    `(${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  if (passLine) console.log(passLine);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(2); });
