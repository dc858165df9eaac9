// Immediates queued by an immediate run in the next loop iteration; ticks
// and promise jobs run between callbacks.
setImmediate(() => {
    console.log('imm 1');
    setImmediate(() => console.log('imm 3 (next iteration)'));
    process.nextTick(() => console.log('tick after imm 1'));
    Promise.resolve().then(() => console.log('promise after imm 1'));
});
setImmediate(() => console.log('imm 2'));
