// node:test: test/it, describe/suite, hooks (before, after, beforeEach,
// afterEach), skip/todo/only, subtests with t.test, async tests and
// callback tests (a function of two parameters gets `done`), per-test
// timeouts, t.mock.fn, name filtering, and the TAP (not a TTY) and spec
// (TTY) reporters. Top-level tests run one after another in registration
// order; the summary is printed when the program has nothing left to do
// (process 'beforeExit'). Under `ochre test` the runner aggregates several
// files: binding.testRunner then holds the options and receives the counts.
'use strict';

const runner = binding.testRunner || null;  // { reporter, namePattern, line, file } under ochre test
const reporterName = runner && runner.reporter ? runner.reporter : (process.stdout.isTTY ? 'spec' : 'tap');
const namePattern = runner && runner.namePattern ? new RegExp(runner.namePattern) : null;
const counts = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
const failures = [];
const now = () => { const t = process.hrtime(); return t[0] * 1e3 + t[1] / 1e6; };
const startTime = now();
const write = (s) => process.stdout.write(s);

class Node {
    constructor(parent, name, fn, options, isSuite) {
        this.parent = parent;
        this.name = name;
        this.fn = fn;
        this.options = options || {};
        this.isSuite = isSuite;
        this.depth = parent ? parent.depth + 1 : (runner ? runner.depth - 1 : -1);
        this.children = [];
        this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
        this.skip = !!this.options.skip;
        this.todo = !!this.options.todo;
        this.error = null;
        this.duration = 0;
        this.line = this.options.line;
    }
}

const root = new Node(null, '<root>', null, {}, true);
let current = root;       // the suite whose body is running (describe collects here)
let rootQueue = Promise.resolve();
let started = false;

function fullName(node) {
    const parts = [];
    for (let n = node; n && n !== root; n = n.parent) parts.unshift(n.name);
    return parts.join(' ');
}

function selected(node) {
    if (namePattern && !node.isSuite && !namePattern.test(fullName(node))) return false;
    if (runner && runner.line && node.parent === root) {
        const l = node.line;
        if (l !== undefined && !(l.start <= runner.line && runner.line <= l.end)) return false;
    }
    return true;
}

function parseArgs(name, options, fn) {
    if (typeof name === 'function') { fn = name; options = {}; name = fn.name || '<anonymous>'; }
    else if (typeof options === 'function') { fn = options; options = {}; }
    if (options === undefined || options === null) options = {};
    return [String(name), options, fn];
}

// --- reporting ---------------------------------------------------------------

function tapYaml(node, indent) {
    const pad = '    '.repeat(indent);
    let s = `${pad}  ---\n${pad}  duration_ms: ${node.duration.toFixed(6)}\n`;
    if (node.isSuite) s += `${pad}  type: 'suite'\n`;
    if (node.error) {
        const e = node.error;
        const msg = e && e.message !== undefined ? e.message : String(e);
        s += `${pad}  failureType: '${node.failureType}'\n`;
        s += `${pad}  error: '${JSON.stringify(String(msg)).slice(1, -1)}'\n`;
        s += `${pad}  code: 'ERR_TEST_FAILURE'\n`;
        if (e && typeof e.stack === 'string') {
            const lines = e.stack.split('\n').slice(1).map((l) => l.trim()).map((l) => (l.startsWith('at ') ? l.slice(3) : l));
            if (lines.length) s += `${pad}  stack: |-\n${lines.map((l) => `${pad}    ${l}`).join('\n')}\n`;
        }
    }
    return s + `${pad}  ...\n`;
}

function directive(node) {
    if (node.skip) return ' # SKIP' + (typeof node.options.skip === 'string' ? ' ' + node.options.skip : '');
    if (node.todo) return ' # TODO' + (typeof node.options.todo === 'string' ? ' ' + node.options.todo : '');
    return '';
}

function reportStart(node) {
    if (reporterName === 'tap') write(`${'    '.repeat(node.depth)}# Subtest: ${node.name}\n`);
    else if (reporterName === 'spec' && (node.isSuite || node.children.length)) write(`${'  '.repeat(node.depth)}▶ ${node.name}\n`);
}

