// An unref'ed timer does not keep the process alive; ref() restores it.
const t = setTimeout(() => console.log('unref ran'), 100000);
t.unref();
console.log('hasRef', t.hasRef());
const u = setTimeout(() => console.log('ref ran'), 50);
u.unref();
u.ref();
console.log('hasRef', u.hasRef());
const i = setImmediate(() => console.log('immediate unref'));
console.log('immediate hasRef', i.hasRef());
