// process.exit ends at once with its code; nothing after it runs.
console.log('before');
setTimeout(() => console.log('timer never runs'), 0);
process.exit(5);
console.log('after');
