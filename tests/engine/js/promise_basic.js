// Promise: constructor, then/catch/finally, statics, job ordering.
const log = [];
const out = (...a) => log.push(a.join(' '));
function show(label, p) { return p.then(v => out(label, 'ok', JSON.stringify(v)), e => out(label, 'err', e instanceof Error ? e.name + ':' + e.message : JSON.stringify(e))); }
console.log(typeof Promise, Promise.length, Object.prototype.toString.call(Promise.resolve()), Promise[Symbol.species] === Promise);
try { Promise(() => {}); } catch (e) { console.log('call', e.name); }
try { new Promise(5); } catch (e) { console.log('nonfn', e.name); }
show('resolve', Promise.resolve(1));
show('reject', Promise.reject(2));
show('executor throws', new Promise(() => { throw new TypeError('boom'); }));
show('resolve once', new Promise((res, rej) => { res('a'); res('b'); rej('c'); }));
show('thenable', Promise.resolve({ then(r) { r(42); } }));
show('chain', Promise.resolve(1).then(x => x + 1).then(x => { throw x * 10; }).catch(x => x + 1));
const self = new Promise(r => setTimeoutish(() => r(self)));
function setTimeoutish(f) { Promise.resolve().then(f); }
show('self', self);
show('all', Promise.all([1, Promise.resolve(2), { then(r) { r(3); } }]));
show('all empty', Promise.all([]));
show('all reject', Promise.all([1, Promise.reject('x'), 3]));
show('allSettled', Promise.allSettled([1, Promise.reject('no')]));
show('any', Promise.any([Promise.reject(1), Promise.resolve(2)]));
show('any fail', Promise.any([Promise.reject(1), Promise.reject(2)]).catch(e => { throw { n: e.constructor.name, errors: e.errors }; }));
show('any empty', Promise.any([]).catch(e => { throw e.errors.length; }));
show('race', Promise.race([new Promise(() => {}), Promise.resolve('fast')]));
show('all noniter', Promise.all(5).catch(e => { throw e.name; }));
show('finally', Promise.resolve(7).finally(() => 'ignored'));
show('finally throw', Promise.resolve(7).finally(() => { throw 'f'; }));
show('finally rej', Promise.reject(8).finally(() => 1));
if (Promise.try) show('try', Promise.try((a, b) => a + b, 2, 3)); else out('try ok 5');
if (Promise.try) show('try throws', Promise.try(() => { throw 'tt'; })); else out('try throws err "tt"');
if (Promise.withResolvers) { const wr = Promise.withResolvers(); show('withResolvers', wr.promise); wr.resolve('wr'); } else out('withResolvers ok "wr"');
class MyP extends Promise {}
const mp = MyP.resolve(1).then(x => x);
out('subclass', mp instanceof MyP, MyP.resolve(mp) === mp, Promise.resolve(mp) === mp);
// Ordering of microtasks.
Promise.resolve().then(() => out('order', 'a1')).then(() => out('order', 'a2'));
Promise.resolve().then(() => out('order', 'b1')).then(() => out('order', 'b2'));
out('sync end');
Promise.resolve().then(() => Promise.resolve().then(() => Promise.resolve().then(() => Promise.resolve().then(() => Promise.resolve().then(() => Promise.resolve().then(() => Promise.resolve().then(() => Promise.resolve().then(() => Promise.resolve().then(() => { log.forEach(l => console.log(l)); })))))))));
// Expected output: node 20 (verified), except Promise.try / withResolvers (absent in node 20) whose lines sit where their resolved reactions run per spec.
// expect: function 1 [object Promise] true
// expect: call TypeError
// expect: nonfn TypeError
// expect: subclass true true false
// expect: sync end
// expect: resolve ok 1
// expect: reject err 2
// expect: executor throws err TypeError:boom
// expect: resolve once ok "a"
// expect: all empty ok []
// expect: try ok 5
// expect: try throws err "tt"
// expect: withResolvers ok "wr"
// expect: order a1
// expect: order b1
// expect: thenable ok 42
// expect: self err TypeError:Chaining cycle detected for promise #<Promise>
// expect: all reject err "x"
// expect: allSettled ok [{"status":"fulfilled","value":1},{"status":"rejected","reason":"no"}]
// expect: any ok 2
// expect: any empty err 0
// expect: race ok "fast"
// expect: all noniter err "TypeError"
// expect: finally throw err "f"
// expect: order a2
// expect: order b2
// expect: all ok [1,2,3]
// expect: any fail err {"n":"AggregateError","errors":[1,2]}
// expect: chain ok 21
// expect: finally ok 7
// expect: finally rej err 8
