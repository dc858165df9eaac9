#!/usr/bin/env node
// Functional tests of `ochre lsp`: every supported method with exact
// expected results. Ranges are written compactly as "line:col-line:col".
// Runs against the real binary ($OCHRE or build/ochre).
//
// Usage: node tests/lsp/functional.js [name-filter]
// Prints one line per failure and ends with `N passed, N failed`.
'use strict';
const fs = require('fs');
const path = require('path');
const lsp = require('./lsp_client');

// Every server started, so that sanitizer reports (ASan/UBSan builds) on
// their stderr fail the run.
const started = [];
class Client extends lsp.Client {
    constructor(...args) {
        super(...args);
        started.push(this);
    }
    // Lint findings are off unless a test asks for them (initializationOptions
    // lint: true): the other tests check syntax, scopes and navigation.
    initialize(capabilities, initializationOptions = {}) {
        return super.initialize(capabilities, { lint: false, ...initializationOptions });
    }
}

const tests = [];
function T(name, fn) { tests.push({ name, fn }); }
class Fail extends Error {}
function check(cond, what) { if (!cond) throw new Fail(what); }
function eq(a, b, what) {
    const ja = JSON.stringify(a), jb = JSON.stringify(b);
    if (ja !== jb) throw new Fail(`${what}:\n    got  ${ja}\n    want ${jb}`);
}

const R = (r) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
const DOCS = 'https://github.com/ochre-js/ochre/blob/main/docs/diagnostics.md';
const SAMPLE = fs.readFileSync(path.join(__dirname, 'fixtures', 'sample.mjs'), 'utf8');
const SAMPLE_URI = 'file:///functional/sample.mjs';
const CAPS = {
    general: { positionEncodings: ['utf-16'] },
    textDocument: {
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        foldingRange: { lineFoldingOnly: true },
    },
};

let server = null;
async function srv() {
    if (!server || server.exitCode !== null) {
        server = new Client();
        await server.initialize(CAPS);
    }
    return server;
}
function open(c, uri, text, version = 1, languageId = 'javascript') {
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}
const doc = (uri) => ({ textDocument: { uri } });
async function result(c, method, params) {
    const r = await c.call(method, params, 20000);
    if (r.error) throw new Fail(`${method}: error ${JSON.stringify(r.error)}`);
    return r.result;
}

// ---------------------------------------------------------------------------
T('initialize: capabilities and server info', async () => {
    const c = new Client();
    const r = await c.call('initialize', { processId: null, rootUri: null, capabilities: CAPS });
    const v = r.result.serverInfo.version;
    check(typeof v === 'string' && v.length > 0, 'version');
    eq(r.result, {
        capabilities: {
            positionEncoding: 'utf-16',
            textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
            diagnosticProvider: { identifier: 'ochre', interFileDependencies: false, workspaceDiagnostics: false },
            documentSymbolProvider: { label: 'ochre' },
            foldingRangeProvider: true,
            selectionRangeProvider: true,
            semanticTokensProvider: {
                legend: {
                    tokenTypes: ['keyword', 'string', 'number', 'regexp', 'comment', 'operator', 'variable', 'function', 'class', 'parameter', 'property', 'method'],
                    tokenModifiers: ['declaration', 'readonly', 'defaultLibrary'],
                },
                full: true,
                range: true,
            },
            definitionProvider: true,
            referencesProvider: true,
            documentHighlightProvider: true,
            renameProvider: { prepareProvider: true },
            hoverProvider: true,
            completionProvider: { triggerCharacters: ['.'], resolveProvider: false },
            codeActionProvider: { codeActionKinds: ['quickfix'] },
        },
        serverInfo: { name: 'ochre', version: v },
    }, 'initialize result');
    c.notify('initialized', {});
    const { code } = await c.shutdown();
    eq(code, 0, 'exit status');
});

T('initializationOptions.diagnostics: push only / pull only', async () => {
    const a = new Client();
    const ra = await a.initialize({}, { diagnostics: 'push' });
    eq(ra.result.capabilities.diagnosticProvider, undefined, 'push: no diagnosticProvider');
    open(a, 'file:///p.js', 'let x = ;');
    eq((await a.diagnostics('file:///p.js', 1)).params.diagnostics.length, 1, 'pushed');
    a.kill();
    const b = new Client();
    const rb = await b.initialize({}, { diagnostics: 'pull' });
    check(rb.result.capabilities.diagnosticProvider, 'pull: diagnosticProvider');
    open(b, 'file:///p.js', 'let x = ;');
    const r = await b.call('textDocument/diagnostic', doc('file:///p.js'));
    eq(r.result.items.length, 1, 'pulled');
    await new Promise((res) => setTimeout(res, 200));
    eq(b.messages.filter((m) => m.method === 'textDocument/publishDiagnostics').length, 0, 'nothing pushed');
    b.kill();
});

T('publishDiagnostics: syntax error with related information', async () => {
    const c = await srv();
    const uri = 'file:///f/diag1.js';
    open(c, uri, 'let total = (1 + 2;\nconsole.log(total);\n', 7);
    const d = await c.diagnostics(uri, 7);
    eq(d.params, {
        uri, version: 7,
        diagnostics: [{
            range: { start: { line: 0, character: 18 }, end: { line: 0, character: 19 } },
            severity: 1,
            code: 'E0102',
            codeDescription: { href: DOCS + '#e0102-unclosed-delimiter' },
            source: 'ochre',
            message: "expected ')' to close the parenthesized expression, found ';'; add ')'",
            relatedInformation: [{ location: { uri, range: { start: { line: 0, character: 12 }, end: { line: 0, character: 13 } } }, message: "'(' opened here" }],
        }],
    }, 'diagnostics');
});

T('publishDiagnostics: analyzer early errors, in source order with syntax errors', async () => {
    const c = await srv();
    const uri = 'file:///f/diag2.js';
    open(c, uri, 'let a = 1;\nlet a = 2;\nif (x {\n}\n');
    const d = await c.diagnostics(uri, 1);
    eq(d.params.diagnostics.map((x) => [x.code, R(x.range), x.codeDescription.href.split('/').pop()]), [
        ['E0500', '1:4-1:5', 'diagnostics.md#e0500-redeclaration'],
        ['E0102', '2:6-2:7', 'diagnostics.md#e0102-unclosed-delimiter'],
    ], 'codes, ranges and links');
    eq(d.params.diagnostics[0].relatedInformation.map((x) => R(x.location.range)), ['0:4-0:5'], 'first declaration');
});

T('publishDiagnostics: UTF-16 columns after an emoji', async () => {
    const c = await srv();
    const uri = 'file:///f/emoji.js';
    open(c, uri, 'const s = "😀😀"; let x = ;\n');
    const d = await c.diagnostics(uri, 1);
    eq(d.params.diagnostics.map((x) => [x.code, R(x.range)]), [['E0103', '0:26-0:27']], 'column counts each emoji as 2');
});

