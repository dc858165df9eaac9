exports.done = false; const a = require('./cycle_a'); console.log('in b, a.done =', a.done); exports.done = true;
