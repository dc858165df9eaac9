// Web events for the globals: Event, EventTarget, AbortController,
// AbortSignal (abort, timeout, any, throwIfAborted), as in node. Loaded on
// first use of one of those globals.
'use strict';

const kStop = Symbol('stop');
class Event {
    #type;
    constructor(type, options) {
        if (arguments.length === 0) throw new TypeError('The "type" argument must be specified');
        if (options === undefined || options === null) options = {};
        this.#type = String(type);
        this.bubbles = !!options.bubbles;
        this.cancelable = !!options.cancelable;
        this.composed = !!options.composed;
        this.defaultPrevented = false;
        this.timeStamp = performance.now();
        this.target = null;
        this.currentTarget = null;
        this[kStop] = false;
    }
    get type() { return this.#type; }
    preventDefault() { if (this.cancelable) this.defaultPrevented = true; }
    stopImmediatePropagation() { this[kStop] = true; }
    stopPropagation() {}
    get [Symbol.toStringTag]() { return 'Event'; }
}

const kListeners = Symbol('listeners');
class EventTarget {
    constructor() { this[kListeners] = Object.create(null); }
    addEventListener(type, listener, options) {
        if (listener === null || listener === undefined) return;
        const once = typeof options === 'object' && options !== null && !!options.once;
        const signal = typeof options === 'object' && options !== null ? options.signal : undefined;
        const list = this[kListeners][type] || (this[kListeners][type] = []);
        if (list.some((l) => l.listener === listener)) return;
        const rec = { listener, once };
        list.push(rec);
        if (signal) signal.addEventListener('abort', () => this.removeEventListener(type, listener), { once: true });
    }
    removeEventListener(type, listener) {
        const list = this[kListeners][type];
        if (!list) return;
        const i = list.findIndex((l) => l.listener === listener);
        if (i >= 0) list.splice(i, 1);
    }
    dispatchEvent(event) {
        if (!(event instanceof Event)) throw new TypeError('The "event" argument must be an instance of Event');
        event.target = this;
        event.currentTarget = this;
        const list = this[kListeners][event.type];
        if (list) {
            for (const rec of list.slice()) {
                if (rec.once) this.removeEventListener(event.type, rec.listener);
                const l = rec.listener;
                try {
                    if (typeof l === 'function') l.call(this, event);
                    else if (l && typeof l.handleEvent === 'function') l.handleEvent(event);
                } catch (e) {
                    process.nextTick(() => { throw e; });
                }
                if (event[kStop]) break;
            }
        }
        event.currentTarget = null;
        return !event.defaultPrevented;
    }
    get [Symbol.toStringTag]() { return 'EventTarget'; }
}

function domException(message, name) {
    const e = new Error(message);
    e.name = name;
    e.code = name === 'AbortError' ? 20 : name === 'TimeoutError' ? 23 : 0;
    return e;
}

class AbortSignal extends EventTarget {
    constructor(key) {
        if (key !== kCreate) throw new TypeError('Illegal constructor');
        super();
        this.aborted = false;
        this.reason = undefined;
        this.onabort = null;
    }
    throwIfAborted() { if (this.aborted) throw this.reason; }
    static abort(reason) {
        const s = new AbortSignal(kCreate);
        s.aborted = true;
        s.reason = reason === undefined ? domException('This operation was aborted', 'AbortError') : reason;
        return s;
    }
    static timeout(ms) {
        const s = new AbortSignal(kCreate);
        const t = setTimeout(() => abortSignal(s, domException('The operation was aborted due to timeout', 'TimeoutError')), ms);
        if (t && t.unref) t.unref();
        return s;
    }
    static any(signals) {
        const s = new AbortSignal(kCreate);
        for (const x of signals) {
            if (x.aborted) return AbortSignal.abort(x.reason);
            x.addEventListener('abort', () => abortSignal(s, x.reason), { once: true });
        }
        return s;
    }
    get [Symbol.toStringTag]() { return 'AbortSignal'; }
}
const kCreate = Symbol('create');

function abortSignal(signal, reason) {
    if (signal.aborted) return;
    signal.aborted = true;
    signal.reason = reason;
    const ev = new Event('abort');
    if (typeof signal.onabort === 'function') signal.onabort.call(signal, ev);
    signal.dispatchEvent(ev);
}

class AbortController {
    #signal = new AbortSignal(kCreate);
    get signal() { return this.#signal; }
    abort(reason) {
        abortSignal(this.#signal, reason === undefined ? domException('This operation was aborted', 'AbortError') : reason);
    }
    get [Symbol.toStringTag]() { return 'AbortController'; }
}

module.exports = { Event, EventTarget, AbortController, AbortSignal };
