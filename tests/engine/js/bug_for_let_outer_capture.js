// A closure made in a `for (let ...)` loop body shares the function's own
// bindings (only the loop variables are per iteration).
(function () {
    let fired = 0;
    const N = 3;
    const fns = [];
    for (let i = 0; i < N; i++) fns.push(() => { ++fired; return fired === N; });
    console.log(fns.map((f) => f()).join(), fired);
})();
(function () {
    let count = 0;
    const fns = [];
    for (let i = 0; i < 3; i++) fns.push(() => { count += i; return i; });
    console.log(fns.map((f) => f()).join(), count);
})();
// expect: false,false,true 3
// expect: 0,1,2 3