T('publishDiagnostics: module goal from .mjs, clean file has none', async () => {
    const c = await srv();
    open(c, SAMPLE_URI, SAMPLE);
    eq((await c.diagnostics(SAMPLE_URI, 1)).params.diagnostics, [], 'no diagnostics');
});

T('didChange: incremental edits, versions, fix clears diagnostics', async () => {
    const c = await srv();
    const uri = 'file:///f/edit.js';
    open(c, uri, 'function f(a) {\n  return a;\n}\n', 1);
    eq((await c.diagnostics(uri, 1)).params.diagnostics, [], 'v1 clean');
    // Break line 1: "return a;" -> "return (a;"
    c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [
        { range: { start: { line: 1, character: 9 }, end: { line: 1, character: 9 } }, text: '(' }] });
    eq((await c.diagnostics(uri, 2)).params.diagnostics.map((x) => [x.code, R(x.range)]), [['E0102', '1:11-1:12']], 'v2 broken');
    // Two changes in one notification, applied in order: insert a line, then fix.
    c.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// header\n' },
        { range: { start: { line: 2, character: 9 }, end: { line: 2, character: 10 } }, text: '' }] });
    eq((await c.diagnostics(uri, 3)).params.diagnostics, [], 'v3 fixed');
    // Full-text change.
    c.notify('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: 'let x = ;' }] });
    eq((await c.diagnostics(uri, 4)).params.diagnostics.map((x) => [x.code, R(x.range)]), [['E0103', '0:8-0:9']], 'v4 full text');
    // Multi-line replacement spanning CRLF line ends.
    c.notify('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text: 'a\r\nb\r\nc\r\n' }] });
    c.notify('textDocument/didChange', { textDocument: { uri, version: 6 }, contentChanges: [
        { range: { start: { line: 0, character: 1 }, end: { line: 2, character: 0 } }, text: ' +\r\n(' }] });
    eq((await c.diagnostics(uri, 6)).params.diagnostics.map((x) => [x.code, R(x.range)]), [['E0102', '1:2-1:2']], 'v6: a +\\r\\n(c');
});

T('didChange: large documents publish syntax errors first, then the analysis', async () => {
    const c = await srv();
    const uri = 'file:///f/large.js';
    const filler = [];
    for (let i = 0; filler.length * 40 < 1.2e6; i++) filler.push(`function f${i}(a) { return a + ${i}; }`);
    open(c, uri, 'let a = 1;\nlet a = 2;\n' + filler.join('\n') + '\n', 1);
    const pub = (v, pred) => c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri &&
        m.params.version === v && pred(m.params.diagnostics), 20000);
    const codes = (d) => d.params.diagnostics.map((x) => [x.code, R(x.range)]);
    // Version 1: the analysis' redeclaration error arrives (after an empty syntax-only set).
    eq(codes(await pub(1, (d) => d.length > 0)), [['E0500', '1:4-1:5']], 'v1 analyzed');
    // An edit far below breaks the syntax: the first publish of v2 already
    // carries the redeclaration (from the last analysis) and the new error.
    let from = c.messages.length;
    c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [
        { range: { start: { line: 1000, character: 0 }, end: { line: 1000, character: 0 } }, text: '((' }] });
    const first2 = await c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.version === 2, 20000, from);
    eq(first2.params.diagnostics.map((x) => x.code), ['E0500', 'E0102'], 'v2 syntax-first set');
    // A line inserted at the top moves the remembered finding down.
    from = c.messages.length;
    c.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// top\n' }] });
    const first3 = await c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.version === 3, 20000, from);
    eq(codes(first3)[0], ['E0500', '2:4-2:5'], 'v3 moved finding');
    // Editing inside the finding's range drops it until the analysis is back.
    from = c.messages.length;
    c.notify('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [
        { range: { start: { line: 2, character: 4 }, end: { line: 2, character: 5 } }, text: 'b' }] });
    const first4 = await c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.version === 4, 20000, from);
    eq(first4.params.diagnostics.map((x) => x.code), ['E0102'], 'v4 edited finding dropped');
    // The analysis of v4 confirms: no redeclaration any more.
    await c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.version === 4 && m !== first4, 20000, from);
    const last = c.messages.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri).pop();
    eq(last.params.diagnostics.map((x) => x.code), ['E0102'], 'v4 analyzed');
});

T('publishDiagnostics: lint findings follow ochre.json and suppression comments', async () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'ochre-lsp-lint-'));
    fs.writeFileSync(path.join(dir, 'ochre.json'), JSON.stringify({ rules: { 'no-unused-vars': 'warn' } }));
    const file = path.join(dir, 'a.js');
    const uri = 'file://' + file;
    const c = new Client();
    await c.initialize(CAPS, { lint: true });
    const text = 'var unused = 1;\nvar hidden = 2; // eslint-disable-line no-unused-vars\nnotDeclared();\n';
    fs.writeFileSync(file, text);
    open(c, uri, text);
    const d = await c.diagnostics(uri, 1);
    eq(d.params.diagnostics.map((x) => [x.code, R(x.range), x.severity]), [
        ['W1002', '0:4-0:10', 2],   // warn per ochre.json
        ['W1001', '2:0-2:11', 1],   // no-undef: recommended, error
    ], 'configured levels, suppressed line left out');
    // A saved ochre.json applies to the open documents at once.
    fs.writeFileSync(path.join(dir, 'ochre.json'), JSON.stringify({ rules: { 'no-unused-vars': 'off', 'no-undef': 'warn' } }));
    const from = c.messages.length;
    c.notify('textDocument/didSave', { textDocument: { uri: 'file://' + path.join(dir, 'ochre.json') } });
    const d2 = await c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri, 5000, from);
    eq(d2.params.diagnostics.map((x) => [x.code, x.severity]), [['W1001', 2]], 'new settings');
    await c.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
});

T('didChange: a burst publishes only the last version', async () => {
    const c = await srv();
    const uri = 'file:///f/burst.js';
    open(c, uri, 'x', 1);
    await c.diagnostics(uri, 1);
    const from = c.messages.length;
    for (let v = 2; v <= 50; v++)
        c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: v % 2 ? 'x(' : 'x' }] });
    const d = await c.diagnostics(uri, 50);
    eq(d.params.diagnostics, [], 'v50 clean');
    const vs = c.messages.slice(from).filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri).map((m) => m.params.version);
    check(vs[vs.length - 1] === 50 && vs.every((v, i) => i === 0 || v > vs[i - 1]), 'increasing versions ending at 50: ' + vs);
});

T('didClose clears diagnostics; didSave is accepted', async () => {
    const c = await srv();
    const uri = 'file:///f/close.js';
    open(c, uri, 'let = ;');
    await c.diagnostics(uri, 1);
    c.notify('textDocument/didSave', { textDocument: { uri } });
    const from = c.messages.length;
    c.notify('textDocument/didClose', { textDocument: { uri } });
    const d = await c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri, 5000, from);
    eq(d.params, { uri, diagnostics: [] }, 'cleared');
    eq(c.messages.slice(from).filter((m) => !m.method).length, 0, 'no responses');
});