function reportEnd(node, index) {
    const indent = node.depth;
    if (reporterName === 'tap') {
        const pad = '    '.repeat(indent);
        if (node.children.length) write(`${'    '.repeat(indent + 1)}1..${node.children.length}\n`);
        write(`${pad}${node.error ? 'not ok' : 'ok'} ${index} - ${node.name}${directive(node)}\n`);
        write(tapYaml(node, indent));
    } else if (reporterName === 'spec') {
        const pad = '  '.repeat(indent);
        const mark = node.error ? '✖' : node.skip ? '﹣' : node.isSuite ? '▶' : '✔';
        write(`${pad}${mark} ${node.name} (${Number(node.duration.toFixed(6))}ms)${directive(node)}\n`);
        if (node.error && !node.children.some((c) => c.error)) {
            const text = node.error && node.error.stack ? node.error.stack : String(node.error);
            write(text.split('\n').map((l) => `${pad}  ${l}`).join('\n') + '\n');
        }
    }
}

// --- running -------------------------------------------------------------------

function withTimeout(promise, ms) {
    if (!(ms > 0) || ms === Infinity) return promise;
    let timer;
    const t = new Promise((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error(`test timed out after ${ms}ms`), { code: 'ERR_TEST_FAILURE' })), ms);
    });
    return Promise.race([promise, t]).finally(() => clearTimeout(timer));
}

function callTest(node, ctx) {
    if (node.fn.length >= 2) {
        return new Promise((resolve, reject) => {
            const r = node.fn.call(ctx, ctx, (err) => (err ? reject(err) : resolve()));
            if (r && typeof r.then === 'function') reject(new Error('passed a callback but also returned a Promise'));
        });
    }
    return Promise.resolve().then(() => node.fn.call(ctx, ctx));
}

async function runHooks(list, ctx) {
    for (const h of list) await Promise.resolve().then(() => h.call(ctx, ctx));
}

function eachHooks(node, kind) {
    const chain = [];
    for (let n = node.parent; n; n = n.parent) chain.unshift(...n.hooks[kind].map((h) => h));
    return kind === 'afterEach' ? chain.reverse() : chain;
}

async function run(node, index) {
    node.index = index;
    const t0 = now();
    reportStart(node);
    const ctx = new TestContext(node);
    if (!node.skip && !node.todo || node.todo && node.fn) {
        try {
            if (!node.isSuite) await runHooks(eachHooks(node, 'beforeEach'), ctx);
            if (node.isSuite) {
                await runHooks(node.hooks.before, ctx);
                let i = 0;
                for (const child of node.children) await run(child, ++i);
                await runHooks(node.hooks.after, ctx);
            } else if (!node.skip && node.fn) {
                await withTimeout(callTest(node, ctx), node.options.timeout);
                let i = 0;
                for (const child of node.children.slice(node.ranChildren || 0)) await run(child, ++i);
            }
            if (!node.isSuite) await runHooks(eachHooks(node, 'afterEach'), ctx);
        } catch (e) {
            node.error = e;
            node.failureType = 'testCodeFailure';
        }
        const failedKids = node.children.filter((c) => c.error).length;
        if (!node.error && failedKids) {
            node.error = new Error(`${failedKids} subtest${failedKids > 1 ? 's' : ''} failed`);
            node.error.stack = undefined;
            node.failureType = 'subtestsFailed';
        }
    }
    node.duration = now() - t0;
    if (node.isSuite) counts.suites++;
    else {
        counts.tests++;
        if (node.skip) counts.skipped++;
        else if (node.todo) counts.todo++;
        else if (node.error) { counts.fail++; failures.push(node); }
        else counts.pass++;
    }
    if (node.error && node.todo) node.error = null;
    reportEnd(node, index);
}

