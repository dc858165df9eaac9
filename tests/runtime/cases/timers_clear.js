// Cleared timers and immediates never run; clearing twice or clearing
// nonsense is harmless; ids work as well as the objects.
const a = setTimeout(() => console.log('a ran'), 1);
clearTimeout(a);
clearTimeout(a);
const b = setTimeout(() => console.log('b ran'), 1);
clearTimeout(+b);
const c = setImmediate(() => console.log('c ran'));
clearImmediate(c);
clearTimeout(undefined);
clearTimeout({});
clearInterval(null);
setTimeout(() => console.log('d ran'), 2);