T('textDocument/diagnostic: full, then unchanged, then full after an edit', async () => {
    const c = await srv();
    const uri = 'file:///f/pull.js';
    open(c, uri, 'var v = [1, 2;\n');
    const a = await result(c, 'textDocument/diagnostic', doc(uri));
    eq(a.kind, 'full', 'kind');
    eq(a.items.map((x) => [x.code, R(x.range), x.source, x.severity]), [['E0102', '0:13-0:14', 'ochre', 1]], 'items');
    const b = await result(c, 'textDocument/diagnostic', { textDocument: { uri }, previousResultId: a.resultId });
    eq(b, { kind: 'unchanged', resultId: a.resultId }, 'unchanged');
    c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [
        { range: { start: { line: 0, character: 13 }, end: { line: 0, character: 13 } }, text: ']' }] });
    const d = await result(c, 'textDocument/diagnostic', { textDocument: { uri }, previousResultId: a.resultId });
    eq(d.kind, 'full', 'full after an edit'); eq(d.items, [], 'fixed');
    check(d.resultId !== a.resultId, 'new resultId');
});

// ---------------------------------------------------------------------------
// Compact symbol trees: [name, kind, range, selectionRange, detail?, children?]
function compact(syms) {
    return syms.map((s) => {
        const o = [s.name, s.kind, R(s.range), R(s.selectionRange)];
        if (s.detail !== undefined || s.children) o.push(s.detail === undefined ? null : s.detail);
        if (s.children) o.push(compact(s.children));
        return o;
    });
}
T('documentSymbol: hierarchical outline of a module', async () => {
    const c = await srv();
    open(c, SAMPLE_URI, SAMPLE);
    eq(compact(await result(c, 'textDocument/documentSymbol', doc(SAMPLE_URI))), [
        ['VERSION', 14, '8:13-8:28', '8:13-8:20', 'export'],
        ['counter', 13, '9:4-9:15', '9:4-9:11'],
        ['greet', 12, '11:7-14:1', '11:16-11:21', 'export'],
        ['Greeter', 5, '16:15-28:1', '16:21-16:28', 'export default', [
            ['#secret', 8, '17:2-17:15', '17:2-17:9'],
            ['count', 8, '18:2-18:19', '18:9-18:14', 'static'],
            ['constructor', 9, '19:2-22:3', '19:2-19:13'],
            ['secret', 7, '23:2-23:39', '23:6-23:12', 'get'],
            ['hello', 6, '24:2-27:3', '24:2-24:7'],
        ]],
        ['config', 14, '30:6-35:1', '30:6-30:12', null, [
            ['name', 7, '31:2-31:16', '31:2-31:6'],
            ['run', 6, '32:2-32:43', '32:2-32:5'],
            ['nested', 7, '33:2-34:8', '33:2-33:8', null, [['deep', 7, '33:12-34:6', '33:12-33:16']]],
        ]],
        ['load', 12, '37:0-43:1', '37:15-37:19', null, [['inner', 12, '41:2-41:35', '41:11-41:16']]],
        ['load', 13, '44:9-44:13', '44:9-44:13', 'export'],
        ['settings', 13, '44:15-44:33', '44:25-44:33', 'export'],
    ], 'outline');
});

T('documentSymbol: scripts, destructuring, callbacks, anonymous defaults', async () => {
    const c = await srv();
    const uri = 'file:///f/sym2.mjs';
    open(c, uri, [
        'const { a, b: [c, ...d] } = obj;',
        'describe("x", () => { function helper() {} let local = 1; });',
        'export default function () {}',
        'export * as ns from "./m.js";',
        'const K = class Named { m() {} };',
        'let f = async (x) => { const g = function () {}; };',
    ].join('\n'));
    eq(compact(await result(c, 'textDocument/documentSymbol', doc(uri))), [
        ['a', 14, '0:8-0:9', '0:8-0:9'],
        ['c', 14, '0:15-0:16', '0:15-0:16'],
        ['d', 14, '0:21-0:22', '0:21-0:22'],
        ['helper', 12, '1:22-1:42', '1:31-1:37'],
        ['default', 12, '2:15-2:29', '2:15-2:15', 'export default'],
        ['ns', 13, '3:0-3:29', '3:12-3:14', 're-export'],
        ['K', 5, '4:6-4:32', '4:6-4:7', null, [['m', 6, '4:24-4:30', '4:24-4:25']]],
        ['f', 12, '5:4-5:50', '5:4-5:5', null, [['g', 12, '5:29-5:47', '5:29-5:30']]],
    ], 'outline');
});

T('documentSymbol: flat SymbolInformation without hierarchical support', async () => {
    const c = new Client();
    await c.initialize({});
    const uri = 'file:///f/flat.js';
    open(c, uri, 'class A {\n  m() {}\n}\nfunction g() {}\n');
    const r = await result(c, 'textDocument/documentSymbol', doc(uri));
    eq(r.map((s) => [s.name, s.kind, s.location.uri, R(s.location.range), s.containerName]), [
        ['A', 5, uri, '0:0-2:1', undefined],
        ['m', 6, uri, '1:2-1:8', 'A'],
        ['g', 12, uri, '3:0-3:15', undefined],
    ], 'flat symbols');
    c.kill();
});

T('foldingRange: blocks, objects, imports, comments, regions', async () => {
    const c = await srv();
    open(c, SAMPLE_URI, SAMPLE);
    eq(await result(c, 'textDocument/foldingRange', doc(SAMPLE_URI)), [
        { startLine: 0, endLine: 3, kind: 'region' },
        { startLine: 1, endLine: 2, kind: 'imports' },
        { startLine: 5, endLine: 7, kind: 'comment' },
        { startLine: 11, endLine: 13 },
        { startLine: 16, endLine: 27 },
        { startLine: 19, endLine: 21 },
        { startLine: 24, endLine: 26 },
        { startLine: 30, endLine: 34 },
        { startLine: 37, endLine: 42 },
        { startLine: 38, endLine: 39, kind: 'comment' },
    ], 'folding ranges');
});

T('foldingRange: arrays, templates, JSX, switch; rangeLimit', async () => {
    const c = new Client();
    await c.initialize({ textDocument: { foldingRange: { rangeLimit: 2 } } });
    const uri = 'file:///f/fold.jsx';
    const text = 'const a = [\n  1,\n  2,\n];\nconst t = `x\ny\nz`;\nswitch (a) {\n  case 1:\n    break;\n}\nconst j = (\n  <div>\n    <b>hi</b>\n  </div>\n);\n';
    open(c, uri, text);
    eq(await result(c, 'textDocument/foldingRange', doc(uri)), [{ startLine: 0, endLine: 2 }, { startLine: 4, endLine: 5 }], 'limited to 2');
    c.kill();
    const c2 = await srv();
    open(c2, uri, text);
    eq(await result(c2, 'textDocument/foldingRange', doc(uri)), [
        { startLine: 0, endLine: 2 }, { startLine: 4, endLine: 5 }, { startLine: 7, endLine: 9 }, { startLine: 12, endLine: 13 },
    ], 'all');
});

