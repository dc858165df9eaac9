// An exception thrown by a timer callback ends the process with status 1.
setTimeout(() => {
    console.log('throwing');
    throw new Error('from a timer');
}, 1);
setTimeout(() => console.log('never'), 50);
