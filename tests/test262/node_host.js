// A test262 host on node that follows the same protocol as
// `ochre run --test262` (see run262_exec.c), to check the runner itself:
//
//   node --experimental-vm-modules --no-warnings tests/test262/node_host.js \
//        (--script|--module) FILE
//
// Each test runs in a fresh vm context with `print` and `$262`; an
// uncaught exception prints `Uncaught NAME: message` on stderr and exits 1.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const [mode, file] = process.argv.slice(2);
let failed = false;

function report(e) {
    if (failed) return;
    failed = true;
    let name = '';
    try {
        name = e && typeof e === 'object' && e.constructor ? e.constructor.name : '';
    } catch (_) { /* a hostile constructor getter */ }
    let msg;
    try {
        msg = name ? `${name}: ${e.message}` : String(e);
    } catch (_) {
        msg = '<unprintable>';
    }
    process.stderr.write(`Uncaught ${msg}\n`);
    process.exitCode = 1;
}

function makeRealm() {
    const sandbox = {};
    const ctx = vm.createContext(sandbox);
    const global = vm.runInContext('this', ctx);
    const $262 = {
        global,
        createRealm: () => makeRealm().$262,
        evalScript: (src) => vm.runInContext(String(src), ctx),
        detachArrayBuffer: (buf) => { structuredClone(buf, { transfer: [buf] }); },
        gc: () => {
            if (typeof globalThis.gc !== 'function') throw new Error('no gc (run node with --expose-gc)');
            globalThis.gc();
        },
        agent: {},
    };
    const define = (name, value) =>
        Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
    define('$262', $262);
    define('print', (x) => { process.stdout.write(String(x) + '\n'); });
    return { ctx, global, $262 };
}

const realm = makeRealm();
process.on('uncaughtException', report);
// A rejected promise nobody handles is not a test262 failure.
process.on('unhandledRejection', () => {});

const src = fs.readFileSync(file, 'utf8');
const modules = new Map();

function loadModule(p) {
    let m = modules.get(p);
    if (!m) {
        const text = fs.readFileSync(p, 'utf8');
        m = new vm.SourceTextModule(text, {
            identifier: p, context: realm.ctx,
            importModuleDynamically: (spec, ref) => importDyn(spec, ref.identifier),
            initializeImportMeta: () => {},
        });
        modules.set(p, m);
    }
    return m;
}

async function importDyn(spec, from) {
    const m = loadModule(path.resolve(path.dirname(from), spec));
    await m.link(linker);
    await m.evaluate();
    return m;
}

function linker(spec, ref) {
    return loadModule(path.resolve(path.dirname(ref.identifier), spec));
}

if (mode === '--module') {
    if (!vm.SourceTextModule) {
        report(new Error('node needs --experimental-vm-modules'));
    } else {
        modules.set(file, null);
        let m;
        try {
            m = new vm.SourceTextModule(src, {
                identifier: file, context: realm.ctx,
                importModuleDynamically: (spec, ref) => importDyn(spec, ref.identifier),
                initializeImportMeta: () => {},
            });
            modules.set(file, m);
        } catch (e) {
            report(e);
        }
        if (m) m.link(linker).then(() => m.evaluate()).catch(report);
    }
} else {
    try {
        vm.runInContext(src, realm.ctx, {
            filename: file,
            importModuleDynamically: vm.constants && vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER
                ? undefined : (spec) => importDyn(spec, file),
        });
    } catch (e) {
        report(e);
    }
}
