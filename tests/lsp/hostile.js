#!/usr/bin/env node
// Hostile input for `ochre lsp`: broken framing, invalid JSON, invalid
// JSON-RPC, lifecycle violations, wrong parameter types, out-of-range
// positions, edits to unknown documents, invalid UTF-8, huge documents and
// bursts. Each case checks the exact JSON-RPC error (or that nothing is
// answered where the protocol says so) and that the server keeps serving:
// after each case on the shared server a sentinel request must still be
// answered. Runs against the real binary ($OCHRE or build/ochre).
//
// Usage: node tests/lsp/hostile.js [name-filter]
// Prints one line per failure and ends with `N passed, N failed`.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const lspClient = require('./lsp_client');
const { frame } = lspClient;
// These cases check framing, protocol errors and syntax diagnostics: lint
// findings stay off (initializationOptions lint: false).
class Client extends lspClient.Client {
    initialize(capabilities, initializationOptions = {}) {
        return super.initialize(capabilities, { lint: false, ...initializationOptions });
    }
}

const cases = [];
// fn(client) on the shared, initialized server; own: fn() with its own server.
function T(name, fn) { cases.push({ name, fn, own: false }); }
function OWN(name, fn) { cases.push({ name, fn, own: true }); }

class Fail extends Error {}
function check(cond, what) { if (!cond) throw new Fail(what); }
function eq(a, b, what) {
    const ja = JSON.stringify(a), jb = JSON.stringify(b);
    if (ja !== jb) throw new Fail(`${what}: got ${ja}, want ${jb}`);
}

const SENTINEL = 'file:///sentinel.js';
let sentinelN = 0;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Runs send(), then a sentinel request; returns the messages that arrived
// before the sentinel's answer (which proves the server still serves).
async function probe(c, send, timeout = 10000) {
    const from = c.messages.length;
    await send();
    const id = 'sentinel-' + (++sentinelN);
    c.request('textDocument/foldingRange', { textDocument: { uri: SENTINEL } }, id);
    const r = await c.waitFor((m) => m.id === id, timeout, from);
    check(r.result && Array.isArray(r.result), 'sentinel answered with a result');
    return c.messages.slice(from, c.messages.indexOf(r));
}
const responses = (msgs) => msgs.filter((m) => !m.method);
const logs = (msgs) => msgs.filter((m) => m.method === 'window/logMessage');
function oneError(msgs, code, id) {
    const rs = responses(msgs);
    eq(rs.length, 1, 'number of responses');
    check(rs[0].error, 'an error response');
    eq(rs[0].error.code, code, 'error code');
    eq(rs[0].id, id, 'response id');
    check(typeof rs[0].error.message === 'string', 'error message');
}
function noResponse(msgs) { eq(responses(msgs).length, 0, 'responses'); }
function someLog(msgs) { check(logs(msgs).length >= 1, 'a window/logMessage'); }

function req(id, method, params) {
    const m = { jsonrpc: '2.0', id, method };
    if (params !== undefined) m.params = params;
    return frame(m);
}
const SYM = (uri) => ({ textDocument: { uri } });

const allClients = [];
async function newServer(init = true) {
    const c = new Client();
    allClients.push(c);
    if (init) {
        await c.initialize({ textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } });
        c.notify('textDocument/didOpen', { textDocument: { uri: SENTINEL, languageId: 'javascript', version: 1, text: 'function f() {\n  return 1;\n}\n' } });
    }
    return c;
}

// ---------------------------------------------------------------------------
// Framing.
T('missing Content-Length', async (c) => {
    const m = await probe(c, () => c.raw('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"x"}'));
    noResponse(m); someLog(m);
});
for (const [name, v] of [['non-numeric', 'abc'], ['negative', '-5'], ['exponent', '1e3'], ['too large', '99999999999999'], ['empty', ''], ['hex', '0x10'], ['plus sign', '+12']]) {
    T(`Content-Length ${name}`, async (c) => {
        const m = await probe(c, () => c.raw(`Content-Length: ${v}\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"x"}`));
        noResponse(m); someLog(m);
    });
}
T('conflicting Content-Length headers', async (c) => {
    const m = await probe(c, () => c.raw('Content-Length: 10\r\nContent-Length: 12\r\n\r\n{"a":1}'));
    noResponse(m); someLog(m);
});
T('duplicate equal Content-Length accepted', async (c) => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 'dup', method: 'nope' });
    const m = await probe(c, () => c.raw(`Content-Length: ${body.length}\r\nContent-Length: ${body.length}\r\n\r\n${body}`));
    oneError(m, -32601, 'dup');
});
T('lower-case header name accepted', async (c) => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 'lc', method: 'nope' });
    const m = await probe(c, () => c.raw(`content-length: ${body.length}\r\n\r\n${body}`));
    oneError(m, -32601, 'lc');
});
T('Content-Type before Content-Length accepted', async (c) => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 'ct', method: 'nope' });
    const m = await probe(c, () => c.raw(`Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n${body}`));
    oneError(m, -32601, 'ct');
    eq(logs(m).length, 0, 'no log for a valid header');
});
T('unknown header: logged, message recovered', async (c) => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 'xh', method: 'nope' });
    const m = await probe(c, () => c.raw(`X-Foo: bar\r\nContent-Length: ${body.length}\r\n\r\n${body}`));
    oneError(m, -32601, 'xh'); someLog(m);
});
T('bare LF line ends accepted', async (c) => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 'lf', method: 'nope' });
    const m = await probe(c, () => c.raw(`Content-Length: ${body.length}\n\n${body}`));
    oneError(m, -32601, 'lf');
});
T('no space after colon, spaces around value', async (c) => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 'sp', method: 'nope' });
    const m = await probe(c, () => c.raw(`Content-Length:${body.length}\r\n\r\n${body}Content-Length:   ${body.length}  \r\n\r\n${body}`));
    const rs = responses(m);
    eq(rs.length, 2, 'two responses'); eq(rs[0].error.code, -32601, 'code'); eq(rs[1].id, 'sp', 'id');
});
T('garbage text before a header', async (c) => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 'g1', method: 'nope' });
    const m = await probe(c, () => c.raw(`hello world\r\nthis is not a header\r\nContent-Length: ${body.length}\r\n\r\n${body}`));
    oneError(m, -32601, 'g1'); someLog(m);
});
T('binary garbage', async (c) => {
    const m = await probe(c, () => c.raw(Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80, 13, 10, 13, 10, 0xc3, 0x28, 0, 0])));
    noResponse(m); someLog(m);
});
T('garbage glued to a header', async (c) => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 'glue', method: 'nope' });
    const m = await probe(c, () => c.raw(`}}}}Content-Length: ${body.length}\r\n\r\n${body}`));
    oneError(m, -32601, 'glue'); someLog(m);
});
T('header longer than 8 KiB', async (c) => {
    const m = await probe(c, () => c.raw('Content-Type: ' + 'x'.repeat(20000) + '\r\nContent-Length: 2\r\n\r\n{}'));
    noResponse(m.filter((x) => x.error && x.error.code !== -32600)); someLog(m);
});
T('Content-Length shorter than the body', async (c) => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 'short', method: 'nope' });
    const m = await probe(c, () => c.raw(`Content-Length: ${body.length - 5}\r\n\r\n${body}`));
    oneError(m, -32700, null); someLog(m);
});
T('Content-Length: 0', async (c) => {
    const m = await probe(c, () => c.raw('Content-Length: 0\r\n\r\n'));
    oneError(m, -32700, null);
});
T('blank lines between messages', async (c) => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 'bl', method: 'nope' });
    const m = await probe(c, () => c.raw(`\r\n\r\n\n\nContent-Length: ${body.length}\r\n\r\n${body}\r\n`));
    oneError(m, -32601, 'bl'); eq(logs(m).length, 0, 'no log');
});
T('message in 1-byte writes', async (c) => {
    const bytes = req('bytewise', 'nope');
    const m = await probe(c, async () => {
        for (let i = 0; i < bytes.length; i++) { c.raw(bytes.slice(i, i + 1)); if (i % 8 === 0) await sleep(1); }
    });
    oneError(m, -32601, 'bytewise');
});
T('100 messages in one write', async (c) => {
    const bufs = [];
    for (let i = 0; i < 100; i++) bufs.push(req(`many-${i}`, 'nope'));
    const m = await probe(c, () => c.raw(Buffer.concat(bufs)));
    const rs = responses(m);
    eq(rs.length, 100, 'responses'); eq(rs.map((r) => r.id), bufs.map((_, i) => `many-${i}`), 'in order');
});
T('header line without a colon', async (c) => {
    const m = await probe(c, () => c.raw('Content-Length 12\r\n\r\n{"jsonrpc":1}'));
    noResponse(m); someLog(m);
});
T('NUL bytes in a header', async (c) => {
    const m = await probe(c, () => c.raw(Buffer.from('Content-Length: 1\0\0\r\n\r\n{', 'binary')));
    noResponse(m); someLog(m);
});