class TestContext {
    constructor(node) { this.node = node; this.mock = mock; }
    get name() { return this.node.name; }
    get fullName() { return fullName(this.node); }
    skip(message) { this.node.skip = message === undefined ? true : String(message); this.node.options.skip = this.node.skip; }
    todo(message) { this.node.todo = true; this.node.options.todo = message === undefined ? true : String(message); }
    diagnostic(message) { if (reporterName === 'tap') write(`${'    '.repeat(this.node.depth)}# ${message}\n`); }
    beforeEach(fn) { this.node.hooks.beforeEach.push(fn); }
    afterEach(fn) { this.node.hooks.afterEach.push(fn); }
    before(fn) { this.node.hooks.before.push(fn); }
    after(fn) { this.node.hooks.after.push(fn); }
    // A subtest runs at once (awaited by the caller, as in node).
    test(name, options, fn) {
        [name, options, fn] = parseArgs(name, options, fn);
        const child = new Node(this.node, name, fn, options, false);
        this.node.children.push(child);
        this.node.ranChildren = this.node.children.length;
        if (!selected(child)) child.skip = true;
        return run(child, this.node.children.length);
    }
}

function register(name, options, fn, isSuite) {
    [name, options, fn] = parseArgs(name, options, fn);
    if (!options.line && binding.callerLine) options.line = binding.callerLine(fn);
    const parent = current;
    const node = new Node(parent, name, fn, options, isSuite);
    parent.children.push(node);
    if (!selected(node)) node.skip = node.isSuite ? node.skip : true;
    if (isSuite && fn) {
        current = node;
        try { fn.call(undefined, new TestContext(node)); } catch (e) { node.error = e; node.failureType = 'testCodeFailure'; }
        finally { current = parent; }
    }
    if (parent === root) {
        if (!started) {
            started = true;
            if (reporterName === 'tap' && !runner) write('TAP version 13\n');
            process.on('beforeExit', finish);
        }
        const index = root.children.length;
        rootQueue = rootQueue.then(() => run(node, index));
        return rootQueue;
    }
    return Promise.resolve();
}

let finished = false;
function finish() {
    if (finished) return;
    finished = true;
    const total = root.children.length;
    if (runner) {
        if (reporterName === 'tap') write(`    1..${total}\n`);
        binding.testResults(counts);
        return;
    }
    if (reporterName === 'tap') {
        write(`1..${total}\n`);
        for (const k of ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo']) write(`# ${k} ${counts[k]}\n`);
        write(`# duration_ms ${(now() - startTime).toFixed(6)}\n`);
    } else {
        for (const k of ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo']) write(`ℹ ${k} ${counts[k]}\n`);
        write(`ℹ duration_ms ${(now() - startTime).toFixed(6)}\n`);
    }
    if (counts.fail) process.exitCode = 1;
}

function test(name, options, fn) { return register(name, options, fn, false); }
function describe(name, options, fn) { return register(name, options, fn, true); }
for (const f of [test, describe]) {
    const suite = f === describe;
    f.skip = (name, options, fn) => { [name, options, fn] = parseArgs(name, options, fn); return register(name, { ...options, skip: true }, fn, suite); };
    f.todo = (name, options, fn) => { [name, options, fn] = parseArgs(name, options, fn); return register(name, { ...options, todo: true }, fn, suite); };
    f.only = (name, options, fn) => { [name, options, fn] = parseArgs(name, options, fn); return register(name, { ...options, only: true }, fn, suite); };
}

function hook(kind) {
    return (fn) => { (current === root ? root : current).hooks[kind].push(fn); };
}

// mock.fn: a function recording its calls (arguments, result, this).
const mock = {
    fn(original = () => {}, implementation) {
        const impl = implementation || original;
        const calls = [];
        function mocked(...args) {
            const call = { arguments: args, this: this, result: undefined, error: undefined };
            calls.push(call);
            try {
                call.result = new.target ? Reflect.construct(impl, args, new.target) : impl.apply(this, args);
                return call.result;
            } catch (e) {
                call.error = e;
                throw e;
            }
        }
        mocked.mock = { calls, callCount: () => calls.length, resetCalls: () => { calls.length = 0; } };
        return mocked;
    },
};

test.test = test;
test.it = test;
test.describe = describe;
test.suite = describe;
test.before = hook('before');
test.after = hook('after');
test.beforeEach = hook('beforeEach');
test.afterEach = hook('afterEach');
test.mock = mock;
module.exports = test;
