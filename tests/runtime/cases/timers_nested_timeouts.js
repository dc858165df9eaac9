// A timeout scheduled by a timeout runs in a later timers phase: an
// immediate scheduled by the same callback comes first.
setTimeout(() => {
    console.log('timeout 1');
    setTimeout(() => console.log('timeout 2 (nested)'), 0);
    setImmediate(() => console.log('immediate from timeout'));
}, 0);
