// 1e5 setImmediate hops, one after another.
let n = 0;
function hop() { if (++n < 1e5) setImmediate(hop); else console.log('immediate_hops', n); }
setImmediate(hop);