// ---------------------------------------------------------------------------
// JSON and JSON-RPC.
const rawBody = (s) => frame(s);
T('invalid JSON', async (c) => { oneError(await probe(c, () => c.raw(rawBody('{"jsonrpc":'))), -32700, null); });
T('invalid JSON: trailing garbage', async (c) => {
    oneError(await probe(c, () => c.raw(rawBody('{"jsonrpc":"2.0","id":1,"method":"nope"} xx'))), -32700, null);
});
T('invalid JSON: single quotes', async (c) => { oneError(await probe(c, () => c.raw(rawBody("{'a':1}"))), -32700, null); });
T('invalid JSON: BOM', async (c) => { oneError(await probe(c, () => c.raw(rawBody('\ufeff{"jsonrpc":"2.0","id":1,"method":"nope"}'))), -32700, null); });
T('invalid JSON: deep nesting', async (c) => { oneError(await probe(c, () => c.raw(rawBody('['.repeat(100000)))), -32700, null); });
T('invalid JSON: number overflow id', async (c) => { oneError(await probe(c, () => c.raw(rawBody('{"jsonrpc":"2.0","id":1e400,"method":"nope"}'))), -32700, null); });
for (const [name, body] of [['string', '"hello"'], ['number', '42'], ['null', 'null'], ['true', 'true'], ['batch array', '[{"jsonrpc":"2.0","id":1,"method":"nope"}]'], ['empty array', '[]']]) {
    T(`JSON ${name} is not a message`, async (c) => { oneError(await probe(c, () => c.raw(rawBody(body))), -32600, null); });
}
T('missing jsonrpc', async (c) => { oneError(await probe(c, () => c.send({ id: 'nj', method: 'nope' })), -32600, 'nj'); });
T('jsonrpc 1.0', async (c) => { oneError(await probe(c, () => c.send({ jsonrpc: '1.0', id: 'v1', method: 'nope' })), -32600, 'v1'); });
T('jsonrpc as number', async (c) => { oneError(await probe(c, () => c.send({ jsonrpc: 2, id: 'v2', method: 'nope' })), -32600, 'v2'); });
for (const [name, id] of [['object', { a: 1 }], ['array', [1]], ['boolean', true], ['float', 1.5], ['null', null]]) {
    T(`id ${name}`, async (c) => { oneError(await probe(c, () => c.send({ jsonrpc: '2.0', id, method: 'nope' })), -32600, null); });
}
T('method missing', async (c) => { oneError(await probe(c, () => c.send({ jsonrpc: '2.0', id: 'nm' })), -32600, 'nm'); });
T('method missing, no id', async (c) => { oneError(await probe(c, () => c.send({ jsonrpc: '2.0', params: {} })), -32600, null); });
T('method is a number', async (c) => { oneError(await probe(c, () => c.send({ jsonrpc: '2.0', id: 'mn', method: 5 })), -32600, 'mn'); });
T('params is a string (request)', async (c) => { oneError(await probe(c, () => c.send({ jsonrpc: '2.0', id: 'ps', method: 'textDocument/documentSymbol', params: 'x' })), -32602, 'ps'); });
T('params is a number (notification)', async (c) => {
    const m = await probe(c, () => c.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: 7 }));
    noResponse(m); someLog(m);
});
T('params array where object needed', async (c) => { oneError(await probe(c, () => c.send({ jsonrpc: '2.0', id: 'pa', method: 'textDocument/foldingRange', params: [] })), -32602, 'pa'); });
T('response from the client is ignored', async (c) => { noResponse(await probe(c, () => c.send({ jsonrpc: '2.0', id: 99, result: null }))); });
T('error response from the client is ignored', async (c) => { noResponse(await probe(c, () => c.send({ jsonrpc: '2.0', id: 98, error: { code: 1, message: 'x' } }))); });
T('unknown request', async (c) => { oneError(await probe(c, () => c.request('workspace/nothing', {}, 'u1')), -32601, 'u1'); });
T('unknown request without params', async (c) => { oneError(await probe(c, () => c.request('foo', undefined, 'u2')), -32601, 'u2'); });
T('unknown $/ request', async (c) => { oneError(await probe(c, () => c.request('$/foo', {}, 'u3')), -32601, 'u3'); });
T('unknown notification ignored', async (c) => { const m = await probe(c, () => c.notify('workspace/nothing', {})); noResponse(m); eq(m.length, 0, 'no message'); });
T('$/ notification ignored', async (c) => { eq((await probe(c, () => c.notify('$/progress', { token: 1 }))).length, 0, 'no message'); });
T('$/setTrace ignored', async (c) => { eq((await probe(c, () => c.notify('$/setTrace', { value: 'verbose' }))).length, 0, 'no message'); });
T('$/cancelRequest for an unknown id', async (c) => { eq((await probe(c, () => c.notify('$/cancelRequest', { id: 123456 }))).length, 0, 'no message'); });
T('$/cancelRequest with bad params', async (c) => { eq((await probe(c, () => c.notify('$/cancelRequest', 'x'))).length, 0, 'no message'); });
T('very long method name', async (c) => { oneError(await probe(c, () => c.request('x'.repeat(200000), {}, 'long')), -32601, 'long'); });
T('non-ASCII method name', async (c) => { oneError(await probe(c, () => c.request('méthode/😀', {}, 'uni')), -32601, 'uni'); });
T('invalid UTF-8 in a method name', async (c) => {
    const body = Buffer.concat([Buffer.from('{"jsonrpc":"2.0","id":"bad8","method":"a'), Buffer.from([0xff, 0xc0]), Buffer.from('b"}')]);
    const m = await probe(c, () => c.raw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body])));
    oneError(m, -32601, 'bad8');
});
T('negative and large integer ids echoed', async (c) => {
    const m = await probe(c, () => { c.request('nope', {}, -7); c.request('nope', {}, 9007199254740991); });
    const rs = responses(m); eq(rs.map((r) => r.id), [-7, 9007199254740991], 'ids');
});
T('empty string id', async (c) => { oneError(await probe(c, () => c.request('nope', {}, '')), -32601, ''); });
T('duplicate keys: last wins', async (c) => {
    oneError(await probe(c, () => c.raw(rawBody('{"jsonrpc":"2.0","id":"dk","method":"initialize","method":"nope"}'))), -32601, 'dk');
});
T('initialize twice', async (c) => { oneError(await probe(c, () => c.request('initialize', { capabilities: {} }, 'i2')), -32600, 'i2'); });
T('JSON with escaped NUL in a method', async (c) => { oneError(await probe(c, () => c.raw(rawBody('{"jsonrpc":"2.0","id":"nul","method":"a\\u0000b"}'))), -32601, 'nul'); });

