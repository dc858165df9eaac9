// node:events: on/once/off, prepend, the error event, listener lists.
const EventEmitter = require('events');
const e = new EventEmitter();
const log = (...a) => console.log(...a);
e.on('x', (v) => log('on x', v));
e.once('x', (v) => log('once x', v));
e.prependListener('x', (v) => log('first x', v));
e.emit('x', 1);
e.emit('x', 2);
console.log(e.listenerCount('x'), e.eventNames());
const h = () => log('removed?');
e.on('y', h); e.off('y', h); console.log(e.emit('y'), e.listenerCount('y'));
try { e.emit('error', new Error('boom')); } catch (err) { log('thrown', err.message); }
e.on('error', (err) => log('handled', err.message));
e.emit('error', new Error('boom 2'));
class Sub extends EventEmitter {}
const s = new Sub();
EventEmitter.once(s, 'ready').then((args) => log('ready with', args));
s.emit('ready', 'a', 'b');
e.removeAllListeners('x');
console.log(e.listenerCount('x'));
