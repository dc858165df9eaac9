// process.exitCode is the status when the loop ends by itself.
process.exitCode = 4;
setTimeout(() => console.log('last timer'), 1);
