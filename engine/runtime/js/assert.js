// node:assert (legacy) and node:assert/strict: ok, equal, notEqual,
// strictEqual, notStrictEqual, deepEqual, deepStrictEqual, notDeepEqual,
// notDeepStrictEqual, throws, doesNotThrow, rejects, doesNotReject, match,
// doesNotMatch, fail, ifError, AssertionError (code ERR_ASSERTION, actual,
// expected, operator, generatedMessage). Deep-equality failures carry a
// line diff of the two values' inspections (+ actual, - expected).
'use strict';

const inspect = (v) => binding.inspect(v);

class AssertionError extends Error {
    constructor(options) {
        const { message, actual, expected, operator } = options;
        super(message !== undefined ? String(message) : generateMessage(actual, expected, operator));
        this.generatedMessage = message === undefined;
        this.code = 'ERR_ASSERTION';
        this.actual = actual;
        this.expected = expected;
        this.operator = operator;
    }
    get name() { return 'AssertionError'; }
    toString() { return `AssertionError [ERR_ASSERTION]: ${this.message}`; }
}

// Line diff of two inspections (longest common subsequence of lines).
function lineDiff(actual, expected) {
    const a = inspect(actual).split('\n'), b = inspect(expected).split('\n');
    const n = a.length, m = b.length;
    if (n * m > 1e6) return `+ ${a.join('\n+ ')}\n- ${b.join('\n- ')}`;
    const lcs = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--)
        for (let j = m - 1; j >= 0; j--)
            lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    const out = [];
    let i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] === b[j]) { out.push(`  ${a[i]}`); i++; j++; }
        else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) out.push(`- ${b[j++]}`);
        else out.push(`+ ${a[i++]}`);
    }
    return out.join('\n');
}

const kReadable = {
    deepStrictEqual: 'Expected values to be strictly deep-equal:',
    deepEqual: 'Expected values to be loosely deep-equal:',
    strictEqual: 'Expected values to be strictly equal:',
    notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
    notStrictEqual: 'Expected "actual" to be strictly unequal to:',
};

function generateMessage(actual, expected, operator) {
    if (operator === 'deepStrictEqual' || operator === 'deepEqual')
        return `${kReadable[operator]}\n+ actual - expected\n\n${lineDiff(actual, expected)}`;
    if (operator === 'strictEqual') {
        const a = inspect(actual), e = inspect(expected);
        if (!a.includes('\n') && !e.includes('\n') && typeof actual !== 'object')
            return `${kReadable.strictEqual}\n\n${a} !== ${e}\n`;
        return `${kReadable.strictEqual}\n+ actual - expected\n\n${lineDiff(actual, expected)}`;
    }
    if (operator in kReadable) return `${kReadable[operator]}\n\n${inspect(actual)}\n`;
    if (operator === '==') return `${inspect(actual)} == ${inspect(expected)}`;
    if (operator === '!=') return `${inspect(actual)} != ${inspect(expected)}`;
    return `${inspect(actual)} ${operator} ${inspect(expected)}`;
}

function fail(actual, expected, message, operator) {
    if (message instanceof Error) throw message;
    throw new AssertionError({ actual, expected, operator, message });
}

// isDeepEqual: strict compares prototypes, types and uses Object.is;
// loose uses == for primitives and ignores prototypes.
function isDeepEqual(a, b, strict, memo) {
    if (strict ? Object.is(a, b) : (a == b || (a !== a && b !== b))) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
        return !strict && (typeof a !== 'object' || a === null) && (typeof b !== 'object' || b === null) && a == b;
    }
    if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    const ta = Object.prototype.toString.call(a), tb = Object.prototype.toString.call(b);
    if (ta !== tb) return false;
    for (const [x, y] of memo) if (x === a && y === b) return true;
    memo.push([a, b]);
    if (ta === '[object Date]') return a.getTime() === b.getTime();
    if (ta === '[object RegExp]') return String(a) === String(b) && a.lastIndex === b.lastIndex;
    if (a instanceof Error && (a.message !== b.message || a.name !== b.name)) return false;
    if (ta === '[object Number]' || ta === '[object String]' || ta === '[object Boolean]')
        if (!Object.is(a.valueOf(), b.valueOf())) return false;
    if (ta === '[object Map]') {
        if (a.size !== b.size) return false;
        for (const [k, v] of a) if (!b.has(k) || !isDeepEqual(v, b.get(k), strict, memo)) return false;
        return true;
    }
    if (ta === '[object Set]') {
        if (a.size !== b.size) return false;
        for (const v of a) {
            if (b.has(v)) continue;
            if (typeof v !== 'object' || ![...b].some((w) => isDeepEqual(v, w, strict, memo))) return false;
        }
        return true;
    }
    if (Array.isArray(a) && a.length !== b.length) return false;
    const keys = (o) => strict
        ? Reflect.ownKeys(o).filter((k) => Object.prototype.propertyIsEnumerable.call(o, k))
        : Object.keys(o);
    const ka = keys(a), kb = keys(b);
    if (ka.length !== kb.length) return false;
    for (const k of ka) {
        if (!Object.prototype.propertyIsEnumerable.call(b, k)) return false;
        if (!isDeepEqual(a[k], b[k], strict, memo)) return false;
    }
    return true;
}

