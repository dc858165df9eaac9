exports.done = false; const b = require('./cycle_b'); console.log('in a, b.done =', b.done); exports.done = true;