// ---------------------------------------------------------------------------
// Parameters.
T('documentSymbol without textDocument', async (c) => { oneError(await probe(c, () => c.request('textDocument/documentSymbol', {}, 'p1')), -32602, 'p1'); });
T('textDocument is a string', async (c) => { oneError(await probe(c, () => c.request('textDocument/documentSymbol', { textDocument: 'x' }, 'p2')), -32602, 'p2'); });
T('uri is a number', async (c) => { oneError(await probe(c, () => c.request('textDocument/foldingRange', { textDocument: { uri: 5 } }, 'p3')), -32602, 'p3'); });
T('document not open', async (c) => { oneError(await probe(c, () => c.request('textDocument/semanticTokens/full', SYM('file:///nope.js'), 'p4')), -32602, 'p4'); });
T('selectionRange positions not an array', async (c) => { oneError(await probe(c, () => c.request('textDocument/selectionRange', { textDocument: { uri: SENTINEL }, positions: {} }, 'p5')), -32602, 'p5'); });
T('position line is a string', async (c) => { oneError(await probe(c, () => c.request('textDocument/selectionRange', { textDocument: { uri: SENTINEL }, positions: [{ line: 'a', character: 0 }] }, 'p6')), -32602, 'p6'); });
T('position line is a float', async (c) => { oneError(await probe(c, () => c.request('textDocument/selectionRange', { textDocument: { uri: SENTINEL }, positions: [{ line: 1.5, character: 0 }] }, 'p7')), -32602, 'p7'); });
T('position missing character', async (c) => { oneError(await probe(c, () => c.request('textDocument/selectionRange', { textDocument: { uri: SENTINEL }, positions: [{ line: 1 }] }, 'p8')), -32602, 'p8'); });
T('negative position clamped', async (c) => {
    const m = await probe(c, () => c.request('textDocument/selectionRange', { textDocument: { uri: SENTINEL }, positions: [{ line: -3, character: -9 }] }, 'p9'));
    const r = responses(m)[0]; check(r && r.result && r.result.length === 1, 'a result'); eq(r.result[0].range.start, { line: 0, character: 0 }, 'clamped to 0:0');
});
T('huge position clamped', async (c) => {
    const m = await probe(c, () => c.request('textDocument/selectionRange', { textDocument: { uri: SENTINEL }, positions: [{ line: 1e9, character: 4e9 }] }, 'p10'));
    const r = responses(m)[0]; check(r && r.result && r.result.length === 1, 'a result');
    eq(r.result[0].range, { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, 'whole document');
});
T('semanticTokens/range without range', async (c) => { oneError(await probe(c, () => c.request('textDocument/semanticTokens/range', SYM(SENTINEL), 'p11')), -32602, 'p11'); });
T('semanticTokens/range inverted', async (c) => {
    const m = await probe(c, () => c.request('textDocument/semanticTokens/range', { textDocument: { uri: SENTINEL }, range: { start: { line: 2, character: 1 }, end: { line: 0, character: 0 } } }, 'p12'));
    const r = responses(m)[0]; check(r.result && Array.isArray(r.result.data) && r.result.data.length > 0, 'tokens');
});
T('semanticTokens/range past the end', async (c) => {
    const m = await probe(c, () => c.request('textDocument/semanticTokens/range', { textDocument: { uri: SENTINEL }, range: { start: { line: 50, character: 0 }, end: { line: 99, character: 0 } } }, 'p13'));
    eq(responses(m)[0].result, { data: [] }, 'no tokens');
});
T('diagnostic previousResultId is a number', async (c) => { oneError(await probe(c, () => c.request('textDocument/diagnostic', { textDocument: { uri: SENTINEL }, previousResultId: 5 }, 'p14')), -32602, 'p14'); });
T('shutdown params ignored shapes: diagnostic with extra members', async (c) => {
    const m = await probe(c, () => c.request('textDocument/diagnostic', { textDocument: { uri: SENTINEL, extra: [1] }, identifier: 7, zzz: null }, 'p15'));
    eq(responses(m)[0].result.kind, 'full', 'full report');
});

// ---------------------------------------------------------------------------
// Document synchronisation.
const DOC = 'file:///hostile/doc.js';
async function open(c, uri, text, version = 1, languageId = 'javascript') {
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}
function change(c, uri, version, contentChanges) { c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges }); }
async function diagsOf(c, uri) {
    const r = await c.call('textDocument/diagnostic', { textDocument: { uri } });
    check(r.result, 'diagnostic result ' + JSON.stringify(r.error)); return r.result.items;
}
async function textOf(c, uri) {
    // The text is not readable over LSP; semantic tokens of a doc made of one
    // identifier per line tell its shape. Tests use folding/diagnostics instead.
    return diagsOf(c, uri);
}
T('didChange to an unknown document', async (c) => {
    const m = await probe(c, () => change(c, 'file:///never-opened.js', 2, [{ text: 'x' }]));
    noResponse(m); someLog(m);
});
T('didChange contentChanges not an array', async (c) => {
    await open(c, DOC, 'let a = 1;\n');
    const m = await probe(c, () => c.notify('textDocument/didChange', { textDocument: { uri: DOC, version: 2 }, contentChanges: { text: 'x' } }));
    someLog(m);
});
T('didChange change without text', async (c) => {
    await open(c, DOC, 'let a = 1;\n');
    const m = await probe(c, () => change(c, DOC, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]));
    someLog(m);
});
T('didChange with a range past the end: clamped', async (c) => {
    await open(c, DOC, 'let a = 1;\n');
    change(c, DOC, 2, [{ range: { start: { line: 40, character: 0 }, end: { line: 90, character: 3 } }, text: 'let b = (;\n' }]);
    const d = await diagsOf(c, DOC);
    eq(d.map((x) => [x.code, x.range.start.line]), [['E0103', 1]], 'error on the appended line');
});
T('didChange with an inverted range', async (c) => {
    await open(c, DOC, 'let a = 1;\nlet b = 2;\n');
    change(c, DOC, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 0, character: 4 } }, text: 'zz = (' }]);
    const d = await diagsOf(c, DOC);   // "let zz = (let b = 2;" -> errors on line 0
    check(d.length >= 1 && d[0].range.start.line === 0, 'diagnostic on line 0: ' + JSON.stringify(d));
});
T('didChange inside a surrogate pair is clamped before it', async (c) => {
    await open(c, DOC, 'let s = "😀";\n');
    change(c, DOC, 2, [{ range: { start: { line: 0, character: 10 }, end: { line: 0, character: 10 } }, text: '"; let t = ("' }]);
    const d = await diagsOf(c, DOC);
    check(d.length === 0 || d.every((x) => x.code !== 'E0001'), 'no invalid UTF-8 created: ' + JSON.stringify(d));
});
T('didChange with a range of wrong type', async (c) => {
    await open(c, DOC, 'let a = 1;\n');
    const m = await probe(c, () => change(c, DOC, 2, [{ range: { start: 'x', end: 3 }, text: '(' }]));
    someLog(m);
    eq(await diagsOf(c, DOC), [], 'text unchanged');
});
T('didChange with a string version', async (c) => {
    await open(c, DOC, 'let a = 1;\n');
    const m = await probe(c, () => change(c, DOC, 'two', [{ text: 'let x = (;' }]));
    someLog(m);
});
T('didOpen with another language is ignored', async (c) => {
    await open(c, 'file:///x.py', 'def f(): pass', 1, 'python');
    oneError(await probe(c, () => c.request('textDocument/documentSymbol', SYM('file:///x.py'), 'py')), -32602, 'py');
});
T('didOpen without text', async (c) => {
    const m = await probe(c, () => c.notify('textDocument/didOpen', { textDocument: { uri: 'file:///nt.js', languageId: 'javascript', version: 1 } }));
    someLog(m);
});
T('didOpen twice replaces the document', async (c) => {
    await open(c, DOC, 'let a = (;\n');
    await open(c, DOC, 'let a = 1;\n', 5);
    eq(await diagsOf(c, DOC), [], 'second text wins');
});
T('didClose of an unknown document', async (c) => { someLog(await probe(c, () => c.notify('textDocument/didClose', { textDocument: { uri: 'file:///nope2.js' } }))); });
T('request after didClose', async (c) => {
    await open(c, 'file:///closed.js', 'x');
    c.notify('textDocument/didClose', { textDocument: { uri: 'file:///closed.js' } });
    oneError(await probe(c, () => c.request('textDocument/foldingRange', SYM('file:///closed.js'), 'cl')), -32602, 'cl');
});
T('didClose clears published diagnostics', async (c) => {
    const uri = 'file:///clear.js';
    await open(c, uri, 'let = ;');
    await c.diagnostics(uri, 1);
    const from = c.messages.length;
    c.notify('textDocument/didClose', { textDocument: { uri } });
    const d = await c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri, 5000, from);
    eq(d.params.diagnostics, [], 'cleared');
});
function rawOpen(uri, textBytes) {
    const head = Buffer.from(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"${uri}","languageId":"javascript","version":1,"text":"`);
    const body = Buffer.concat([head, textBytes, Buffer.from('"}}}')]);
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
}
T('invalid UTF-8 bytes in a document: diagnostic', async (c) => {
    const uri = 'file:///bad-utf8.js';
    c.raw(rawOpen(uri, Buffer.concat([Buffer.from('let s = \\"a'), Buffer.from([0xff, 0xfe]), Buffer.from('b\\";')])));
    const d = await diagsOf(c, uri);
    check(d.some((x) => x.code === 'E0001'), 'E0001 reported: ' + JSON.stringify(d));
    eq(d.find((x) => x.code === 'E0001').range.start, { line: 0, character: 10 }, 'at the bad byte');
});
T('lone surrogate escape in a document: diagnostic', async (c) => {
    const uri = 'file:///lone.js';
    c.raw(rawOpen(uri, Buffer.from('let s = 1; // \\udc80 \\ud800x')));
    const d = await diagsOf(c, uri);
    check(d.some((x) => x.code === 'E0001'), 'E0001 reported: ' + JSON.stringify(d));
});
T('lone surrogate in a didChange: diagnostic, UTF-16 columns kept', async (c) => {
    const uri = 'file:///lone2.js';
    await open(c, uri, 'let a = 1;\n');
    const body = Buffer.from(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"${uri}","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"text":"/*\\ud800*/ x"}]}}`);
    c.raw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
    const d = await diagsOf(c, uri);
    const e = d.find((x) => x.code === 'E0001');
    check(e, 'E0001 reported: ' + JSON.stringify(d));
    eq(e.range.start, { line: 0, character: 2 }, 'one UTF-16 unit after /*');
});
T('private-use characters are not unmasked in valid messages', async (c) => {
    const uri = 'file:///pua.js';
    await open(c, uri, 'let s = "\u{10F7FF}\u{10FFFF}";\n');
    eq(await diagsOf(c, uri), [], 'valid text stays valid');
});
T('NUL characters in a document', async (c) => {
    const uri = 'file:///nul.js';
    await open(c, uri, 'let a\u0000 = 1;\u0000\n');
    const d = await diagsOf(c, uri);
    check(d.length >= 1, 'NUL reported: ' + JSON.stringify(d));
});
T('deeply nested source', async (c) => {
    const uri = 'file:///deep.js';
    await open(c, uri, 'x = ' + '('.repeat(100000) + '1' + ')'.repeat(100000) + ';\n[' + '{a:['.repeat(50000));
    const d = await diagsOf(c, uri);
    check(d.length >= 1, 'nesting reported');
    for (const m of ['textDocument/semanticTokens/full', 'textDocument/documentSymbol', 'textDocument/foldingRange']) {
        const r = await c.call(m, SYM(uri), 20000); check(r.result !== undefined, m + ' answered');
    }
    const r = await c.call('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 0, character: 50000 }] });
    check(r.result && r.result.length === 1, 'selection answered');
});
T('a 5 MB single-line document', async (c) => {
    const uri = 'file:///long-line.js';
    let s = '';
    while (s.length < 5e6) s += 'var a' + s.length + '="é😀",b=[1,2,3].map(function(x){return x*2});';
    await open(c, uri, s + '\n');
    const t0 = Date.now();
    const r = await c.call('textDocument/semanticTokens/full', SYM(uri), 60000);
    check(r.result && r.result.data.length > 1000, 'tokens');
    check(Date.now() - t0 < 30000, 'in reasonable time');
    const r2 = await c.call('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 0, character: 4000000 }] });
    check(r2.result, 'selection');
    c.notify('textDocument/didClose', { textDocument: { uri } });
});
T('version going backwards is accepted', async (c) => {
    const uri = 'file:///back.js';
    await open(c, uri, 'let a = 1;', 10);
    await c.diagnostics(uri, 10);
    change(c, uri, 3, [{ text: 'let a = (;' }]);
    const d = await c.diagnostics(uri, 3);
    eq(d.params.diagnostics.length, 1, 'one diagnostic');
});
T('didSave with text and without', async (c) => {
    const m = await probe(c, () => { c.notify('textDocument/didSave', { textDocument: { uri: SENTINEL }, text: 'x' }); c.notify('textDocument/didSave', { textDocument: { uri: SENTINEL } }); });
    eq(m.length, 0, 'nothing');
});

// ---------------------------------------------------------------------------
// Cancellation and bursts.
T('cancel a queued request', async (c) => {
    const uri = 'file:///big-cancel.js';
    let s = '';
    while (s.length < 8e6) s += 'function f' + s.length + '(a, b) { return a + b * 2; }\n';
    await open(c, uri, s);
    await c.diagnostics(uri, 1, 60000);
    const from = c.messages.length;
    c.raw(Buffer.concat([req('slow', 'textDocument/semanticTokens/full', SYM(uri)), req('victim', 'textDocument/foldingRange', SYM(SENTINEL)),
        frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 'victim' } })]));
    const v = await c.waitFor((m) => m.id === 'victim', 60000, from);
    eq(v.error && v.error.code, -32800, 'RequestCancelled');
    const slow = await c.waitFor((m) => m.id === 'slow', 60000, from);
    check(slow.result || (slow.error && slow.error.code === -32800), 'slow request answered once');
    eq(c.messages.slice(from).filter((m) => m.id === 'victim').length, 1, 'one answer');
    c.notify('textDocument/didClose', { textDocument: { uri } });
});
T('cancel the running request', async (c) => {
    const uri = 'file:///big-cancel2.js';
    let s = '';
    while (s.length < 8e6) s += 'const v' + s.length + ' = { a: [1, 2, 3], b: "x" };\n';
    await open(c, uri, s);
    await c.diagnostics(uri, 1, 60000);
    const from = c.messages.length;
    c.request('textDocument/semanticTokens/full', SYM(uri), 77);
    await sleep(20);
    c.notify('$/cancelRequest', { id: 77 });
    const r = await c.waitFor((m) => m.id === 77, 60000, from);
    check(r.result || (r.error && r.error.code === -32800), 'answered with a result or RequestCancelled');
    await probe(c, () => {});
    eq(c.messages.slice(from).filter((m) => m.id === 77).length, 1, 'exactly one answer');
    c.notify('textDocument/didClose', { textDocument: { uri } });
});
T('cancel an answered request: nothing happens', async (c) => {
    const r = await c.call('textDocument/foldingRange', SYM(SENTINEL));
    eq((await probe(c, () => c.notify('$/cancelRequest', { id: r.id }))).length, 0, 'no message');
});
T('10,000 requests in a burst, answered in order', async (c) => {
    const bufs = [];
    for (let i = 0; i < 10000; i++) bufs.push(req(`b${i}`, i % 2 ? 'textDocument/foldingRange' : 'nope', i % 2 ? SYM(SENTINEL) : {}));
    const m = await probe(c, () => c.raw(Buffer.concat(bufs)), 60000);
    const rs = responses(m);
    eq(rs.length, 10000, 'responses');
    check(rs.every((r, i) => r.id === `b${i}` && (i % 2 ? Array.isArray(r.result) : r.error.code === -32601)), 'ids, results and errors in order');
});
T('10,000 edits in a burst: only current versions published', async (c) => {
    const uri = 'file:///burst.js';
    await open(c, uri, 'let a = 1;\n', 0);
    await c.diagnostics(uri, 0);
    const from = c.messages.length;
    const bufs = [];
    for (let v = 1; v <= 10000; v++) {
        // Alternately break and fix line 0.
        bufs.push(frame({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version: v },
            contentChanges: [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } }, text: v % 2 ? '(' : '1' }] } }));
    }
    c.raw(Buffer.concat(bufs));
    const last = await c.diagnostics(uri, 10000, 60000);
    eq(last.params.diagnostics, [], 'final version is fixed');
    const pubs = c.messages.slice(from).filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
    check(pubs.every((p, i) => i === 0 || p.params.version > pubs[i - 1].params.version), 'versions increase');
    check(pubs.every((p) => (p.params.version % 2 === 1) === (p.params.diagnostics.length > 0)), 'each publish matches its version');
    check(pubs.length < 10000, 'bursts coalesced (' + pubs.length + ' publishes)');
});
T('a 50 MB document', async (c) => {
    const uri = 'file:///huge.js';
    const line = 'function g(a, b) { const c = [a, b, "str", 1.5]; return c.map((x) => x + 1); }\n';
    const text = line.repeat(Math.ceil(50e6 / line.length)) + 'let broken = (;\n';
    const t0 = Date.now();
    await open(c, uri, text);
    const d = await c.diagnostics(uri, 1, 120000);
    eq(d.params.diagnostics.map((x) => x.code), ['E0103'], 'the one error');
    eq(d.params.diagnostics[0].range.start.line, Math.ceil(50e6 / line.length), 'on the last line');
    change(c, uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// edit\n' }]);
    const d2 = await c.diagnostics(uri, 2, 120000);
    eq(d2.params.diagnostics[0].range.start.line, Math.ceil(50e6 / line.length) + 1, 'moved down a line');
    check(Date.now() - t0 < 120000, 'in time');
    c.notify('textDocument/didClose', { textDocument: { uri } });
});
T('server output is always well framed', async (c) => { eq(c.badFrames, 0, 'bad frames from the server'); });

// ---------------------------------------------------------------------------
// Lifecycle (own servers).
OWN('request before initialize: ServerNotInitialized', async () => {
    const c = await newServer(false);
    const r = await c.call('textDocument/documentSymbol', SYM('file:///a.js'));
    eq(r.error.code, -32002, 'code');
    const r2 = await c.call('shutdown');
    eq(r2.error.code, -32002, 'shutdown before initialize');
    c.kill();
});
OWN('notification before initialize is dropped', async () => {
    const c = await newServer(false);
    c.notify('textDocument/didOpen', { textDocument: { uri: 'file:///early.js', languageId: 'javascript', version: 1, text: 'x' } });
    await c.initialize({});
    const r = await c.call('textDocument/foldingRange', SYM('file:///early.js'));
    eq(r.error.code, -32602, 'document was never opened');
    c.kill();
});
OWN('exit without shutdown: status 1', async () => {
    const c = await newServer(true);
    c.notify('exit');
    eq(await c.exited, 1, 'exit code');
});
OWN('shutdown then exit: status 0', async () => {
    const c = await newServer(true);
    const { response, code } = await c.shutdown();
    eq(response.result, null, 'shutdown result'); eq(code, 0, 'exit code');
});
OWN('request after shutdown: InvalidRequest', async () => {
    const c = await newServer(true);
    await c.call('shutdown');
    const r = await c.call('textDocument/foldingRange', SYM(SENTINEL));
    eq(r.error.code, -32600, 'code');
    c.notify('exit');
    eq(await c.exited, 0, 'exit code');
});
OWN('input closed without exit: status 1', async () => {
    const c = await newServer(true);
    await c.call('textDocument/foldingRange', SYM(SENTINEL));
    c.proc.stdin.end();
    eq(await c.exited, 1, 'exit code');
});
OWN('input closed after shutdown: status 0', async () => {
    const c = await newServer(true);
    await c.call('shutdown');
    c.proc.stdin.end();
    eq(await c.exited, 0, 'exit code');
});
OWN('input ends inside a message', async () => {
    const c = await newServer(true);
    c.raw('Content-Length: 500\r\n\r\n{"jsonrpc":"2.0"');
    c.proc.stdin.end();
    eq(await c.exited, 1, 'exit code');
    check(c.messages.some((m) => m.method === 'window/logMessage'), 'logged');
});
OWN('input ends inside a header', async () => {
    const c = await newServer(true);
    c.raw('Content-Len');
    c.proc.stdin.end();
    eq(await c.exited, 1, 'exit code');
});
OWN('initialize with array params: InvalidParams, still uninitialized', async () => {
    const c = await newServer(false);
    eq((await c.call('initialize', [])).error.code, -32602, 'initialize');
    eq((await c.call('textDocument/foldingRange', SYM('file:///a.js'))).error.code, -32002, 'not initialized');
    eq((await c.call('initialize', { capabilities: {} })).result.capabilities.positionEncoding, 'utf-16', 'then initialize works');
    c.kill();
});
OWN('initialize with capabilities of the wrong type', async () => {
    const c = await newServer(false);
    eq((await c.call('initialize', { capabilities: 5 })).error.code, -32602, 'code');
    c.kill();
});
OWN('initialize without params', async () => {
    const c = await newServer(false);
    eq((await c.call('initialize')).error.code, -32602, 'code');
    c.kill();
});
OWN('exit before initialize: status 1', async () => {
    const c = await newServer(false);
    c.notify('exit');
    eq(await c.exited, 1, 'exit code');
});
OWN('exit while requests are queued', async () => {
    const c = await newServer(true);
    const bufs = [];
    for (let i = 0; i < 1000; i++) bufs.push(req(i, 'textDocument/foldingRange', SYM(SENTINEL)));
    bufs.push(frame({ jsonrpc: '2.0', id: 'sd', method: 'shutdown' }), frame({ jsonrpc: '2.0', method: 'exit' }), req('after', 'nope'));
    c.raw(Buffer.concat(bufs));
    eq(await c.exited, 0, 'exit code');
    check(!c.messages.some((m) => m.id === 'after'), 'nothing answered after exit');
});
OWN('client that never reads its output', async () => {
    // The server must not deadlock on a full output pipe while reading input.
    const c = await newServer(true);
    c.proc.stdout.pause();
    const bufs = [];
    for (let i = 0; i < 3000; i++) bufs.push(req(i, 'textDocument/semanticTokens/full', SYM(SENTINEL)));
    c.raw(Buffer.concat(bufs));
    await sleep(300);
    c.proc.stdout.resume();
    await c.waitFor((m) => m.id === 2999, 30000);
    c.kill();
});
OWN('positionEncoding utf-8 negotiated and used', async () => {
    const c = await newServer(false);
    const r = await c.call('initialize', { capabilities: { general: { positionEncodings: ['utf-8', 'utf-16'] } } });
    eq(r.result.capabilities.positionEncoding, 'utf-8', 'negotiated');
    c.notify('textDocument/didOpen', { textDocument: { uri: 'file:///u8.js', languageId: 'javascript', version: 1, text: 'let é = "😀" +;\n' } });
    const d = await c.diagnostics('file:///u8.js');
    eq(d.params.diagnostics[0].range.start, { line: 0, character: 17 }, 'byte column');
    c.kill();
});
OWN('positionEncoding without utf-8 stays utf-16', async () => {
    const c = await newServer(false);
    const r = await c.call('initialize', { capabilities: { general: { positionEncodings: ['utf-32', 'utf-16'] } } });
    eq(r.result.capabilities.positionEncoding, 'utf-16', 'negotiated');
    c.notify('textDocument/didOpen', { textDocument: { uri: 'file:///u16.js', languageId: 'javascript', version: 1, text: 'let é = "😀" +;\n' } });
    const d = await c.diagnostics('file:///u16.js');
    eq(d.params.diagnostics[0].range.start, { line: 0, character: 14 }, 'UTF-16 column');
    c.kill();
});
OWN('generalpositionEncodings of the wrong type is ignored', async () => {
    const c = await newServer(false);
    const r = await c.call('initialize', { capabilities: { general: { positionEncodings: 'utf-8' } } });
    eq(r.result.capabilities.positionEncoding, 'utf-16', 'default');
    c.kill();
});

// ---------------------------------------------------------------------------
// Module goal from URIs and package.json.
function tmpProject(type) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ochre lsp %test '));
    if (type) fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type }));
    fs.mkdirSync(path.join(dir, 'src #1'));
    return dir;
}
const fileUri = (p) => 'file://' + p.split('/').map(encodeURIComponent).join('/');
const MODULE_ONLY = 'import x from "y";\nexport const z = x;\n';
T('.mjs is a module', async (c) => { await open(c, 'file:///m/a.mjs', MODULE_ONLY); eq(await diagsOf(c, 'file:///m/a.mjs'), [], 'no errors'); });
T('.cjs is a script', async (c) => { await open(c, 'file:///m/a.cjs', MODULE_ONLY); check((await diagsOf(c, 'file:///m/a.cjs')).length > 0, 'import is an error in a script'); });
T('untitled: scheme is a script', async (c) => { await open(c, 'untitled:Untitled-1', MODULE_ONLY); check((await diagsOf(c, 'untitled:Untitled-1')).length > 0, 'script'); });
T('package.json type module (percent-encoded path)', async (c) => {
    const dir = tmpProject('module');
    const uri = fileUri(path.join(dir, 'src #1', 'a.js'));
    await open(c, uri, MODULE_ONLY);
    eq(await diagsOf(c, uri), [], 'module');
    fs.rmSync(dir, { recursive: true });
});
T('package.json type commonjs', async (c) => {
    const dir = tmpProject('commonjs');
    const uri = fileUri(path.join(dir, 'src #1', 'a.js'));
    await open(c, uri, MODULE_ONLY);
    check((await diagsOf(c, uri)).length > 0, 'script');
    fs.rmSync(dir, { recursive: true });
});
T('malformed file URI falls back to script', async (c) => {
    const uri = 'file:///bad%zzpath/a.js';
    await open(c, uri, MODULE_ONLY);
    check((await diagsOf(c, uri)).length > 0, 'script');
});
T('javascriptreact enables JSX', async (c) => {
    const uri = 'file:///j/App.js';
    await open(c, uri, 'const App = () => <div className="x">{1}</div>;\n', 1, 'javascriptreact');
    eq(await diagsOf(c, uri), [], 'no errors');
});
T('.jsx extension enables JSX', async (c) => {
    const uri = 'file:///j/App.jsx';
    await open(c, uri, 'const App = () => <div>hi</div>;\n');
    eq(await diagsOf(c, uri), [], 'no errors');
});

