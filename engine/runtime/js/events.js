// node:events: EventEmitter (on/addListener, prependListener, once,
// prependOnceListener, off/removeListener, removeAllListeners, emit with
// the 'error' rule, listeners, rawListeners, listenerCount, eventNames,
// setMaxListeners/getMaxListeners with the leak warning), events.once
// (a promise) and events.on is not provided yet.
'use strict';

let defaultMaxListeners = 10;

function checkListener(listener) {
    if (typeof listener !== 'function') {
        const e = new TypeError(`The "listener" argument must be of type function. Received ${listener === null ? 'null' : typeof listener}`);
        e.code = 'ERR_INVALID_ARG_TYPE';
        throw e;
    }
}

function EventEmitter(opts) {
    EventEmitter.init.call(this, opts);
}

EventEmitter.init = function () {
    if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
        this._events = Object.create(null);
        this._eventsCount = 0;
    }
    this._maxListeners = this._maxListeners || undefined;
};

Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
    enumerable: true,
    get() { return defaultMaxListeners; },
    set(n) { defaultMaxListeners = n; },
});

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;

EventEmitter.prototype.setMaxListeners = function (n) {
    this._maxListeners = n;
    return this;
};

EventEmitter.prototype.getMaxListeners = function () {
    return this._maxListeners === undefined ? defaultMaxListeners : this._maxListeners;
};

function addListener(target, type, listener, prepend) {
    checkListener(listener);
    if (target._events === undefined) EventEmitter.init.call(target);
    const events = target._events;
    if (events.newListener !== undefined)
        target.emit('newListener', type, listener.listener ? listener.listener : listener);
    const existing = events[type];
    if (existing === undefined) {
        events[type] = listener;
        target._eventsCount++;
    } else if (typeof existing === 'function') {
        events[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
        existing.unshift(listener);
    } else {
        existing.push(listener);
    }
    const list = events[type];
    const max = target.getMaxListeners();
    if (Array.isArray(list) && max > 0 && list.length > max && !list.warned) {
        list.warned = true;
        process.stderr.write(`(node) MaxListenersExceededWarning: Possible EventEmitter memory leak detected. ` +
            `${list.length} ${String(type)} listeners added. Use emitter.setMaxListeners() to increase limit\n`);
    }
    return target;
}

EventEmitter.prototype.addListener = function (type, listener) { return addListener(this, type, listener, false); };
EventEmitter.prototype.on = EventEmitter.prototype.addListener;
EventEmitter.prototype.prependListener = function (type, listener) { return addListener(this, type, listener, true); };

function onceWrapper(target, type, listener) {
    const state = { fired: false, target, type, listener };
    function wrapped(...args) {
        if (state.fired) return undefined;
        state.fired = true;
        state.target.removeListener(state.type, wrapped);
        return state.listener.apply(state.target, args);
    }
    wrapped.listener = listener;
    return wrapped;
}

EventEmitter.prototype.once = function (type, listener) {
    checkListener(listener);
    return this.on(type, onceWrapper(this, type, listener));
};

EventEmitter.prototype.prependOnceListener = function (type, listener) {
    checkListener(listener);
    return this.prependListener(type, onceWrapper(this, type, listener));
};

EventEmitter.prototype.removeListener = function (type, listener) {
    checkListener(listener);
    const events = this._events;
    if (events === undefined) return this;
    const list = events[type];
    if (list === undefined) return this;
    if (list === listener || list.listener === listener) {
        if (--this._eventsCount === 0) this._events = Object.create(null);
        else delete events[type];
        if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
    } else if (typeof list !== 'function') {
        for (let i = list.length - 1; i >= 0; i--) {
            if (list[i] === listener || list[i].listener === listener) {
                list.splice(i, 1);
                if (list.length === 1) events[type] = list[0];
                if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
                break;
            }
        }
    }
    return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function (type) {
    if (this._events === undefined) return this;
    if (type === undefined) {
        this._events = Object.create(null);
        this._eventsCount = 0;
    } else if (this._events[type] !== undefined) {
        if (--this._eventsCount === 0) this._events = Object.create(null);
        else delete this._events[type];
    }
    return this;
};

EventEmitter.prototype.emit = function (type, ...args) {
    const events = this._events;
    const handler = events === undefined ? undefined : events[type];
    if (handler === undefined) {
        if (type === 'error') {
            const er = args[0];
            if (er instanceof Error) throw er;
            const e = new Error('Unhandled error.' + (er === undefined ? '' : ` (${er})`));
            e.code = 'ERR_UNHANDLED_ERROR';
            e.context = er;
            throw e;
        }
        return false;
    }
    if (typeof handler === 'function') {
        handler.apply(this, args);
    } else {
        for (const l of handler.slice()) l.apply(this, args);
    }
    return true;
};

EventEmitter.prototype.listeners = function (type) {
    const l = this._events === undefined ? undefined : this._events[type];
    if (l === undefined) return [];
    return typeof l === 'function' ? [l.listener || l] : l.map((x) => x.listener || x);
};

EventEmitter.prototype.rawListeners = function (type) {
    const l = this._events === undefined ? undefined : this._events[type];
    if (l === undefined) return [];
    return typeof l === 'function' ? [l] : l.slice();
};

EventEmitter.prototype.listenerCount = function (type) {
    const l = this._events === undefined ? undefined : this._events[type];
    return l === undefined ? 0 : typeof l === 'function' ? 1 : l.length;
};

EventEmitter.prototype.eventNames = function () {
    return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

EventEmitter.listenerCount = (emitter, type) => emitter.listenerCount(type);

// events.once(emitter, name): a promise for the arguments of the next
// emit; rejected by an 'error' emit meanwhile.
EventEmitter.once = function (emitter, name) {
    return new Promise((resolve, reject) => {
        const onError = (err) => {
            emitter.removeListener(name, onEvent);
            reject(err);
        };
        const onEvent = (...args) => {
            if (name !== 'error') emitter.removeListener('error', onError);
            resolve(args);
        };
        emitter.once(name, onEvent);
        if (name !== 'error') emitter.once('error', onError);
    });
};

EventEmitter.EventEmitter = EventEmitter;
EventEmitter.errorMonitor = Symbol('events.errorMonitor');
module.exports = EventEmitter;
