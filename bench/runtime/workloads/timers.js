// 1e4 timers with spread-out delays, all pending at once.
let fired = 0;
for (let i = 0; i < 1e4; i++) setTimeout(() => { if (++fired === 1e4) console.log('timers', fired); }, i % 20);
