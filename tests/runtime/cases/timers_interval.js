// An interval runs until cleared, even from inside its own callback.
let n = 0;
const iv = setInterval(() => {
    n++;
    console.log('tick', n);
    if (n === 4) {
        clearInterval(iv);
        setTimeout(() => console.log('after', n), 5);
    }
}, 1);
