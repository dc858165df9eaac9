// An unhandled rejection ends the process with status 1 after the
// microtasks of the turn ran.
Promise.reject(new Error('nobody catches this'));
Promise.resolve().then(() => console.log('microtask still runs'));
setTimeout(() => console.log('never'), 1);