// ---------------------------------------------------------------------------
// Navigation requests with wrong input: every method on bad parameters, bad
// positions, unknown documents, broken code and hostile module graphs.
const NAV_DOC = 'file:///hostile/nav.js';
const NAV_TEXT = 'function f(a) {\n  let b = a + 1;\n  return b;\n}\nf(2);\n';
const NAV_METHODS = ['definition', 'references', 'documentHighlight', 'prepareRename', 'rename', 'hover', 'completion'];
const navParams = (method, extra) => {
    const p = { textDocument: { uri: NAV_DOC }, position: { line: 1, character: 6 } };
    if (method === 'references') p.context = { includeDeclaration: true };
    if (method === 'rename') p.newName = 'c';
    return Object.assign(p, extra);
};
let navN = 0;
// A request with a fresh string id (numeric ids of c.call could meet the
// explicit numeric ids of earlier cases among old messages).
async function ask(c, method, params, timeout = 20000) {
    const id = 'nav-' + (++navN);
    const from = c.messages.length;
    c.request(method, params, id);
    return c.waitFor((m) => m.id === id && !m.method, timeout, from);
}
for (const m of NAV_METHODS) {
    const method = 'textDocument/' + m;
    T(`${m}: textDocument missing`, async (c) => { const id = 'n' + (++navN); oneError(await probe(c, () => c.request(method, { position: { line: 0, character: 0 } }, id)), -32602, id); });
    T(`${m}: uri is a number`, async (c) => { const id = 'n' + (++navN); oneError(await probe(c, () => c.request(method, navParams(m, { textDocument: { uri: 7 } }), id)), -32602, id); });
    T(`${m}: document not open`, async (c) => { const id = 'n' + (++navN); oneError(await probe(c, () => c.request(method, navParams(m, { textDocument: { uri: 'file:///hostile/never.js' } }), id)), -32602, id); });
    T(`${m}: position missing`, async (c) => {
        await open(c, NAV_DOC, NAV_TEXT);
        const id = 'n' + (++navN); const p = navParams(m); delete p.position;
        oneError(await probe(c, () => c.request(method, p, id)), -32602, id);
    });
    T(`${m}: position of wrong type`, async (c) => {
        await open(c, NAV_DOC, NAV_TEXT);
        const id = 'n' + (++navN);
        oneError(await probe(c, () => c.request(method, navParams(m, { position: { line: '1', character: null } }), id)), -32602, id);
    });
    T(`${m}: params is an array`, async (c) => { const id = 'n' + (++navN); oneError(await probe(c, () => c.request(method, [1, 2], id)), -32602, id); });
    T(`${m}: huge and negative positions are clamped`, async (c) => {
        await open(c, NAV_DOC, NAV_TEXT);
        for (const pos of [{ line: 1e9, character: 4e9 }, { line: -5, character: -5 }, { line: 1, character: 1e6 }]) {
            const id = 'n' + (++navN);
            const r = responses(await probe(c, () => c.request(method, navParams(m, { position: pos }), id)))[0];
            check(r && r.id === id && (r.result !== undefined || (r.error && r.error.code === -32803)), `answered ${JSON.stringify(r && r.error)}`);
        }
    });
}
T('references: includeDeclaration is a string', async (c) => {
    await open(c, NAV_DOC, NAV_TEXT);
    oneError(await probe(c, () => c.request('textDocument/references', navParams('references', { context: { includeDeclaration: 'yes' } }), 'rf1')), -32602, 'rf1');
});
T('references: context missing means no declaration', async (c) => {
    await open(c, NAV_DOC, NAV_TEXT);
    const r = responses(await probe(c, () => c.request('textDocument/references', { textDocument: { uri: NAV_DOC }, position: { line: 1, character: 6 } }, 'rf2')))[0];
    eq(r.result.length, 1, 'the one use of b');
});
for (const [name, newName] of [['missing', undefined], ['a number', 5], ['null', null], ['an object', {}]]) {
    T(`rename: newName ${name}`, async (c) => {
        await open(c, NAV_DOC, NAV_TEXT);
        const p = navParams('rename'); if (newName === undefined) delete p.newName; else p.newName = newName;
        oneError(await probe(c, () => c.request('textDocument/rename', p, 'rn-' + name)), -32602, 'rn-' + name);
    });
}
for (const [name, newName] of [['empty', ''], ['a space', 'a b'], ['a NUL', 'a\u0000b'], ['an escape', '\\u0061'], ['a keyword', 'function'],
    ['a digit first', '9lives'], ['10 kB long', 'x'.repeat(10000) + '-'], ['a lone surrogate', 'a\ud800'], ['an emoji', '😀'], ['a comment', 'a/*x*/'], ['two names', 'a,b']]) {
    T(`rename: newName ${name} is refused`, async (c) => {
        await open(c, NAV_DOC, NAV_TEXT);
        oneError(await probe(c, () => c.request('textDocument/rename', navParams('rename', { newName }), 'rr-' + name)), -32803, 'rr-' + name);
    });
}
T('rename: a Unicode identifier is accepted', async (c) => {
    await open(c, NAV_DOC, NAV_TEXT);
    const r = responses(await probe(c, () => c.request('textDocument/rename', navParams('rename', { newName: 'été' }), 'ru')))[0];
    eq(r.result.changes[NAV_DOC].map((e) => e.newText), ['été', 'été'], 'two edits');
});
T('rename: on whitespace, a global, arguments, a label', async (c) => {
    await open(c, NAV_DOC, 'function g() { lab: for (;;) break lab; return arguments.length + undefinedThing; }\n');
    for (const [ch, id] of [[13, 'w1'], [16, 'w2'], [45, 'w3'], [70, 'w4']]) {
        oneError(await probe(c, () => c.request('textDocument/rename', { textDocument: { uri: NAV_DOC }, position: { line: 0, character: ch }, newName: 'zz' }, id)), -32803, id);
    }
});
T('navigation on a broken document', async (c) => {
    await open(c, NAV_DOC, 'function f(a { let b = a +;\n  return b\nclass { x( }\nimport { y } from;\n');
    for (const m of NAV_METHODS) {
        for (let line = 0; line < 5; line++) for (let ch = 0; ch < 30; ch += 3) {
            const r = await ask(c, 'textDocument/' + m, navParams(m, { position: { line, character: ch } }));
            check(r.result !== undefined || (r.error && r.error.code === -32803), `${m} ${line}:${ch} ${JSON.stringify(r.error)}`);
        }
    }
});
T('positions inside a surrogate pair and after multi-byte text', async (c) => {
    await open(c, NAV_DOC, 'const é = "😀"; é;\n');
    for (const m of NAV_METHODS) for (let ch = 0; ch < 20; ch++) {
        const r = await ask(c, 'textDocument/' + m, navParams(m, { position: { line: 0, character: ch } }));
        check(r.result !== undefined || (r.error && r.error.code === -32803), `${m} ${ch}`);
    }
});
T('navigation at the bottom of 5,000 nested brackets', async (c) => {
    const depth = 5000;
    const text = 'let v = ' + '['.repeat(depth) + 'v' + ']'.repeat(depth) + ';\n';
    await open(c, NAV_DOC, text);
    for (const m of [...NAV_METHODS, 'codeAction']) {
        const p = m === 'codeAction' ? { textDocument: { uri: NAV_DOC }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, context: {} }
            : navParams(m, { position: { line: 0, character: 8 + depth } });
        const r = await ask(c, 'textDocument/' + m, p, 60000);
        check(r.result !== undefined || (r.error && r.error.code === -32803), `${m}: ${JSON.stringify(r.error)}`);
    }
});
T('codeAction: range missing, of wrong type, context.only not an array', async (c) => {
    await open(c, NAV_DOC, NAV_TEXT);
    oneError(await probe(c, () => c.request('textDocument/codeAction', { textDocument: { uri: NAV_DOC }, context: { diagnostics: [] } }, 'ca1')), -32602, 'ca1');
    oneError(await probe(c, () => c.request('textDocument/codeAction', { textDocument: { uri: NAV_DOC }, range: 3, context: {} }, 'ca2')), -32602, 'ca2');
    oneError(await probe(c, () => c.request('textDocument/codeAction', { textDocument: { uri: NAV_DOC }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { only: 'quickfix' } }, 'ca3')), -32602, 'ca3');
    oneError(await probe(c, () => c.request('textDocument/codeAction', { textDocument: { uri: 'file:///hostile/never.js' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: {} }, 'ca4')), -32602, 'ca4');
});
T('codeAction: inverted and huge ranges, a document that changes between requests', async (c) => {
    await open(c, NAV_DOC, 'x: for (;;) { break; }\n');
    const r1 = responses(await probe(c, () => c.request('textDocument/codeAction', { textDocument: { uri: NAV_DOC }, range: { start: { line: 1e9, character: 0 }, end: { line: -1, character: -1 } }, context: {} }, 'ca5')))[0];
    check(r1.result.length >= 2, 'actions for the whole document');
    change(c, NAV_DOC, 2, [{ text: 'f();\nfunction f() {}\n' }]);
    const r2 = responses(await probe(c, () => c.request('textDocument/codeAction', { textDocument: { uri: NAV_DOC }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, context: {} }, 'ca6')))[0];
    eq(r2.result, [], 'the new version has no finding');
});
T('completion: context of wrong type', async (c) => {
    await open(c, NAV_DOC, NAV_TEXT);
    oneError(await probe(c, () => c.request('textDocument/completion', navParams('completion', { context: 'x' }), 'cp1')), -32602, 'cp1');
});
T('completion: after a dot on non-globals, in strings, in comments, in numbers', async (c) => {
    await open(c, NAV_DOC, 'let o = {}; o.\n"Math.m";\n// Math.\n1.5\n...\n');
    for (const [line, ch] of [[0, 14], [1, 7], [2, 8], [3, 2], [4, 3]]) {
        const r = await ask(c, 'textDocument/completion', navParams('completion', { position: { line, character: ch } }));
        eq(r.result.items, [], `nothing at ${line}:${ch}`);
    }
});
OWN('module graph: cycles, self re-exports, directories, devices and missing files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ochre-nav-'));
    fs.writeFileSync(path.join(dir, 'a.mjs'), 'export { x } from "./b.mjs";\nexport { y } from "./a.mjs";\n');
    fs.writeFileSync(path.join(dir, 'b.mjs'), 'export { x } from "./a.mjs";\n');
    fs.mkdirSync(path.join(dir, 'dir.js'));
    fs.writeFileSync(path.join(dir, 'bin.js'), Buffer.from([0xff, 0xfe, 0, 1, 2, 0xc3]));
    const c = await newServer(true);
    const uri = 'file://' + path.join(dir, 'main.mjs');
    const text = 'import { x, y } from "./a.mjs";\nimport d from "./dir.js";\nimport z from "./bin.js";\nimport n from "../../../../../../dev/zero";\nimport m from "./missing.mjs";\nx; y; d; z; n; m;\n';
    await open(c, uri, text);
    for (let ch = 0; ch < 17; ch += 3) {
        for (const m of ['definition', 'references', 'hover', 'rename', 'documentHighlight']) {
            const r = await ask(c, 'textDocument/' + m, { textDocument: { uri }, position: { line: 5, character: ch }, newName: 'q', context: { includeDeclaration: true } });
            check(r.result !== undefined || (r.error && r.error.code === -32803), `${m} at ${ch}: ${JSON.stringify(r.error)}`);
        }
    }
    const def = async (ch) => (await ask(c, 'textDocument/definition', { textDocument: { uri }, position: { line: 5, character: ch } })).result.map((l) => `${l.uri === uri ? 'main' : path.basename(l.uri)} ${l.range.start.line}:${l.range.start.character}`);
    eq(await def(9), ['main 2:7'], 'a binary file without that export: the import specifier');
    eq(await def(12), ['main 3:7'], 'a device is not read');
    check(['a.mjs 0:9', 'b.mjs 0:9'].includes((await def(0))[0]), 'a re-export cycle ends on one of its re-exports');
    await c.shutdown();
    fs.rmSync(dir, { recursive: true });
});
OWN('rename with a workspace folder that does not exist or is a file', async () => {
    const c = new Client();
    allClients.push(c);
    await c.call('initialize', { processId: null, rootUri: 'file:///nonexistent/ws', capabilities: {}, workspaceFolders: [{ uri: 'file:///etc/hostname', name: 'f' }, { uri: 42 }, 'x'] });
    c.notify('initialized', {});
    const uri = 'file:///nonexistent/ws/a.mjs';
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text: 'export const q = 1;\n' } });
    const r = await c.call('textDocument/rename', { textDocument: { uri }, position: { line: 0, character: 13 }, newName: 'w' });
    eq(Object.keys(r.result.changes), [uri], 'only the document');
    await c.shutdown();
});

