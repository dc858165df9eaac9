// Small web globals: structuredClone (the structured serialize/deserialize
// of plain data: primitives, wrappers, Date, RegExp, arrays, plain
// objects, Map, Set, errors, with cycles and shared references kept),
// atob and btoa. Loaded on first use of one of those globals.
'use strict';

function dataCloneError(v) {
    const e = new Error(`${typeof v === 'function' ? String(v).slice(0, 60) : typeof v === 'symbol' ? String(v) : Object.prototype.toString.call(v)} could not be cloned.`);
    e.name = 'DataCloneError';
    e.code = 25;
    return e;
}

const ERROR_NAMES = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'];

function structuredClone(value, options) {
    if (arguments.length === 0) throw new TypeError('The "value" argument must be specified');
    void options;
    const memo = typeof Map === 'function' ? new Map() : null;
    const memoKeys = [], memoVals = [];
    const seen = (v) => (memo ? memo.get(v) : memoVals[memoKeys.indexOf(v)]);
    const remember = (v, c) => { if (memo) memo.set(v, c); else { memoKeys.push(v); memoVals.push(c); } };
    function clone(v) {
        if (typeof v === 'symbol' || typeof v === 'function') throw dataCloneError(v);
        if (v === null || typeof v !== 'object') return v;
        const prior = seen(v);
        if (prior !== undefined) return prior;
        const tag = Object.prototype.toString.call(v).slice(8, -1);
        let out;
        switch (tag) {
        case 'Boolean': case 'Number': case 'String': case 'BigInt':
            out = Object(v.valueOf());
            remember(v, out);
            return out;
        case 'Date':
            out = new Date(v.getTime());
            remember(v, out);
            return out;
        case 'RegExp':
            out = new RegExp(v.source, v.flags);
            remember(v, out);
            return out;
        case 'Map':
            out = new Map();
            remember(v, out);
            for (const [k, x] of v) out.set(clone(k), clone(x));
            return out;
        case 'Set':
            out = new Set();
            remember(v, out);
            for (const x of v) out.add(clone(x));
            return out;
        case 'Error': {
            const name = ERROR_NAMES.includes(v.name) ? v.name : 'Error';
            const Ctor = globalThis[name];
            out = Object.create(Ctor.prototype);
            remember(v, out);
            if ('message' in v) Object.defineProperty(out, 'message', { value: String(v.message), writable: true, configurable: true });
            if (typeof v.stack === 'string') Object.defineProperty(out, 'stack', { value: v.stack, writable: true, configurable: true });
            if ('cause' in v) Object.defineProperty(out, 'cause', { value: clone(v.cause), writable: true, configurable: true });
            return out;
        }
        case 'Array':
            out = new Array(v.length);
            remember(v, out);
            break;
        case 'Object':
            out = {};
            remember(v, out);
            break;
        default:
            throw dataCloneError(v);
        }
        for (const k of Object.keys(v)) out[k] = clone(v[k]);
        return out;
    }
    return clone(value);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function invalidCharacter() {
    const e = new Error('Invalid character');
    e.name = 'InvalidCharacterError';
    e.code = 5;
    return e;
}

function btoa(s) {
    if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
    s = String(s);
    let out = '';
    for (let i = 0; i < s.length; i += 3) {
        const a = s.charCodeAt(i), b = s.charCodeAt(i + 1), c = s.charCodeAt(i + 2);
        if (a > 255 || b > 255 || c > 255) throw invalidCharacter();
        const n = (a << 16) | ((b || 0) << 8) | (c || 0);
        out += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < s.length ? B64[(n >> 6) & 63] : '=') +
            (i + 2 < s.length ? B64[n & 63] : '=');
    }
    return out;
}

function atob(s) {
    if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
    s = String(s);
    let clean = '';
    for (const ch of s) if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\f' && ch !== '\r') clean += ch;
    if (clean.length % 4 === 0 && clean.endsWith('==')) clean = clean.slice(0, -2);
    else if (clean.length % 4 === 0 && clean.endsWith('=')) clean = clean.slice(0, -1);
    if (clean.length % 4 === 1) throw invalidCharacter();
    let out = '', bits = 0, acc = 0;
    for (const ch of clean) {
        const v = B64.indexOf(ch);
        if (v < 0) throw invalidCharacter();
        acc = (acc << 6) | v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += String.fromCharCode((acc >> bits) & 255);
        }
    }
    return out;
}

module.exports = { structuredClone, atob, btoa };