function ok(value, message) {
    if (!value) fail(value, true, message === undefined && arguments.length === 0
        ? 'No value argument passed to `assert.ok()`'
        : message === undefined ? `The expression evaluated to a falsy value:\n\n  assert.ok(${inspect(value)})\n` : message, '==');
}

const assert = function (value, message) { ok.apply(undefined, arguments); };
assert.ok = ok;
assert.AssertionError = AssertionError;
assert.fail = (message = 'Failed') => {
    if (message instanceof Error) throw message;
    throw new AssertionError({ message, operator: 'fail' });
};
assert.equal = (a, b, message) => { if (!(a == b || (a !== a && b !== b))) fail(a, b, message, '=='); };
assert.notEqual = (a, b, message) => { if (a == b || (a !== a && b !== b)) fail(a, b, message, '!='); };
assert.strictEqual = (a, b, message) => { if (!Object.is(a, b)) fail(a, b, message, 'strictEqual'); };
assert.notStrictEqual = (a, b, message) => { if (Object.is(a, b)) fail(a, b, message, 'notStrictEqual'); };
assert.deepEqual = (a, b, message) => { if (!isDeepEqual(a, b, false, [])) fail(a, b, message, 'deepEqual'); };
assert.notDeepEqual = (a, b, message) => { if (isDeepEqual(a, b, false, [])) fail(a, b, message, 'notDeepEqual'); };
assert.deepStrictEqual = (a, b, message) => { if (!isDeepEqual(a, b, true, [])) fail(a, b, message, 'deepStrictEqual'); };
assert.notDeepStrictEqual = (a, b, message) => { if (isDeepEqual(a, b, true, [])) fail(a, b, message, 'notDeepStrictEqual'); };

// Whether error e matches `expected` (a class, a validation function, a
// RegExp on its string, or an object whose properties must deep-equal).
function matches(e, expected, message, fnName) {
    if (expected === undefined) return;
    if (typeof expected === 'function') {
        if (expected.prototype !== undefined && e instanceof expected) return;
        if (Error.isPrototypeOf(expected) || expected === Error) fail(e, expected, message, fnName);
        if (expected.call({}, e) === true) return;
        fail(e, expected, message || `The ${fnName} validation function is expected to return "true". Received false`, fnName);
    }
    if (expected instanceof RegExp) {
        if (expected.test(String(e))) return;
        fail(e, expected, message || `The input did not match the regular expression ${expected}. Input:\n\n${inspect(String(e))}\n`, fnName);
    }
    if (typeof expected === 'object' && expected !== null) {
        for (const k of Object.keys(expected)) {
            const want = expected[k], got = e == null ? undefined : e[k];
            if (want instanceof RegExp && typeof got === 'string' ? want.test(got) : isDeepEqual(got, want, true, [])) continue;
            fail(e, expected, message, fnName);
        }
    }
}

assert.throws = (fn, expected, message) => {
    if (typeof expected === 'string') { message = expected; expected = undefined; }
    try {
        fn();
    } catch (e) {
        matches(e, expected, message, 'throws');
        return;
    }
    fail(undefined, expected, message === undefined ? 'Missing expected exception.' : `Missing expected exception: ${message}`, 'throws');
};

assert.doesNotThrow = (fn, message) => {
    try {
        fn();
    } catch (e) {
        fail(e, undefined, `Got unwanted exception${typeof message === 'string' ? `: ${message}` : '.'}\nActual message: "${e && e.message}"`, 'doesNotThrow');
    }
};

assert.rejects = async (promiseOrFn, expected, message) => {
    if (typeof expected === 'string') { message = expected; expected = undefined; }
    try {
        await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
    } catch (e) {
        matches(e, expected, message, 'rejects');
        return;
    }
    fail(undefined, expected, message === undefined ? 'Missing expected rejection.' : `Missing expected rejection: ${message}`, 'rejects');
};

assert.doesNotReject = async (promiseOrFn, message) => {
    try {
        await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
    } catch (e) {
        fail(e, undefined, `Got unwanted rejection.\nActual message: "${e && e.message}"${message ? `\n${message}` : ''}`, 'doesNotReject');
    }
};

assert.match = (s, re, message) => {
    if (typeof s !== 'string' || !re.test(s))
        fail(s, re, message || `The input did not match the regular expression ${re}. Input:\n\n${inspect(s)}\n`, 'match');
};
assert.doesNotMatch = (s, re, message) => {
    if (typeof s === 'string' && re.test(s))
        fail(s, re, message || `The input was expected to not match the regular expression ${re}. Input:\n\n${inspect(s)}\n`, 'doesNotMatch');
};
assert.ifError = (v) => {
    if (v !== null && v !== undefined) {
        if (v instanceof Error) throw v;
        fail(v, null, `ifError got unwanted exception: ${inspect(v)}`, 'ifError');
    }
};

// assert.strict: the strict variants under the loose names.
const strict = function (value, message) { ok.apply(undefined, arguments); };
Object.assign(strict, assert, {
    equal: assert.strictEqual, notEqual: assert.notStrictEqual,
    deepEqual: assert.deepStrictEqual, notDeepEqual: assert.notDeepStrictEqual,
});
strict.strict = strict;
assert.strict = strict;
module.exports = assert;
