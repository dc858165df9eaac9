// A rejection handled in the same turn is not reported.
const p = Promise.reject(new Error('caught'));
Promise.resolve().then(() => p.catch((e) => console.log('handled:', e.message)));
setTimeout(() => console.log('done'), 1);