T('selectionRange: AST ancestors, innermost first', async () => {
    const c = await srv();
    const uri = 'file:///f/sel.js';
    open(c, uri, 'function f(a) {\n  return g(a + 1, 2);\n}\n');
    const r = await result(c, 'textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 1, character: 11 }, { line: 0, character: 0 }] });
    const chain = (s) => { const out = []; for (; s; s = s.parent) out.push(R(s.range)); return out; };
    eq(chain(r[0]), ['1:11-1:12', '1:11-1:16', '1:9-1:20', '1:2-1:21', '0:14-2:1', '0:0-2:1', '0:0-3:0'], 'a -> a + 1 -> call -> return -> body -> function -> file');
    eq(chain(r[1]), ['0:0-2:1', '0:0-3:0'], 'at the function keyword');
});

// Decodes semantic tokens into "line:col text type[.mods]".
function decode(text, legend, data) {
    const lines = text.split(/\r\n|\n/);
    const out = [];
    let line = 0, col = 0;
    for (let i = 0; i < data.length; i += 5) {
        if (data[i]) { line += data[i]; col = data[i + 1]; } else col += data[i + 1];
        const mods = legend.tokenModifiers.filter((_, k) => data[i + 4] & (1 << k));
        out.push(`${line}:${col} ${lines[line].slice(col, col + data[i + 2])} ${legend.tokenTypes[data[i + 3]]}${mods.length ? '.' + mods.join('.') : ''}`);
    }
    return out;
}
const LEGEND = {
    tokenTypes: ['keyword', 'string', 'number', 'regexp', 'comment', 'operator', 'variable', 'function', 'class', 'parameter', 'property', 'method'],
    tokenModifiers: ['declaration', 'readonly', 'defaultLibrary'],
};
const SEM_TEXT = [
    'import { x } from "m"; // note',
    'class Box { #v = 1; get v() { return this.#v; } }',
    'function area(w, h = 2) { return w * h ?? /re/u.test(`a${w}b`); }',
    'const o = { k: 1n, m() {} }, { k } = o;',
    'label: for (;;) { break label; }',
    '/* multi',
    '   line */ new.target;',
].join('\n');
T('semanticTokens/full: every token type with bindings', async () => {
    const c = await srv();
    const uri = 'file:///f/sem.mjs';
    open(c, uri, SEM_TEXT);
    const r = await result(c, 'textDocument/semanticTokens/full', doc(uri));
    eq(decode(SEM_TEXT, LEGEND, r.data), [
        '0:0 import keyword', '0:9 x variable.declaration.readonly', '0:13 from keyword', '0:18 "m" string', '0:23 // note comment',
        '1:0 class keyword', '1:6 Box class.declaration', '1:12 #v property.declaration', '1:15 = operator', '1:17 1 number',
        '1:20 get keyword', '1:24 v method.declaration', '1:30 return keyword', '1:37 this keyword', '1:42 #v property',
        '2:0 function keyword', '2:9 area function.declaration', '2:14 w parameter.declaration', '2:17 h parameter.declaration',
        '2:19 = operator', '2:21 2 number', '2:26 return keyword', '2:33 w parameter', '2:35 * operator', '2:37 h parameter',
        '2:39 ?? operator', '2:42 /re/u regexp', '2:48 test property', '2:53 `a${ string', '2:57 w parameter', '2:58 }b` string',
        '3:0 const keyword', '3:6 o variable.declaration.readonly', '3:8 = operator', '3:12 k property', '3:15 1n number',
        '3:19 m method', '3:31 k variable.declaration.readonly', '3:35 = operator', '3:37 o variable.readonly',
        '4:7 for keyword', '4:18 break keyword',
        '5:0 /* multi comment', '6:0    line */ comment', '6:11 new keyword', '6:15 target keyword',
    ], 'tokens');
});

T('semanticTokens/range: only tokens in the range', async () => {
    const c = await srv();
    const uri = 'file:///f/sem.mjs';
    open(c, uri, SEM_TEXT);
    const r = await result(c, 'textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: { line: 2, character: 26 }, end: { line: 2, character: 38 } } });
    eq(decode(SEM_TEXT, LEGEND, r.data), ['2:26 return keyword', '2:33 w parameter', '2:35 * operator', '2:37 h parameter'], 'range tokens');
    const r2 = await result(c, 'textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: { line: 5, character: 3 }, end: { line: 6, character: 2 } } });
    eq(decode(SEM_TEXT, LEGEND, r2.data), ['5:0 /* multi comment', '6:0    line */ comment'], 'a comment that starts before the range');
});

T('semanticTokens: UTF-16 columns and lengths, and UTF-8 when negotiated', async () => {
    const text = 'let s = "é😀"; s;\n';
    const c = await srv();
    open(c, 'file:///f/u.js', text);
    const r = await result(c, 'textDocument/semanticTokens/full', doc('file:///f/u.js'));
    eq(r.data, [0, 0, 3, 0, 0, 0, 4, 1, 6, 1, 0, 2, 1, 5, 0, 0, 2, 5, 1, 0, 0, 7, 1, 6, 0], 'utf-16');
    const c8 = new Client();
    await c8.initialize({ general: { positionEncodings: ['utf-8'] } });
    open(c8, 'file:///f/u.js', text);
    const r8 = await result(c8, 'textDocument/semanticTokens/full', doc('file:///f/u.js'));
    eq(r8.data, [0, 0, 3, 0, 0, 0, 4, 1, 6, 1, 0, 2, 1, 5, 0, 0, 2, 8, 1, 0, 0, 10, 1, 6, 0], 'utf-8');
    c8.kill();
});

// ---------------------------------------------------------------------------
// Navigation (definition, references, highlights, rename, hover, completion,
// code actions). WS: a workspace folder on disk (tests/lsp/fixtures/ws).
const WS = path.join(__dirname, 'fixtures', 'ws');
const wsUri = (rel) => 'file://' + path.join(WS, rel);
const at = (uri, line, character, extra = {}) => ({ textDocument: { uri }, position: { line, character }, ...extra });
const loc = (l) => `${l.uri.startsWith('file://' + WS) ? l.uri.slice(('file://' + WS).length + 1) : l.uri} ${R(l.range)}`;
async function wsServer() {
    const c = new Client();
    await c.call('initialize', { processId: null, rootUri: 'file://' + WS, capabilities: CAPS,
        workspaceFolders: [{ uri: 'file://' + WS, name: 'ws' }] });
    c.notify('initialized', {});
    return c;
}
// Applies a WorkspaceEdit's edits for one URI to a text.
function applyEdits(text, edits) {
    const lines = text.split('\n');
    const off = (p) => lines.slice(0, p.line).reduce((a, l) => a + l.length + 1, 0) + p.character;
    const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
    for (const e of sorted) text = text.slice(0, off(e.range.start)) + e.newText + text.slice(off(e.range.end));
    return text;
}
async function failure(c, method, params) {
    const r = await c.call(method, params, 20000);
    check(r.error, `${method}: error expected, got ${JSON.stringify(r.result)}`);
    return r.error;
}

const NAV = [
    'function outer(a) {',          // 0
    '  let total = a;',              // 1
    '  total += 1;',                 // 2
    '  lbl: for (;;) break lbl;',    // 3
    '  return { total, a };',        // 4
    '}',                             // 5
    'class Box { m() { return Box; } }', // 6
    'outer(new Box());',             // 7
].join('\n');

T('definition: local bindings, classes, nothing on keywords', async () => {
    const c = await srv();
    const uri = 'file:///f/nav.js';
    open(c, uri, NAV);
    eq((await result(c, 'textDocument/definition', at(uri, 2, 4))).map(loc), [`${uri} 1:6-1:11`], 'total');
    eq((await result(c, 'textDocument/definition', at(uri, 4, 18))).map(loc), [`${uri} 0:15-0:16`], 'shorthand a -> parameter');
    eq((await result(c, 'textDocument/definition', at(uri, 7, 1))).map(loc), [`${uri} 0:9-0:14`], 'outer');
    eq((await result(c, 'textDocument/definition', at(uri, 6, 27))).map(loc), [`${uri} 6:6-6:9`], 'Box inside its body');
    eq((await result(c, 'textDocument/definition', at(uri, 3, 24))).map(loc), [`${uri} 3:2-3:5`], 'label');
    eq(await result(c, 'textDocument/definition', at(uri, 4, 4)), null, 'keyword');
    eq(await result(c, 'textDocument/definition', at(uri, 99, 0)), null, 'past the end');
});

T('definition: imports lead to the export in an open document, a file on disk, through re-exports', async () => {
    const c = await wsServer();
    const main = wsUri('main.mjs');
    const text = 'import { scale, aid } from "./lib.mjs";\nimport * as lib from "./lib.mjs";\nimport { nope } from "./lib.mjs";\nimport x from "./missing.js";\nscale(aid(), lib.LIMIT, nope, x);\n';
    open(c, main, text);
    const def = async (l, ch) => (await result(c, 'textDocument/definition', at(main, l, ch))).map(loc);
    eq(await def(4, 1), ['lib.mjs 7:16-7:21'], 'scale -> export function scale (file on disk)');
    eq(await def(4, 7), ['util/index.js 1:16-1:22'], 'aid -> re-export -> helper');
    eq(await def(4, 13), ['lib.mjs 0:0-0:0'], 'namespace -> module');
    eq(await def(4, 25), [`${main.slice(('file://' + WS).length + 1)} 2:9-2:13`], 'not exported: the import specifier');
    eq(await def(4, 31), [`${main.slice(('file://' + WS).length + 1)} 3:7-3:8`], 'unresolvable module: the import specifier');
    eq(await def(0, 30), ['lib.mjs 0:0-0:0'], 'on the module string');
    const re = wsUri('re.mjs');
    open(c, re, 'export { scale as s, nothing } from "./lib.mjs";\n');
    eq((await result(c, 'textDocument/definition', at(re, 0, 11))).map(loc), ['lib.mjs 7:16-7:21'], 're-export specifier');
    eq(await result(c, 'textDocument/definition', at(re, 0, 23)), null, 're-export of a missing name');
    // The open document's text wins over the file on disk.
    open(c, wsUri('lib.mjs'), '\n\nexport const scale = 1;\n');
    eq(await def(4, 1), ['lib.mjs 2:13-2:18'], 'open document');
    c.kill();
});

T('references: includeDeclaration, writes, importers among open documents', async () => {
    const c = await srv();
    const uri = 'file:///f/nav.js';
    open(c, uri, NAV);
    eq((await result(c, 'textDocument/references', at(uri, 1, 7, { context: { includeDeclaration: true } }))).map(loc),
        [`${uri} 1:6-1:11`, `${uri} 2:2-2:7`, `${uri} 4:11-4:16`], 'with the declaration');
    eq((await result(c, 'textDocument/references', at(uri, 2, 2, { context: { includeDeclaration: false } }))).map(loc),
        [`${uri} 2:2-2:7`, `${uri} 4:11-4:16`], 'without');
    eq((await result(c, 'textDocument/references', at(uri, 6, 7, { context: { includeDeclaration: true } }))).map(loc),
        [`${uri} 6:6-6:9`, `${uri} 6:25-6:28`, `${uri} 7:10-7:13`], 'class: outer and inner name');
    const a = 'file:///g/a.mjs', b = 'file:///g/b.mjs', n = 'file:///g/n.mjs';
    open(c, a, 'export function f() {}\nf();\nexport { f as g };\n');
    open(c, b, 'import { f } from "./a.mjs";\nimport { g as h } from "./a.mjs";\nf(); h();\n');
    open(c, n, 'import * as ns from "./a.mjs";\nns.f(); ns.other();\n');
    const want = ['file:///g/a.mjs 0:16-0:17', 'file:///g/a.mjs 1:0-1:1', 'file:///g/a.mjs 2:9-2:10',
        'file:///g/b.mjs 0:9-0:10', 'file:///g/b.mjs 2:0-2:1', 'file:///g/b.mjs 1:9-1:10', 'file:///g/b.mjs 1:14-1:15', 'file:///g/b.mjs 2:5-2:6',
        'file:///g/n.mjs 1:3-1:4'];
    const sortLocs = (x) => x.map(loc).sort();
    eq(sortLocs(await result(c, 'textDocument/references', at(a, 0, 16, { context: { includeDeclaration: true } }))), [...want].sort(), 'from the export');
    eq(sortLocs(await result(c, 'textDocument/references', at(b, 2, 0, { context: { includeDeclaration: true } }))), [...want].sort(), 'from an importer');
});

T('documentHighlight: read and write kinds', async () => {
    const c = await srv();
    const uri = 'file:///f/nav.js';
    open(c, uri, NAV);
    const hl = (r) => r.map((h) => `${R(h.range)} ${h.kind}`);
    eq(hl(await result(c, 'textDocument/documentHighlight', at(uri, 1, 6))), ['1:6-1:11 3', '2:2-2:7 3', '4:11-4:16 2'], 'let total');
    eq(hl(await result(c, 'textDocument/documentHighlight', at(uri, 0, 15))), ['0:15-0:16 3', '1:14-1:15 2', '4:18-4:19 2'], 'parameter');
    const g = 'file:///f/glob.js';
    open(c, g, 'console.log(1);\nconsole = 2;\n');
    eq(hl(await result(c, 'textDocument/documentHighlight', at(g, 0, 2))), ['0:0-0:7 2', '1:0-1:7 3'], 'a global');
    eq(await result(c, 'textDocument/documentHighlight', at(g, 0, 8)), [], 'a property');
});

T('rename: prepareRename, shorthand properties, export and import specifiers, class names', async () => {
    const c = await srv();
    const uri = 'file:///r/one.mjs';
    const text = [
        'import { dep } from "./none.mjs";',
        'let x = 1;',
        'const o = { x, y: x };',
        'const { x: z = x } = o;',
        'export { x };',
        'class K { m() { return K; } }',
        'dep(new K(), z);',
    ].join('\n');
    open(c, uri, text);
    eq(await result(c, 'textDocument/prepareRename', at(uri, 2, 13)), { range: { start: { line: 2, character: 12 }, end: { line: 2, character: 13 } }, placeholder: 'x' }, 'prepare');
    const e1 = await result(c, 'textDocument/rename', at(uri, 1, 4, { newName: 'val' }));
    eq(Object.keys(e1.changes), [uri], 'one document');
    eq(applyEdits(text, e1.changes[uri]).split('\n').slice(1, 5), [
        'let val = 1;', 'const o = { x: val, y: val };', 'const { x: z = val } = o;', 'export { val as x };'], 'x -> val');
    const e2 = await result(c, 'textDocument/rename', at(uri, 6, 1, { newName: 'use' }));
    eq(applyEdits(text, e2.changes[uri]).split('\n')[0], 'import { dep as use } from "./none.mjs";', 'import keeps the imported name');
    const e3 = await result(c, 'textDocument/rename', at(uri, 5, 24, { newName: 'Crate' }));
    eq(applyEdits(text, e3.changes[uri]).split('\n').slice(5), ['class Crate { m() { return Crate; } }', 'dep(new Crate(), z);'], 'class: both names');
    eq((await failure(c, 'textDocument/rename', at(uri, 3, 11, { newName: 'x' }))).message, "cannot rename 'z' to 'x': 'x' is already declared in its scope (line 2)", 'z -> x');
    eq((await failure(c, 'textDocument/prepareRename', at(uri, 1, 1))).code, -32803, 'nothing to rename on a keyword');
});

T('rename: refusals (invalid identifier, reserved word, redeclaration, shadowing, capture)', async () => {
    const c = await srv();
    const uri = 'file:///r/two.js';
    const text = [
        'var a = 1, b = 2;',                       // 0
        'function f(p) { { let q = 0; return a + p + q; } }', // 1
        'function g() { return c; }',              // 2
        'function h(m) { { let n; } return m; }',  // 3
    ].join('\n');
    open(c, uri, text);
    const ren = (l, ch, newName) => failure(c, 'textDocument/rename', at(uri, l, ch, { newName }));
    eq((await ren(1, 11, '1x')).message, "'1x' is not a valid identifier", 'invalid');
    eq((await ren(1, 11, 'a-b')).message, "'a-b' is not a valid identifier", 'invalid chars');
    eq((await ren(1, 11, 'while')).message, "'while' is a reserved word here; it cannot name a binding", 'reserved');
    eq((await ren(0, 4, 'b')).message, "cannot rename 'a' to 'b': 'b' is already declared in its scope (line 1)", 'redeclaration');
    eq((await ren(1, 22, 'p')).message, "cannot rename 'q' to 'p': the use of 'p' at line 2 would then refer to the renamed binding", 'captures a parameter');
    eq((await ren(1, 11, 'q')).message, "cannot rename 'p' to 'q': the use at line 2 would refer to the 'q' declared at line 2", 'shadowed by an inner binding');
    eq((await ren(2, 9, 'c')).message, "cannot rename 'g' to 'c': the use of 'c' at line 3 would then refer to the renamed binding", 'captures a global');
    eq((await ren(0, 4, 'q')).message, "cannot rename 'a' to 'q': the use at line 2 would refer to the 'q' declared at line 2", 'inner q between use and binding');
    const ev = 'file:///r/eval.js';
    open(c, ev, 'function e(k) { eval("k"); return k; }');
    eq((await failure(c, 'textDocument/rename', at(ev, 0, 11, { newName: 'k2' }))).message, "cannot rename 'k': a direct eval may see it by name", 'eval');
    const ok = await result(c, 'textDocument/rename', at(uri, 3, 11, { newName: 'n' }));
    eq(applyEdits(text, ok.changes[uri]).split('\n')[3], 'function h(n) { { let n; } return n; }', 'an inner binding not between a use and the binding is fine');
    const s = 'file:///r/strict.mjs';
    open(c, s, 'let v = 1; v;');
    eq((await failure(c, 'textDocument/rename', at(s, 0, 4, { newName: 'await' }))).message, "'await' is a reserved word here; it cannot name a binding", 'await in a module');
    eq((await failure(c, 'textDocument/rename', at(s, 0, 4, { newName: 'arguments' }))).message, "'arguments' is a reserved word here; it cannot name a binding", 'arguments in strict code');
});

T('rename: private names within their class', async (c) => {
    const c2 = await srv();
    const uri = 'file:///r/priv.js';
    const text = [
        'class A {',                                   // 0
        '  #x = 1; #z = 2;',                           // 1
        '  m(o) { return this.#x + (#x in o); }',      // 2
        '  n() { return class { #y; k() { return this.#y; } f(a) { return a.#x; } }; }', // 3
        '}',                                           // 4
    ].join('\n');
    open(c2, uri, text);
    eq(await result(c2, 'textDocument/prepareRename', at(uri, 2, 22)), { range: { start: { line: 2, character: 21 }, end: { line: 2, character: 23 } }, placeholder: '#x' }, 'prepare');
    const e = await result(c2, 'textDocument/rename', at(uri, 1, 3, { newName: '#w' }));
    eq(applyEdits(text, e.changes[uri]).split('\n').slice(1, 4), ['  #w = 1; #z = 2;', '  m(o) { return this.#w + (#w in o); }',
        '  n() { return class { #y; k() { return this.#y; } f(a) { return a.#w; } }; }'], 'all uses, nested class included');
    eq(applyEdits(text, (await result(c2, 'textDocument/rename', at(uri, 1, 3, { newName: 'class' }))).changes[uri]).split('\n')[1], '  #class = 1; #z = 2;', 'reserved words are fine without #');
    eq((await failure(c2, 'textDocument/rename', at(uri, 1, 3, { newName: '#z' }))).message, "cannot rename '#x' to '#z': the class already declares it (line 2)", 'duplicate');
    eq((await failure(c2, 'textDocument/rename', at(uri, 1, 3, { newName: '#y' }))).message, "cannot rename '#x' to '#y': the use at line 4 is inside a class that declares '#y'", 'shadowed in a nested class');
    eq((await failure(c2, 'textDocument/rename', at(uri, 1, 3, { newName: '#1' }))).message, "'#1' is not a valid private name", 'invalid');
});

T('rename: an exported declaration renames its imports in open documents and workspace files', async () => {
    const c = await wsServer();
    const lib = wsUri('lib.mjs');
    const libText = fs.readFileSync(path.join(WS, 'lib.mjs'), 'utf8');
    open(c, lib, libText);
    const side = 'file:///elsewhere/side.mjs';
    const mainUri = wsUri('main.mjs');
    const mainText = 'import { scale as sc, LIMIT } from "./lib.mjs";\nsc(LIMIT);\n';
    open(c, mainUri, mainText);
    const e = await result(c, 'textDocument/rename', at(lib, 7, 18, { newName: 'resize' }));
    eq(Object.keys(e.changes).map((u) => u.slice(('file://' + WS).length + 1)).sort(), ['lib.mjs', 'main.mjs', 'user.mjs'], 'documents');
    eq(applyEdits(libText, e.changes[lib]).split('\n')[7], 'export function resize(v, by = 2) {', 'declaration');
    eq(applyEdits(mainText, e.changes[mainUri]), 'import { resize as sc, LIMIT } from "./lib.mjs";\nsc(LIMIT);\n', 'open importer keeps its local name');
    const userText = fs.readFileSync(path.join(WS, 'user.mjs'), 'utf8');
    eq(applyEdits(userText, e.changes[wsUri('user.mjs')]), 'import { resize, LIMIT } from "./lib.mjs";\n\nexport const twice = resize(LIMIT);\n', 'workspace file on disk');
    // `export { count }` keeps the exported name: no importer changes.
    const e2 = await result(c, 'textDocument/rename', at(lib, 12, 5, { newName: 'total' }));
    eq(Object.keys(e2.changes), [lib], 'only lib');
    eq(applyEdits(libText, e2.changes[lib]).split('\n').slice(12, 14), ['let total = 0;', 'export { total as count };'], 'specifier');
    // A conflict in an importer refuses the whole rename.
    const clash = wsUri('clash.mjs');
    open(c, clash, 'import { LIMIT } from "./lib.mjs";\nconst MAX = LIMIT;\n');
    eq((await failure(c, 'textDocument/rename', at(lib, 11, 14, { newName: 'MAX' }))).message,
        "cannot rename 'LIMIT' to 'MAX': 'MAX' is already declared in its scope (clash.mjs:2)", 'importer conflict');
    c.kill();
});

T('hover: kinds, signatures, declaration line, JSDoc summary, globals, imports', async () => {
    const c = await wsServer();
    const uri = wsUri('hover.mjs');
    const text = [
        'import { scale } from "./lib.mjs";',               // 0
        '/**',                                             // 1
        ' * Makes a box.',                                 // 2
        ' * Second line.',                                 // 3
        ' *',                                              // 4
        ' * Details.',                                     // 5
        ' */',                                             // 6
        'export class Box extends Array {}',               // 7
        '/** Adds. @param a first */',                     // 8
        'async function add(a, { b } = {}) { return a; }', // 9
        'const k = 1, f = (x, y) => x;',                   // 10
        'Math.max(k, scale(2), add(1), new Box(), f);',    // 11
    ].join('\n');
    open(c, uri, text);
    const hov = async (l, ch) => (await result(c, 'textDocument/hover', at(uri, l, ch)));
    const h1 = await hov(11, 10);
    eq(h1.contents, { kind: 'markdown', value: '```js\n(const) k\n```\n\n*line 11*\n```js\nconst k = 1, f = (x, y) => x;\n```' }, 'const');
    eq(R(h1.range), '11:9-11:10', 'range');
    eq((await hov(11, 23)).contents.value, '```js\nasync function add(a, { b } = {})\n```\n\n*line 10*\n```js\nasync function add(a, { b } = {}) { return a; }\n```\n\n---\n\nAdds.', 'function with JSDoc');
    eq((await hov(9, 19)).contents.value.split('\n---\n')[0], '```js\n(parameter) a\n```\n\n*line 10*\n```js\nasync function add(a, { b } = {}) { return a; }\n```\n', 'parameter');
    eq((await hov(11, 35)).contents.value, '```js\nclass Box extends Array\n```\n\n*line 8*\n```js\nexport class Box extends Array {}\n```\n\n---\n\nMakes a box.\nSecond line.', 'class with a JSDoc paragraph');
    eq((await hov(11, 41)).contents.value.split('\n')[1], '(const) f: (x, y) => …', 'arrow const');
    eq((await hov(11, 1)).contents.value, '```js\n(global) Math\n```\n\nMathematical constants and functions.', 'global');
    eq((await hov(11, 6)).contents.value, '```js\n(method) Math.max\n```\n\nMathematical constants and functions.', 'member of a built-in');
    eq((await hov(11, 14)).contents.value, '```js\nfunction scale(v, by = 2)\n(import) scale from "./lib.mjs"\n```\n\n*line 8 of lib.mjs*\n```js\nexport function scale(v, by = 2) {\n```\n\n---\n\nScales a value.', 'import from a file on disk');
    eq(await hov(4, 1), null, 'in a comment');
    c.kill();
});

T('completion: bindings in scope, globals, keywords by position, members of built-ins', async () => {
    const c = await srv();
    const uri = 'file:///c/comp.mjs';
    const text = [
        'const alpha = 1;',                           // 0
        'function beta(gamma) {',                     // 1
        '  let delta = gamma;',                       // 2
        '  ',                                         // 3
        '}',                                          // 4
        'async function* gen() { const x = ; }',      // 5
        'class C { m() { ; } }',                      // 6
        'Math.m',                                     // 7
        'let v = a',                                  // 8
        'JSON.',                                      // 9
    ].join('\n');
    open(c, uri, text);
    const comp = async (l, ch) => (await result(c, 'textDocument/completion', at(uri, l, ch))).items;
    const items = await comp(3, 2);
    const byLabel = Object.fromEntries(items.map((i) => [i.label, i.kind]));
    eq([byLabel.alpha, byLabel.beta, byLabel.gamma, byLabel.delta, byLabel.Math, byLabel.Promise, byLabel.return, byLabel.if],
        [21, 3, 6, 6, 9, 7, 14, 14], 'kinds: const, function, parameter, let, namespace, class, keywords');
    check(!byLabel.await && !byLabel.yield && !byLabel.break && !byLabel.export && byLabel.import, 'no await/yield/break/export here; import()');
    const gen = Object.fromEntries((await comp(5, 34)).map((i) => [i.label, i.kind]));
    check(gen.await && gen.yield && !gen.return && !gen.if, 'expression position in an async generator: await, yield, no statements');
    const meth = Object.fromEntries((await comp(6, 16)).map((i) => [i.label, i.kind]));
    check(meth.super && meth.return && !meth.await, 'method: super, return');
    eq((await comp(7, 6)).map((i) => i.label).sort(), ['max', 'min'], 'Math.m');
    eq((await comp(8, 9)).map((i) => i.label).sort(), ['Array', 'ArrayBuffer', 'AsyncDisposableStack', 'Atomics', 'alpha', 'async', 'await'], 'prefix a, any case');
    eq((await comp(9, 5)).map((i) => [i.label, i.kind]).sort(), [['isRawJSON', 2], ['parse', 2], ['rawJSON', 2], ['stringify', 2]], 'JSON.');
    const top = Object.fromEntries((await comp(0, 0)).map((i) => [i.label, i.kind]));
    check(top.export && top.await && top.const, 'module top level: export, top-level await');
});

T('codeAction: quick fixes with isPreferred, suggestions, disable-line, range and only filters', async () => {
    const c = await srv();
    const uri = 'file:///a/fix.js';
    const text = [
        'function f() {',                 // 0
        '  unused: for (;;) { break; }',  // 1
        '  return "\\a";',                // 2
        '}',                              // 3
        'f();',                           // 4
    ].join('\n');
    open(c, uri, text);
    const range = (l1, c1, l2, c2) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
    const acts = await result(c, 'textDocument/codeAction', { textDocument: { uri }, range: range(1, 4, 1, 4), context: { diagnostics: [] } });
    eq(acts.map((a) => [a.title, a.kind, a.isPreferred || false, R(a.diagnostics[0].range)]), [
        ['Remove the unused label', 'quickfix', true, '1:2-1:8'],
        ['Disable no-unused-labels for this line', 'quickfix', false, '1:2-1:8'],
    ], 'label fix and disable');
    check(/^W\d{4}$/.test(acts[0].diagnostics[0].code) && acts[0].diagnostics[0].code === acts[1].diagnostics[0].code, 'W code');
    eq(applyEdits(text, acts[0].edit.changes[uri]).split('\n')[1], '  for (;;) { break; }', 'fix applied');
    eq(applyEdits(text, acts[1].edit.changes[uri]).split('\n').slice(1, 3), ['  // ochre-ignore-next-line no-unused-labels', '  unused: for (;;) { break; }'], 'directive with indentation');
    const esc = await result(c, 'textDocument/codeAction', { textDocument: { uri }, range: range(2, 10, 2, 11), context: { diagnostics: [] } });
    eq(esc.map((a) => [a.title, a.isPreferred || false]), [
        ["Remove the `\\` (same meaning)", false], ["Replace the `\\` with `\\\\` to include the backslash", false], ['Disable no-useless-escape for this line', false]], 'suggestions are not preferred');
    eq(await result(c, 'textDocument/codeAction', { textDocument: { uri }, range: range(4, 0, 4, 4), context: { diagnostics: [] } }), [], 'nothing on line 5');
    eq(await result(c, 'textDocument/codeAction', { textDocument: { uri }, range: range(1, 0, 1, 0), context: { diagnostics: [], only: ['refactor'] } }), [], 'only refactor');
    eq((await result(c, 'textDocument/codeAction', { textDocument: { uri }, range: range(0, 0, 9, 0), context: { diagnostics: [], only: ['quickfix'] } })).length, 5, 'whole file');
    const jsx = 'file:///a/fix.jsx';
    const jtext = 'const App = () => (\n  <div>\n    {undef}\n  </div>\n);\nApp();\n';
    open(c, jsx, jtext);
    const ja = await result(c, 'textDocument/codeAction', { textDocument: { uri: jsx }, range: range(2, 6, 2, 6), context: { diagnostics: [] } });
    eq(ja.map((a) => a.title), ['Disable no-undef for this line'], 'JSX: no-undef');
    eq(applyEdits(jtext, ja[0].edit.changes[jsx]).split('\n').slice(1, 4), ['  <div>', '    {/* ochre-ignore-next-line no-undef */}', '    {undef}'], 'JSX children: a block comment in braces');
});

T('semanticTokens: defaultLibrary globals and members, function-valued consts', async () => {
    const c = await srv();
    const uri = 'file:///f/sem2.js';
    const text = 'const f = () => Math.max(1);\nlet Math2 = Promise.resolve(undefined);\nf(console.log);';
    open(c, uri, text);
    const r = await result(c, 'textDocument/semanticTokens/full', doc(uri));
    eq(decode(text, LEGEND, r.data).filter((t) => !/ (operator|number|keyword)/.test(t)), [
        '0:6 f function.declaration.readonly', '0:16 Math variable.defaultLibrary', '0:21 max method.defaultLibrary',
        '1:4 Math2 variable.declaration', '1:12 Promise class.defaultLibrary', '1:20 resolve method.defaultLibrary',
        '1:28 undefined variable.readonly.defaultLibrary', '2:0 f function.readonly', '2:2 console variable.defaultLibrary', '2:10 log method.defaultLibrary',
    ], 'tokens');
});

T('window/logMessage for server problems', async () => {
    const c = await srv();
    const from = c.messages.length;
    c.notify('textDocument/didChange', { textDocument: { uri: 'file:///nowhere.js', version: 1 }, contentChanges: [{ text: '' }] });
    const m = await c.waitFor((x) => x.method === 'window/logMessage', 5000, from);
    eq(m.params, { type: 2, message: 'textDocument/didChange: file:///nowhere.js is not open; change ignored' }, 'log');
});

T('$/cancelRequest: a queued request is answered with RequestCancelled', async () => {
    const c = await srv();
    const uri = 'file:///f/big.js';
    open(c, uri, 'var x = [1, 2, 3].map((v) => v * 2);\n'.repeat(150000));
    await c.diagnostics(uri, 1, 30000);
    c.request('textDocument/semanticTokens/full', doc(uri), 'busy');
    c.request('textDocument/foldingRange', doc(uri), 'queued');
    c.notify('$/cancelRequest', { id: 'queued' });
    const r = await c.response('queued', 30000);
    eq(r.error, { code: -32800, message: 'request cancelled' }, 'cancelled');
    check((await c.response('busy', 30000)).result, 'the running request completes');
});

T('shutdown and exit', async () => {
    const c = await srv();
    const { response, code } = await c.shutdown();
    eq(response.result, null, 'shutdown result');
    eq(code, 0, 'exit code');
    server = null;
});

async function main() {
    const filter = process.argv[2];
    let passed = 0, failed = 0;
    for (const t of tests) {
        if (filter && !t.name.includes(filter)) continue;
        try {
            await t.fn();
            passed++;
        } catch (e) {
            failed++;
            console.log(`FAIL ${t.name}: ${e instanceof Fail ? e.message : e.stack}`);
        }
    }
    if (server) await server.shutdown().catch(() => server.kill());
    await Promise.all(started.map((c) => (c.exitCode === null ? (c.kill(), c.exited) : null)));
    for (const c of started) {
        if (/Sanitizer|runtime error:/.test(c.stderr)) {
            failed++;
            console.log('FAIL sanitizer report:\n' + c.stderr.slice(0, 4000));
        }
    }
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
}
main();
