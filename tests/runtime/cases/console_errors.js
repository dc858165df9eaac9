// Errors print as their stack's first line here (stack frames differ
// between engines, so only the message lines are compared via .message).
const e = new TypeError('bad thing');
console.log(e.message, e.name, e instanceof TypeError);
console.log({ err: String(e) });
console.assert(1 === 1, 'not printed');
console.count(); console.count(); console.count('x'); console.countReset(); console.count();
console.log('%c styled %s', 'color: red', 'text');
console.log('%d + %i', 2, '7.9');
console.log('100%', 'literal');
console.dir({ a: [1, { b: 2 }] });
console.info('info'); console.debug('debug');
