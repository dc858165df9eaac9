// node:util: format, inspect (the runtime's inspector), promisify,
// callbackify, inherits, deprecate, isDeepStrictEqual, types, and the
// TextEncoder/TextDecoder names when the globals exist.
'use strict';

function format(...args) { return binding.format(...args); }
function inspect(value) { return binding.inspect(value); }
inspect.custom = Symbol.for('nodejs.util.inspect.custom');

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
function promisify(fn) {
    if (typeof fn !== 'function') {
        const e = new TypeError(`The "original" argument must be of type function`);
        e.code = 'ERR_INVALID_ARG_TYPE';
        throw e;
    }
    if (fn[kCustomPromisify]) return fn[kCustomPromisify];
    function promisified(...args) {
        return new Promise((resolve, reject) => {
            fn.call(this, ...args, (err, ...values) => {
                if (err) reject(err);
                else resolve(values.length > 1 ? values : values[0]);
            });
        });
    }
    Object.setPrototypeOf(promisified, Object.getPrototypeOf(fn));
    return Object.defineProperties(promisified, Object.getOwnPropertyDescriptors(fn));
}
promisify.custom = kCustomPromisify;

function callbackify(fn) {
    return function (...args) {
        const cb = args.pop();
        fn.apply(this, args).then((v) => process.nextTick(cb, null, v),
            (err) => process.nextTick(cb, err || Object.assign(new Error('Promise was rejected with a falsy value'), { reason: err })));
    };
}

function inherits(ctor, superCtor) {
    Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function deprecate(fn, msg, code) {
    let warned = false;
    return function (...args) {
        if (!warned) {
            warned = true;
            process.stderr.write(`(node) ${code ? `[${code}] ` : ''}DeprecationWarning: ${msg}\n`);
        }
        return new.target ? Reflect.construct(fn, args, new.target) : fn.apply(this, args);
    };
}

function isDeepStrictEqual(a, b, seen = []) {
    if (Object.is(a, b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    if (Object.prototype.toString.call(a) !== Object.prototype.toString.call(b)) return false;
    for (const [x, y] of seen) if (x === a && y === b) return true;
    seen.push([a, b]);
    if (a instanceof Date) return a.getTime() === b.getTime();
    if (a instanceof RegExp) return String(a) === String(b);
    if (typeof Map === 'function' && a instanceof Map) {
        if (a.size !== b.size) return false;
        for (const [k, v] of a) if (!b.has(k) || !isDeepStrictEqual(v, b.get(k), seen)) return false;
        return true;
    }
    if (typeof Set === 'function' && a instanceof Set) {
        if (a.size !== b.size) return false;
        for (const v of a) if (!b.has(v)) return false;
        return true;
    }
    const ka = Reflect.ownKeys(a).filter((k) => Object.prototype.propertyIsEnumerable.call(a, k));
    const kb = Reflect.ownKeys(b).filter((k) => Object.prototype.propertyIsEnumerable.call(b, k));
    if (ka.length !== kb.length) return false;
    for (const k of ka) {
        if (!Object.prototype.propertyIsEnumerable.call(b, k)) return false;
        if (!isDeepStrictEqual(a[k], b[k], seen)) return false;
    }
    return true;
}

const tag = (v) => Object.prototype.toString.call(v).slice(8, -1);
const types = {
    isPromise: (v) => v instanceof Promise,
    isDate: (v) => tag(v) === 'Date',
    isRegExp: (v) => tag(v) === 'RegExp',
    isMap: (v) => tag(v) === 'Map',
    isSet: (v) => tag(v) === 'Set',
    isNativeError: (v) => v instanceof Error,
    isAsyncFunction: (v) => tag(v) === 'AsyncFunction',
    isGeneratorFunction: (v) => tag(v) === 'GeneratorFunction' || tag(v) === 'AsyncGeneratorFunction',
    isTypedArray: (v) => ArrayBuffer !== undefined && ArrayBuffer.isView && ArrayBuffer.isView(v) && tag(v) !== 'DataView',
};

module.exports = {
    format, inspect, promisify, callbackify, inherits, deprecate, isDeepStrictEqual, types,
    isArray: Array.isArray,
};