// ---------------------------------------------------------------------------
async function main() {
    const filter = process.argv[2];
    let passed = 0, failed = 0;
    let shared = null;
    for (const k of cases) {
        if (filter && !k.name.includes(filter)) continue;
        try {
            if (k.own) {
                await k.fn();
            } else {
                if (!shared || shared.exitCode !== null) shared = await newServer(true);
                await k.fn(shared);
            }
            passed++;
        } catch (e) {
            failed++;
            console.log(`FAIL ${k.name}: ${e instanceof Fail ? e.message : e.stack}`);
            if (shared && shared.exitCode !== null) {
                console.log(`  (server exited ${shared.exitCode}; stderr: ${shared.stderr.slice(0, 2000)})`);
                shared = null;
            }
        }
    }
    if (shared) {
        const { code } = await shared.shutdown().catch(() => ({ code: 'dead' }));
        if (code !== 0) { failed++; console.log(`FAIL final shutdown of the shared server: ${code}`); } else passed++;
        if (shared.stderr) console.log('server stderr:\n' + shared.stderr.slice(0, 4000));
    }
    // Sanitizer reports from any server process (ASan/UBSan builds).
    await Promise.all(allClients.map((c) => (c.exitCode === null ? (c.kill(), c.exited) : null)));
    for (const c of allClients) {
        if (/Sanitizer|runtime error:/.test(c.stderr)) {
            failed++;
            console.log('FAIL sanitizer report:\n' + c.stderr.slice(0, 4000));
        }
    }
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
}
main();
