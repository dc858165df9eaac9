// Queue order: sync code, nextTicks, promise jobs (ticks queued by a job
// run after the jobs), then the timers.
console.log('sync 1');
setTimeout(() => console.log('timeout'), 0);
process.nextTick(() => console.log('tick 1'));
Promise.resolve().then(() => {
    console.log('promise 1');
    process.nextTick(() => console.log('tick from promise'));
}).then(() => console.log('promise 2'));
queueMicrotask(() => console.log('microtask'));
process.nextTick(() => console.log('tick 2'));
console.log('sync 2');
