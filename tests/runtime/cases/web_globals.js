// Web globals: AbortController/AbortSignal, EventTarget/Event, structuredClone, atob/btoa, performance.
const ac = new AbortController();
ac.signal.addEventListener('abort', (e) => console.log('aborted', e.type, ac.signal.reason.name));
ac.abort();
console.log(ac.signal.aborted, typeof AbortSignal.timeout, btoa('hello'), atob('aGVsbG8='));
const o = { a: [1, 2, { b: 'c' }], d: new Date(0) }; o.self = o;
const c = structuredClone(o);
console.log(c !== o, c.self === c, c.a[2].b, c.d.getTime());
try { structuredClone(() => 1); } catch (e) { console.log(e.name); }
const t = new EventTarget();
t.addEventListener('x', (e) => console.log('x event', e.type, e.target === t), { once: true });
t.dispatchEvent(new Event('x')); t.dispatchEvent(new Event('x'));
console.log(typeof performance.now(), performance.now() >= 0);
