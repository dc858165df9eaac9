// process.exit() without a code uses process.exitCode.
process.exitCode = 2;
setTimeout(() => {
    console.log('exiting');
    process.exit();
}, 1);
setTimeout(() => console.log('never'), 30);
